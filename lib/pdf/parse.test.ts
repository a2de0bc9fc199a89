import { describe, expect, it } from "vitest";
import { KB_PDF_NAMES, readKbPdf } from "./fixtures/kb-fixtures";
import { MAX_PDF_BYTES, MAX_PDF_SECTIONS } from "./ini";
import { parsePackageDefinitionFile } from "./parse";

function parsed(text: string) {
  return parsePackageDefinitionFile(Buffer.from(text, "latin1"));
}

const MINIMAL = ["[PDF]", "Version=1.0", "[Package Definition]", "Product=P", "Version=1", "Comment=C", "SetupVariations=Typical", "[Typical Setup]", "CommandLine=setup.exe", "CommandName=Typical", "SupportedPlatforms=Windows95"];

describe("the KB's PDFs (digest §5.17)", () => {
  it.each(KB_PDF_NAMES)("%s matches its golden reading", async (name) => {
    const result = parsePackageDefinitionFile(readKbPdf(name));
    expect(result.ok).toBe(true);
    await expect(JSON.stringify(result, null, 2) + "\n").toMatchFileSnapshot(`fixtures/${name}.json`);
  });

  it("reads OFF95STD.PDF's six command lines; Custom and Uninstall need user input", () => {
    const result = parsePackageDefinitionFile(readKbPdf("OFF95STD.PDF"));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { definition } = result;
    expect([definition.product, definition.version, definition.comment]).toEqual(["Microsoft Office 95", "7.0", "Microsoft Office 95 Standard"]);
    expect(definition.commandLines.map((line) => [line.commandName, line.commandLine, line.isUserInputRequired])).toEqual([
      ["Compact", "setup.exe /Q1 /B2", false],
      ["Typical", "setup.exe /Q1 /B1", false],
      ["Complete", "setup.exe /Q1 /B3", false],
      ["Workstation", "setup.exe /Q1 /B4", false],
      ["Custom", "setup.exe", true],
      ["Uninstall", "setup.exe /Q1 /U", true],
    ]);
    expect(definition.commandLines.every((line) => line.supportedPlatforms.join() === "WIN32_X86,WINDOWS95")).toBe(true);
    expect(definition.inventory).toEqual({
      isInventoried: true,
      rule: [{ file: 0 }],
      files: [expect.objectContaining({ fileName: "MSOFFICE.EXE", date: "7, 20, 95", size: "365056", time: "12, 00", checksum: "", isCollected: false })],
    });
    expect(result.problems).toEqual([]);
  });

  it("joins the NT 3.51 SP1 PDF's wrapped SupportedPlatforms and says so on each wrapped line", () => {
    const result = parsePackageDefinitionFile(readKbPdf("NT351SP1.PDF"));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.definition.commandLines[0]).toMatchObject({ commandName: "Unattended NT 3.51 SP1 Installation", isSynchronousSystemExitRequired: true, supportedPlatforms: ["WIN32_X86", "WIN32_MIPS", "WIN32_ALPHA"] });
    expect(result.problems.map((problem) => [problem.line, problem.severity])).toEqual([
      [10, "warning"],
      [12, "warning"],
    ]);
    expect(result.definition.inventory?.files[0]).toMatchObject({ fileName: "NTOSKRNL.EXE", size: "805264", crc: "" });
  });
});

