import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packageInputSchema, type PackageInput } from "../packages/schema";
import { PLATFORMS } from "../platforms";
import { KB_PDF_NAMES, readKbPdf } from "./fixtures/kb-fixtures";
import { definitionOfPackage, packageInputOfDefinition } from "./package-input";
import { parsePackageDefinitionFile } from "./parse";
import { writePackageDefinitionFile } from "./write";

function importText(bytes: Uint8Array, name?: string) {
  const parsed = parsePackageDefinitionFile(bytes);
  if (!parsed.ok) return parsed;
  return packageInputOfDefinition(parsed.definition, parsed.lines, { siteCode: "BPC", name });
}

/** What a PDF carries of a package: everything but the console's own facts and flags. */
function carried(input: PackageInput) {
  return {
    product: input.product,
    productVersion: input.productVersion,
    comments: input.comments,
    commandLines: input.commandLines.map(({ commandName, commandLine, isSystemTask, isUserInputRequired, isSynchronousSystemExitRequired, supportedPlatforms }) => ({ commandName, commandLine, isSystemTask, isUserInputRequired, isSynchronousSystemExitRequired, supportedPlatforms })),
    inventory: input.inventory,
  };
}

function exportedAndImported(input: PackageInput) {
  const again = importText(Buffer.from(writePackageDefinitionFile(definitionOfPackage(input)), "latin1"), input.name);
  if (!again.ok) throw new Error(JSON.stringify(again.problems));
  return again.input;
}

describe("the package a PDF creates", () => {
  it.each(KB_PDF_NAMES)("%s passes the package form's schema and exports and imports again as the same package", (name) => {
    const first = importText(readKbPdf(name));
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(exportedAndImported(first.input)).toEqual(first.input);
  });

  it("is named after the PDF's Comment, with Product and Version kept", () => {
    const result = importText(readKbPdf("OFF95STD.PDF"));
    expect(result.ok && [result.input.name, result.input.product, result.input.productVersion, result.input.inventory?.detectionRule]).toEqual(["Microsoft Office 95 Standard", "Microsoft Office 95", "7.0", "File 1"]);
  });

  it("puts the schema's refusals on the PDF's lines", () => {
    const text = ["[PDF]", "Version=1.0", "[Package Definition]", "Product=P", "SetupVariations=A, B", "[A Setup]", "CommandLine=x.exe", "CommandName=Same", "SupportedPlatforms=Windows95", "[B Setup]", "CommandLine=y.exe", "CommandName=same", "SupportedPlatforms=Windows95"].join("\n");
    expect(importText(Buffer.from(text))).toEqual({ ok: false, problems: [{ line: 12, severity: "error", message: 'Command name "same" is already used in this package' }] });
  });
});

const line = (maxLength: number) => fc.string({ unit: fc.constantFrom(..."abcXYZ019 .,;=[]\\/:-_()\xe9\xa0".split("")), minLength: 1, maxLength }).map((text) => text.trim()).filter(Boolean);

const generatedPackage = fc
  .record({
    name: line(100),
    comments: fc.option(line(200), { nil: "" }),
    product: fc.option(line(100), { nil: "" }),
    productVersion: fc.option(line(50), { nil: "" }),
    commandLines: fc.uniqueArray(
      fc.record({
        commandName: line(100),
        commandLine: line(255),
        isSystemTask: fc.boolean(),
        isUserInputRequired: fc.option(fc.boolean(), { nil: undefined }),
        isSynchronousSystemExitRequired: fc.boolean(),
        supportedPlatforms: fc.subarray([...PLATFORMS], { minLength: 1 }),
      }),
      { maxLength: 5, selector: (commandLine) => commandLine.commandName.toLowerCase() },
    ),
    inventory: fc.option(
      fc.record({ isInventoried: fc.boolean(), fileName: line(12), size: fc.nat().map(String) }).map(({ isInventoried, fileName, size }) => ({ isInventoried, detectionRule: "File 1", files: [{ fileName, size }] })),
      { nil: null },
    ),
  })
  .map((fields) => packageInputSchema.parse({ siteCode: "BPC", ...fields }));

describe("export then import", () => {
  it("gives the same package for generated packages", () => {
    fc.assert(
      fc.property(generatedPackage, (input) => {
        expect(carried(exportedAndImported(input))).toEqual(carried(input));
      }),
      { numRuns: 200 },
    );
  });
});
