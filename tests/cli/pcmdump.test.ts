import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { encodeInstructionFile } from "@/lib/ins/encode";
import type { InstructionRecord } from "@/lib/ins/record";
import { formatPcmdump, formatPcmdumpBanner } from "@/lib/pcmdump/format";
import { CONSOLE_VERSION } from "@/lib/version";
import { currentWallClock } from "@/lib/wall-clock";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-pcmdump-"));
const fixtures = {
  ins: path.resolve("lib/ins/fixtures/mdm00005.ins"),
  json: path.resolve("lib/ins/fixtures/mdm00005.json"),
  dump: path.resolve("lib/pcmdump/fixtures/mdm00005.txt"),
};
const goldenBytes = readFileSync(fixtures.ins);
const goldenRecords = JSON.parse(readFileSync(fixtures.json, "utf8")) as InstructionRecord[];
const banner = formatPcmdumpBanner(CONSOLE_VERSION);
const goldenDump = banner + readFileSync(fixtures.dump, "latin1");

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, cwd: workDirectory, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(workDirectory, name);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return name;
}

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  // Offered since 2020 and never expiring, so MDM00005 has a file whenever the test runs. Activated
  // directly (Send without the requirement review), as tests/data/jobs.test.ts does.
  const input = await demoJobInput({ runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  await activateJob({ jobId: await createJob({ input }) });
});