describe("problems by line", () => {
  it("refuses a malformed CRC and a missing CommandLine, naming both lines", () => {
    const text = [...MINIMAL.slice(0, 8), "CommandName=Typical", "SupportedPlatforms=Windows95", "[Setup Package for Inventory]", "InventoryThisPackage=TRUE", "Detection Rule Part 1=File 1", "[File 1]", "FILE=A.EXE", "CRC=512 2048 23537"].join("\r\n");
    const result = parsed(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { line: 8, severity: "error", message: "[Typical Setup] has no CommandLine=" },
      { line: 16, severity: "error", message: "CRC=512 2048 23537 is malformed: a CRC is three numbers separated by commas, e.g. 512,2048,23537 (Q167631)" },
    ]);
  });

  it.each([
    ["an unknown key is a warning", [...MINIMAL, "Colour=blue"], true, [12, "warning", "Unknown key Colour= in [Typical Setup] is ignored"]],
    ["an unknown platform is an error", MINIMAL.map((line) => (line.startsWith("Supported") ? "SupportedPlatforms=Windows95, OS/2 Warp" : line)), false, [11, "error", 'Unknown platform "OS/2 Warp" in SupportedPlatforms (e.g. Windows95, Windows NT 3.1 (x86), Windows NT (Alpha))']],
    ["a 1.2 versioned NT string is a note", MINIMAL.map((line) => (line.startsWith("Supported") ? "SupportedPlatforms=Windows NT 4.0 (x86)" : line)), true, [11, "info", '"Windows NT 4.0 (x86)" is read as the generic Windows NT option: SMS does no version checking (Q150799)']],
    ["a variation without its section", MINIMAL.map((line) => (line.startsWith("SetupVariations") ? "SetupVariations=Typical, Compact" : line)), false, [7, "error", 'SetupVariations lists "Compact" but there is no [Compact Setup] section']],
    ["a flag that is not TRUE or FALSE", [...MINIMAL, "SystemTask=maybe"], false, [12, "error", "SystemTask=maybe must be TRUE or FALSE"]],
    ["a setup section not listed", [...MINIMAL, "[Extra Setup]", "CommandLine=x"], true, [12, "warning", "Section [Extra Setup] is not used and is ignored (its variation is not listed in SetupVariations)"]],
    ["no [PDF] section", MINIMAL.slice(2), false, [0, "error", "There is no [PDF] section: this is not a Package Definition File"]],
    ["a rule ending with AND", [...MINIMAL, "[Setup Package for Inventory]", "InventoryThisPackage=TRUE", "Detection Rule Part 1=File 1", "Detection Rule Part 2=AND", "[File 1]", "FILE=A.EXE"], false, [15, "error", "The detection rule ends with AND or OR; a file test must follow it"]],
    ["a rule naming a missing file", [...MINIMAL, "[Setup Package for Inventory]", "InventoryThisPackage=TRUE", "Detection Rule Part 1=File 2"], false, [14, "error", "Detection Rule Part 1=File 2 names no [File n] section in this file"]],
  ] as const)("%s", (_, lines, isOk, [line, severity, message]) => {
    const result = parsed(lines.join("\n"));
    expect(result.ok).toBe(isOk);
    expect(result.problems).toContainEqual({ line, severity, message });
  });

  it("reads both platform spellings of Q150799 as the same platforms", () => {
    const spellings = ["Windows NT 3.1 (x86), Windows NT 3.1 (MIPS), Windows NT 3.1 (Alpha)", "Windows NT (x86), Windows NT 3.51 (MIPS), Windows NT 3.5 (Alpha)"];
    const platforms = spellings.map((spelling) => {
      const result = parsed(MINIMAL.map((line) => (line.startsWith("Supported") ? `SupportedPlatforms=${spelling}` : line)).join("\n"));
      return result.ok ? result.definition.commandLines[0]!.supportedPlatforms : result.problems;
    });
    expect(platforms).toEqual([
      ["WIN32_X86", "WIN32_MIPS", "WIN32_ALPHA"],
      ["WIN32_X86", "WIN32_MIPS", "WIN32_ALPHA"],
    ]);
  });
});

describe("bounds", () => {
  it("refuses a 5 MB file before reading it", () => {
    const result = parsePackageDefinitionFile(new Uint8Array(5 * 1024 * 1024).fill(0x41));
    expect(result).toEqual({ ok: false, problems: [{ line: 0, severity: "error", message: `The file is 5.0 MB; a Package Definition File may be at most ${MAX_PDF_BYTES / 1024} KB` }] });
  });

  it("refuses binary garbage as not text", () => {
    const result = parsePackageDefinitionFile(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/^The file is not text/);
  });

  it("refuses 10,000 sections", () => {
    const text = Array.from({ length: 10_000 }, (_, index) => `[S${index}]`).join("\n");
    const result = parsed(text);
    expect(result).toEqual({ ok: false, problems: [{ line: MAX_PDF_SECTIONS + 1, severity: "error", message: `The file has more than ${MAX_PDF_SECTIONS} sections; a Package Definition File needs a few dozen at most` }] });
  });

  it("lists at most 200 problems", () => {
    const result = parsed([...MINIMAL, ...Array.from({ length: 400 }, (_, index) => `Unknown${index}=x`), "SystemTask=bad"].join("\n"));
    expect(result.problems).toHaveLength(201);
    expect(result.problems.at(-1)!.message).toBe("201 more problems are not listed");
  });
});
