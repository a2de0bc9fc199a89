import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KB_PDF_NAMES, readKbPdf } from "./fixtures/kb-fixtures";
import { MAX_PDF_SECTIONS } from "./ini";
import { MAX_LISTED_PROBLEMS, parsePackageDefinitionFile } from "./parse";
import { writePackageDefinitionFile } from "./write";

/** Whatever the bytes, the parser answers with a result, never an exception, and reads stable packages. */
function checkAnswer(bytes: Uint8Array) {
  const result = parsePackageDefinitionFile(bytes);
  expect(result.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
  for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(0);
  if (result.ok) {
    expect(result.problems.every((problem) => problem.severity !== "error")).toBe(true);
    // What was read writes out and reads back the same.
    const again = parsePackageDefinitionFile(Buffer.from(writePackageDefinitionFile(result.definition), "latin1"));
    expect(again.ok && again.definition).toEqual(result.definition);
  } else {
    expect(result.problems.some((problem) => problem.severity === "error")).toBe(true);
  }
}

const kbLines = KB_PDF_NAMES.flatMap((name) => Buffer.from(readKbPdf(name)).toString("latin1").split("\n"));
const lineish = fc.oneof(
  fc.constantFrom(...kbLines),
  fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\x20-\x7e]/g, "")),
  fc.constantFrom("[", "]", "=", "[PDF]", "[Package Definition]", "SetupVariations=,,", "Detection Rule Part 9999=OR", "[File 1]", "CRC=1,2", ";", "\u001a"),
);

describe("parsePackageDefinitionFile fuzz", () => {
  it("answers any bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkAnswer(bytes)), { numRuns: 500 });
  });

  it("answers any mix of PDF lines", () => {
    fc.assert(fc.property(fc.array(lineish, { maxLength: 80 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, end) => checkAnswer(Buffer.from(lines.join(end), "latin1"))), { numRuns: 1000 });
  });

  it.each(KB_PDF_NAMES)("answers %s with any line dropped or doubled", (name) => {
    const lines = Buffer.from(readKbPdf(name)).toString("latin1").split("\n");
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.boolean(), (index, isDoubled) => {
        const edited = isDoubled ? [...lines.slice(0, index + 1), ...lines.slice(index)] : [...lines.slice(0, index), ...lines.slice(index + 1)];
        checkAnswer(Buffer.from(edited.join("\n"), "latin1"));
      }),
    );
  });

  it("stops at the section bound however the sections are written", () => {
    fc.assert(
      fc.property(fc.constantFrom("[A]", "[File 1]", "[x Setup]", "[ ]"), (header) => {
        const result = parsePackageDefinitionFile(Buffer.from(Array(MAX_PDF_SECTIONS + 1).fill(header).join("\n"), "latin1"));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 4 },
    );
  });
});
