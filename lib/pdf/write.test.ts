import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packageDefinitionArbitrary } from "./definition-arbitrary";
import { KB_PDF_NAMES, readKbPdf } from "./fixtures/kb-fixtures";
import { parsePackageDefinitionFile } from "./parse";
import { writePackageDefinitionFile } from "./write";

function reread(text: string) {
  const result = parsePackageDefinitionFile(Buffer.from(text, "latin1"));
  if (!result.ok) throw new Error(`The written PDF does not read back: ${JSON.stringify(result.problems)}`);
  return result;
}

describe("writePackageDefinitionFile", () => {
  it.each(KB_PDF_NAMES)("writes %s so that it reads back as the same package, with no problems", (name) => {
    const original = parsePackageDefinitionFile(readKbPdf(name));
    if (!original.ok) throw new Error("fixture does not parse");
    const written = writePackageDefinitionFile(original.definition);
    const again = reread(written);
    expect(again.definition).toEqual(original.definition);
    expect(again.problems).toEqual([]);
  });

  it("writes OFF95STD.PDF in the KB's layout", () => {
    const original = parsePackageDefinitionFile(readKbPdf("OFF95STD.PDF"));
    if (!original.ok) throw new Error("fixture does not parse");
    const written = writePackageDefinitionFile(original.definition).split("\r\n");
    expect(written.slice(0, 15)).toEqual([
      "[PDF]",
      "Version=1.0",
      "",
      "[Package Definition]",
      "Product=Microsoft Office 95",
      "Version=7.0",
      "Comment=Microsoft Office 95 Standard",
      "SetupVariations=Compact, Typical, Complete, Workstation, Custom, Uninstall",
      "",
      "[Compact Setup]",
      "CommandLine=setup.exe /Q1 /B2",
      "CommandName=Compact",
      "UserInputRequired=FALSE",
      "SupportedPlatforms=Windows NT 3.1 (x86), Windows95",
      "",
    ]);
  });

  it("gives back the same package for any package it writes", () => {
    fc.assert(
      fc.property(packageDefinitionArbitrary, (definition) => {
        const again = reread(writePackageDefinitionFile(definition));
        expect(again.definition).toEqual(definition);
        // Only an empty package's own warnings: nothing the writer wrote is unknown, unused or wrapped.
        const expected = [!definition.product && "Product is empty", definition.commandLines.length === 0 && "SetupVariations lists no variations"].filter(Boolean);
        expect(again.problems.map((problem) => problem.message.split(";")[0]!.split(":")[0])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a value with a line break, which an INI line cannot hold", () => {
    expect(() => writePackageDefinitionFile({ product: "A\r\nB", version: "", comment: "", commandLines: [], inventory: null })).toThrow("Product holds a line break, which a Package Definition File cannot carry");
  });
});
