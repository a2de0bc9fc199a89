import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeInstructionFile } from "./decode";
import { encodeInstructionFile } from "./encode";
import { MAX_RECORD_BYTES } from "./layout";
import type { InstructionRecord } from "./record";

/** Keeps the worked example in docs/ins-format.md true: the doc is the only spec of this layout. */
const doc = readFileSync(new URL("../../docs/ins-format.md", import.meta.url), "utf8");

function fencedBlockAfter(marker: string): string {
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`docs/ins-format.md has no block after <!-- ${marker} -->`);
  return match[1];
}

const exampleRecords = JSON.parse(fencedBlockAfter("example-json")) as InstructionRecord[];
const exampleBytes = Uint8Array.from(
  fencedBlockAfter("example-hex")
    .split("\n")
    .flatMap((line) => line.split(/\s+/).slice(1))
    .map((pair) => parseInt(pair, 16)),
);

describe("docs/ins-format.md worked example", () => {
  it("is what the encoder writes", () => {
    expect(encodeInstructionFile(exampleRecords)).toEqual(exampleBytes);
  });

  it("decodes to the documented JSON", () => {
    expect(decodeInstructionFile(exampleBytes)).toEqual(exampleRecords);
  });

  it("states the real MAX_RECORD_BYTES", () => {
    expect(doc).toContain(`| \`MAX_RECORD_BYTES\` (layout.ts) | ${MAX_RECORD_BYTES.toLocaleString("en-US")} |`);
  });
});