describe("sms pcmdump /r FILE", () => {
  it("prints the banner and then exactly Q123499's dump of MDM00005.INS", () => {
    const result = sms("pcmdump", "/r", fixtures.ins);
    expect(result).toEqual({ code: 0, stdout: goldenDump, stderr: "" });
  });

  it.each([["/R"], ["-r"], ["-R"]])("takes %s as /r (options are case-insensitive and may start with -)", (option) => {
    expect(sms("pcmdump", option, fixtures.ins).stdout).toBe(goldenDump);
  });

  it("ignores /p when standard output is not a terminal", () => {
    expect(sms("pcmdump", "/p", "/r", fixtures.ins)).toEqual({ code: 0, stdout: goldenDump, stderr: "" });
  });

  it("adds plain-words readings with /d", () => {
    const lines = sms("pcmdump", "/d", "/r", fixtures.ins).stdout.split("\n");
    expect(lines).toContain("   PCM Version     : Beta 455 (record version 6)");
    expect(lines).toContain("   Operating System: 15 (WIN16, WIN32_X86, WIN32_MIPS, WIN32_ALPHA)");
  });

  it.each([3, 8, 100, goldenBytes.length - 1])("reports a file cut to %i bytes as one line naming the byte offset, exit 1", (length) => {
    const name = file(`cut-${length}.ins`, goldenBytes.subarray(0, length));
    const result = sms("pcmdump", "/r", name);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^sms: cut-${length}\\.ins: byte \\d+: [A-Z][^\\n]+\\n$`));
  });

  it("says which byte and field a corrupt length breaks", () => {
    const bytes = Uint8Array.from(goldenBytes);
    bytes[6] = 5; // Record Count 5, but the file holds 4
    const result = sms("pcmdump", "/r", file("five.ins", bytes));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sms: five\.ins: byte \d+: Record Length: .+\n$/);
  });
});

describe("sms ins encode and pcmdump --json give back the same records", () => {
  it("round-trips lib/ins/fixtures/mdm00005.json exactly, through the golden bytes", () => {
    mkdirSync(path.join(workDirectory, "out"), { recursive: true });
    const encoded = sms("ins", "encode", fixtures.json, "-o", "out/MDM00005.INS");
    expect(encoded).toEqual({ code: 0, stdout: "", stderr: "Wrote out/MDM00005.INS: 4 records, 1,458 bytes\n" });
    expect(readFileSync(path.join(workDirectory, "out/MDM00005.INS")).equals(goldenBytes)).toBe(true);

    const dumped = sms("pcmdump", "--json", "/r", "out/MDM00005.INS");
    expect(dumped.code).toBe(0);
    expect(JSON.parse(dumped.stdout)).toEqual(goldenRecords);
    expect(dumped.stdout).toBe(`${JSON.stringify(goldenRecords, null, 2)}\n`);
    expect(sms("ins", "decode", "out/MDM00005.INS").stdout).toBe(dumped.stdout);
  });

  it("reads the records from standard input with -", () => {
    const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), "ins", "encode", "-", "-o", "stdin.ins"], { encoding: "utf8", cwd: workDirectory, input: JSON.stringify(goldenRecords) });
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(workDirectory, "stdin.ins")).equals(goldenBytes)).toBe(true);
  });

  it("lists every invalid field with its JSON path, exits 1 and writes nothing", () => {
    const records: unknown[] = structuredClone(goldenRecords);
    Object.assign(records[0] as object, { runCommand: "setup.exe\n/q", siteId: "TOOLONG" });
    delete (records[1] as Partial<InstructionRecord>).jobId;
    (records[3] as InstructionRecord).servers[1]!.type = 70000;
    Object.assign(records[2] as object, { displayDate: "1994-13-01T00:00:00", colour: "blue" });
    const result = sms("ins", "encode", file("invalid.json", JSON.stringify(records)), "-o", "invalid.ins");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("sms: invalid.json has 6 problems; no file was written");
    expect(lines.slice(1).map((line) => line.slice(0, line.indexOf(": ")))).toEqual(
      expect.arrayContaining(["  [0].siteId", "  [0].runCommand", "  [1].jobId", "  [2].displayDate", "  [2]", "  [3].servers[1].type"]),
    );
    expect(lines).toContain("  [0].runCommand: Run Command may contain only printable Latin-1 characters");
    expect(lines).toContain("  [2]: Record has unknown field(s): colour");
    expect(existsSync(path.join(workDirectory, "invalid.ins"))).toBe(false);
  });

  it("says when the output directory does not exist", () => {
    expect(sms("ins", "encode", fixtures.json, "-o", "nowhere/X.INS")).toEqual({ code: 2, stdout: "", stderr: "sms: nowhere/X.INS: no such directory\n" });
  });

  it("says when the input is not an array of records", () => {
    const result = sms("ins", "encode", file("object.json", "{}"), "-o", "object.ins");
    expect(result).toEqual({ code: 1, stdout: "", stderr: "sms: object.json has 1 problem; no file was written\n  (the file): An instruction file must be an array of records\n" });
  });
});

describe("sms pcmdump with --box DIR", () => {
  beforeAll(() => {
    file("box/MDM00005.INS", goldenBytes);
    file("box/s0101001.ins", encodeInstructionFile(goldenRecords.slice(0, 1)));
    file("box/README.TXT", "not an instruction file");
  });

  it("/l lists each file with its size and record count", () => {
    const result = sms("pcmdump", "/l", "--box", "box");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(result.stdout.startsWith(banner)).toBe(true);
    expect(lines[2]).toBe("   File Name     Bytes  Records  Last Change (UTC)");
    expect(lines[3]).toMatch(/^   mdm00005\.ins   1458        4  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(lines[4]).toMatch(/^   s0101001\.ins    \d{3}        1  /);
    expect(lines[5]).toBe(`   2 files, ${1458 + Number(lines[4]!.split(/\s+/)[2])} bytes, 5 records`);
  });

  it("/a dumps every .INS file after one banner", () => {
    const result = sms("pcmdump", "/a", "--box", "box");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(goldenDump)).toBe(true);
    expect(result.stdout.split(banner)).toHaveLength(2);
    expect(result.stdout.slice(goldenDump.length)).toBe(`\n${formatPcmdump("s0101001.ins", goldenRecords.slice(0, 1))}`);
  });

  it("/a --json prints one JSON line per file", () => {
    const lines = sms("pcmdump", "/a", "--json", "--box", "box").stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { fileName: "MDM00005.INS", records: goldenRecords },
      { fileName: "s0101001.ins", records: goldenRecords.slice(0, 1) },
    ]);
  });

  it("/r looks a bare name up in DIR, whatever its case", () => {
    expect(sms("pcmdump", "/r", "mdm00005.ins", "--box", "box").stdout).toBe(goldenDump);
    expect(sms("pcmdump", "/r", "S0101001.INS", "--box", "box").code).toBe(0);
  });

  it("reports an unreadable file in the box, still dumps the others, and exits 1", () => {
    file("box2/MDM00005.INS", goldenBytes);
    file("box2/BAD00001.INS", goldenBytes.subarray(0, 50));
    const dumped = sms("pcmdump", "/a", "--box", "box2");
    expect(dumped.code).toBe(1);
    expect(dumped.stdout).toBe(goldenDump);
    expect(dumped.stderr).toMatch(/^sms: BAD00001\.INS: byte \d+: .+\n$/);
    const listed = sms("pcmdump", "/l", "--box", "box2");
    expect(listed.code).toBe(1);
    expect(listed.stdout).toMatch(/\n   bad00001\.ins     50        -  \S+ \S+  byte \d+: .+\n/);
    expect(listed.stdout).toMatch(/2 files, 1508 bytes, 4 records, 1 unreadable\n$/);
  });
});

describe("sms pcmdump on the console's own box", () => {
  it("/r SMSID.INS dumps the file the console generates for that client now", async () => {
    const generated = await getInstructionFile({ smsId: "MDM00005", now: currentWallClock() });
    if (typeof generated === "string") throw new Error(`MDM00005 has no file: ${generated}`);
    expect(generated.records).toHaveLength(1);
    expect(sms("pcmdump", "/r", "MDM00005.INS")).toEqual({ code: 0, stdout: banner + formatPcmdump("MDM00005.INS", generated.records), stderr: "" });
    expect(JSON.parse(sms("pcmdump", "--json", "/r", "mdm00005.ins").stdout)).toEqual(generated.records);
  });

  it("/a and /l cover every client with records, and only those", () => {
    const dump = sms("pcmdump", "/a");
    expect(dump.code).toBe(0);
    expect(dump.stdout.match(/File Name {7}: .+/g)).toEqual(["File Name       : mdm00005.ins"]);
    const list = sms("pcmdump", "/l", "--json");
    expect(list.stdout.trimEnd().split("\n").map((line) => JSON.parse(line))).toEqual([
      { fileName: "MDM00005.INS", byteLength: expect.any(Number), recordCount: 1, lastChange: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
  });

  it.each<[string, string]>([
    ["S0101001.INS", "sms: S0101001.INS: no such file: no active job offers S0101001 anything now, so the box has no file for it\n"],
    ["ZZZ99999.INS", "sms: ZZZ99999.INS: no such file, and no client ZZZ99999 in inventory\n"],
    ["missing.ins", "sms: missing.ins: no such file\n"],
    ["dir/MDM00005.INS", "sms: dir/MDM00005.INS: no such file\n"],
  ])("answers /r %s with one line and exit 2", (name, stderr) => {
    expect(sms("pcmdump", "/r", name)).toEqual({ code: 2, stdout: "", stderr });
  });
});

describe("sms pcmdump usage", () => {
  it.each<[string[], string]>([
    [[], "sms: pcmdump needs /a (every file), /l (list the box) or /r FILE; see --help\n"],
    [["/d"], "sms: pcmdump needs /a (every file), /l (list the box) or /r FILE; see --help\n"],
    [["/a", "/r", "X.INS"], "sms: use /a or /r FILE, not both\n"],
    [["/r"], "sms: /r needs an instruction file name\n"],
    [["/x"], 'sms: unknown option "/x"; see --help\n'],
    [["--bogus"], 'sms: unknown option "--bogus"; see --help\n'],
    [["MDM00005.INS"], 'sms: unexpected argument "MDM00005.INS"; dump one file with /r FILE\n'],
    [["/a", "--box", "nowhere"], "sms: nowhere: no such directory\n"],
  ])("answers %j with one line and exit 2", (args, stderr) => {
    expect(sms("pcmdump", ...args)).toEqual({ code: 2, stdout: "", stderr });
  });

  it("has help for /? and --help", () => {
    for (const option of ["/?", "--help"]) {
      const result = sms("pcmdump", option);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: sms pcmdump \[\/d\] \[\/l\] \[\/p\] \{\/a \| \/r FILE\}/);
    }
  });
});
