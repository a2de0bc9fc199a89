import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readStatusMifFixture } from "./fixtures/status-mif-fixtures";
import { readJobStatusMif } from "./job-status-mif";
import { MAX_MIF_DEPTH, type MifBlock, type MifStatement } from "./mif-tree";
import { parseMif } from "./parse";
import { printMif } from "./print";
import { StatusMifError } from "./status-mif-error";

const keyword = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/).filter((word) => !/^(start|end)$/i.test(word));
const word = fc.stringMatching(/^[^\s="]{1,12}$/).filter((text) => !text.startsWith("//"));
const statement: fc.Arbitrary<MifStatement> = fc.record({
  keyword: keyword.map((text) => text.toUpperCase()),
  value: fc.oneof(
    fc.record({ isQuoted: fc.constant(true), text: fc.string({ maxLength: 20, unit: "binary" }) }),
    fc.record({ isQuoted: fc.constant(false), text: word }),
  ),
});

function block(kind: fc.Arbitrary<string>, depth: number): fc.Arbitrary<MifBlock> {
  const kinds = fc.constantFrom("GROUP", "ATTRIBUTE", "ENUM", "TABLE", "PATH");
  return fc.record({
    kind,
    statements: fc.array(statement, { maxLength: 4 }),
    blocks: depth + 1 >= MAX_MIF_DEPTH ? fc.constant([]) : fc.array(block(kinds, depth + 1), { maxLength: depth < 2 ? 3 : 1 }),
  });
}
const component = block(fc.constant("COMPONENT"), 0);

/** Untrusted text either parses or throws StatusMifError naming a line inside the text: nothing else. */
function expectParsesOrFailsCleanly(text: string): void {
  try {
    readJobStatusMif(text);
  } catch (error) {
    if (!(error instanceof StatusMifError)) throw error;
    if (error.line < 0 || error.line > text.split("\n").length || error.token === "") throw error;
  }
}

const FRAGMENTS = [
  "START", "END", "COMPONENT", "GROUP", "ATTRIBUTE", "ENUM", "NAME", "VALUE", "CLASS", "=", '"', '\\"', "\\",
  '"Success"', '"Failed"', '"InstallStatus"', `"MICROSOFT|JOBSTATUS|1.0"`, '"Status"', "//", "\n", " ", "\t", "STRING(45)", "1", "é", "\u0000",
];
const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(" "));
const fixture = readStatusMifFixture("q166833-success.mif");
const mutatedFixture = fc
  .tuple(fc.nat({ max: fixture.length }), fc.nat({ max: fixture.length }), fc.constantFrom(...FRAGMENTS))
  .map(([start, length, insert]) => fixture.slice(0, start) + insert + fixture.slice(start + (length % 40)));

describe("status MIF properties", () => {
  it("prints any MIF tree so that it parses back to the same tree", () => {
    fc.assert(
      fc.property(component, (tree) => {
        expect(parseMif(printMif(tree))).toEqual(tree);
      }),
      { numRuns: 2000 },
    );
  });

  // 100,000 untrusted files a run: the generators stay cheap so the run stays in seconds.
  it("never crashes on token soup, mutated fixtures or random text", () => {
    fc.assert(fc.property(soup, expectParsesOrFailsCleanly), { numRuns: 50_000 });
    fc.assert(fc.property(mutatedFixture, expectParsesOrFailsCleanly), { numRuns: 40_000 });
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: "binary" }), expectParsesOrFailsCleanly), { numRuns: 10_000 });
  });
});
