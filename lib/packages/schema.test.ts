import { describe, expect, it } from "vitest";
import { documentPackageSchema, packageInputSchema, workstationCommandLineInputSchema } from "./schema";

const commandLine = { commandName: "Complete", commandLine: "acmewkst.exe smsproxy\\complete.stf /I:C", supportedPlatforms: ["WIN16", "WIN32_X86"] };
const pkg = { siteCode: "BPC", name: "Microsoft Office Professional 4", commandLines: [commandLine] };

function messages(input: unknown) {
  const result = packageInputSchema.safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("workstationCommandLineInputSchema", () => {
  it("defaults the check boxes and leaves UserInputRequired undefined when the PDF did not set it", () => {
    expect(workstationCommandLineInputSchema.parse(commandLine)).toEqual({
      ...commandLine,
      isAutomated: false,
      isSystemTask: false,
      isUserInputRequired: undefined,
      isSynchronousSystemExitRequired: false,
      restartsComputer: false,
      requiresAdministratorRights: undefined,
    });
  });
  it.each([
    ["", undefined],
    ["true", true],
    ["false", false],
  ])("reads UserInputRequired %j from a form as %j", (value, expected) => {
    expect(workstationCommandLineInputSchema.parse({ ...commandLine, isUserInputRequired: value }).isUserInputRequired).toBe(expected);
  });
  it.each([
    ["", undefined],
    ["true", true],
    ["false", false],
  ])("reads needs-administrator-rights %j from a form as %j (blank: not recorded)", (value, expected) => {
    expect(workstationCommandLineInputSchema.parse({ ...commandLine, requiresAdministratorRights: value }).requiresAdministratorRights).toBe(expected);
  });
  it("reads a kept row's id from its hidden field", () => expect(workstationCommandLineInputSchema.parse({ ...commandLine, id: "12" }).id).toBe(12));
});

describe("packageInputSchema", () => {
  it("accepts a package with command lines", () => expect(packageInputSchema.safeParse(pkg).success).toBe(true));
  it.each<[string, unknown, string, string]>([
    ["an empty command line", { ...pkg, commandLines: [{ ...commandLine, commandLine: "  " }] }, "commandLines.0.commandLine", "Command line is required"],
    ["an empty command name", { ...pkg, commandLines: [{ ...commandLine, commandName: "" }] }, "commandLines.0.commandName", "Command name is required"],
    ["no supported platform", { ...pkg, commandLines: [{ ...commandLine, supportedPlatforms: [] }] }, "commandLines.0.supportedPlatforms", "Tick at least one supported platform"],
    ["no platform box ticked (no field sent)", { ...pkg, commandLines: [{ ...commandLine, supportedPlatforms: undefined }] }, "commandLines.0.supportedPlatforms", "Tick at least one supported platform"],
    ["an unknown platform", { ...pkg, commandLines: [{ ...commandLine, supportedPlatforms: ["OS2"] }] }, "commandLines.0.supportedPlatforms.0", "Supported platform must be one of WIN16, WIN32_X86, WIN32_MIPS, WIN32_ALPHA, DOS5, DOS6, MACINTOSH, WINDOWS95"],
    ["a command line longer than 255", { ...pkg, commandLines: [{ ...commandLine, commandLine: "x".repeat(256) }] }, "commandLines.0.commandLine", "Command line must be at most 255 characters"],
    ["a duplicate command name in any case", { ...pkg, commandLines: [commandLine, { ...commandLine, commandName: "COMPLETE" }] }, "commandLines.1.commandName", 'Command name "COMPLETE" is already used in this package'],
    ["an empty package name", { ...pkg, name: "" }, "name", "Package name is required"],
    ["no site", { ...pkg, siteCode: undefined }, "siteCode", "Site code is required"],
    ["a command line an instruction file cannot hold", { ...pkg, commandLines: [{ ...commandLine, commandLine: "setup.exe /name:\u{1F600}" }] }, "commandLines.0.commandLine", "Command line may only use characters an instruction file can hold (printable Latin-1)"],
    ["a control character in the comments", { ...pkg, comments: "bell\u0007" }, "comments", "Comments may only use characters an instruction file can hold (printable Latin-1)"],
    ["a negative file count", { ...pkg, sourceFileCount: "-1" }, "sourceFileCount", "Source file count must be a whole number from 0 to 10000000"],
    ["a fractional source size", { ...pkg, sourceSizeMegabytes: 2.5 }, "sourceSizeMegabytes", "Source size (MB) must be a whole number from 0 to 10000000"],
  ])("refuses %s, naming the field", (_case, input, path, message) => expect(messages(input)[path]).toBe(message));
});

describe("the facts about the package source", () => {
  const facts = ["sourceFileCount", "sourceSizeMegabytes", "hasLongFileNames", "isSourceOnNtfs", "hasSourceChangedSinceLastSend"] as const;

  it("leaves every fact undefined (not recorded) when its form field is blank", () => {
    const parsed = packageInputSchema.parse({ ...pkg, ...Object.fromEntries(facts.map((fact) => [fact, ""])) });
    expect(facts.map((fact) => parsed[fact])).toEqual(facts.map(() => undefined));
  });

  it("reads recorded facts from a form", () => {
    const parsed = packageInputSchema.parse({ ...pkg, sourceFileCount: "268", sourceSizeMegabytes: "34", hasLongFileNames: "false", isSourceOnNtfs: "true", hasSourceChangedSinceLastSend: "false" });
    expect(Object.fromEntries(facts.map((fact) => [fact, parsed[fact]]))).toEqual({ sourceFileCount: 268, sourceSizeMegabytes: 34, hasLongFileNames: false, isSourceOnNtfs: true, hasSourceChangedSinceLastSend: false });
  });
});

describe("documentPackageSchema", () => {
  it("needs the package ID the site allocated", () => {
    expect(documentPackageSchema.safeParse({ ...pkg, packageId: "BPC0000A" }).success).toBe(true);
    expect(documentPackageSchema.safeParse({ ...pkg, packageId: "BPC0A" }).error?.issues[0]?.message).toBe(
      "Package ID must be 8 characters: a site code and 5 base-36 characters, e.g. BPC0000A",
    );
  });

  it("takes distribution servers as NetBIOS names, so a NUL or a blank name is refused by name", () => {
    expect(documentPackageSchema.parse({ ...pkg, packageId: "BPC0000A", distributionServers: ["cns-sms"] }).distributionServers).toEqual(["CNS-SMS"]);
    for (const name of ["CNS\u0000SMS", " "]) {
      const issues = documentPackageSchema.safeParse({ ...pkg, packageId: "BPC0000A", distributionServers: [name] }).error?.issues ?? [];
      expect(issues.map((issue) => issue.path.join("."))).toContain("distributionServers.0");
    }
  });
});

describe("check boxes given something else", () => {
  it("name the field", () => {
    const result = workstationCommandLineInputSchema.safeParse({ ...commandLine, isAutomated: "maybe" });
    expect(result.error?.issues[0]?.message).toBe("Automated Command Line must be ticked (true) or not (false)");
  });
});

describe("text fields refuse a NUL character, which PostgreSQL cannot store (found by the fuzz pass)", () => {
  it("names the field", () => {
    const parsed = packageInputSchema.safeParse({ siteCode: "BPC", name: "Office\u0000", comments: "a\u0000b", commandLines: [] });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(paths).toContainEqual(["comments", "Comments may not contain a NUL character"]);
  });
});
