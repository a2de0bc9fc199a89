import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstructionFile } from "../ins/decode";
import { readGoldenBytes, readGoldenRecords } from "../ins/fixtures/golden-fixtures";
import { instructionRecordArbitrary } from "../ins/instruction-record-arbitrary";
import type { InstructionRecord } from "../ins/record";
import { COMMENT_WRAP_WIDTH, formatDumpDate, formatPcmdump, formatPcmdumpBanner, wrapWords } from "./format";

const expectedDump = readFileSync(new URL("./fixtures/mdm00005.txt", import.meta.url), "latin1");
const golden = readGoldenRecords();
const first = golden[0] as InstructionRecord;
const second = golden[1] as InstructionRecord;
const linesOf = (record: InstructionRecord, detailed = false) =>
  formatPcmdump("X.INS", [record], { detailed }).split("\n");

describe("formatPcmdump reproduces Q123499", () => {
  it("prints the golden .INS exactly as the KB article (digest 5.1), from the File Name line on", () => {
    expect(formatPcmdump("MDM00005.INS", decodeInstructionFile(readGoldenBytes()))).toBe(expectedDump);
  });

  it("keeps the trailing space after each Zone and nowhere else", () => {
    const trailing = expectedDump.split("\n").filter((line) => line.endsWith(" "));
    expect(trailing).toHaveLength(4);
    expect(trailing.every((line) => line.startsWith("                     Zone: "))).toBe(true);
  });

  it("prints only the File Name line for a file with no records", () => {
    expect(formatPcmdump("BPC00001.INS", [])).toBe("   File Name       : bpc00001.ins\n");
  });
});

describe("dates print as stored, two-digit years", () => {
  it.each<[string | null, string]>([
    ["1994-11-31T07:00:00", "11/31/94 07:00:00"], // Q123499: 0-11 month storage of SMS 1.0/1.1, shown as stored
    [null, "00/00/00 00:00:00"],
    ["2000-01-01T16:11:00", "01/01/00 16:11:00"], // Q249578 printed 01/01/100; we do not copy that bug
    ["1995-00-15T08:30:05", "00/15/95 08:30:05"], // January as SMS 1.0/1.1 stored it (Q153369)
    ["1900-02-03T00:00:00", "02/03/00 00:00:00"],
    ["2099-12-31T23:59:59", "12/31/99 23:59:59"],
    ["0000-00-01T00:00:00", "00/01/00 00:00:00"],
  ])("%s → %s", (stored, printed) => {
    expect(formatDumpDate(stored)).toBe(printed);
  });

  it("prints a year-2000 expiration line with 00", () => {
    expect(linesOf({ ...first, expirationDate: "2000-01-01T16:11:00" })).toContain("   Expiration Date : 01/01/00 16:11:00");
  });
});

describe("field layout", () => {
  it.each<[string, Partial<InstructionRecord>, string[]]>([
    ["version 6 is Beta 455", { version: 6 }, ["   PCM Version     : Beta 455"]],
    ["other versions print their number", { version: 5 }, ["   PCM Version     : 5"]],
    ["no servers", { servers: [] }, ["   Server(s)       :"]],
    [
      "zone on a later server",
      { servers: [{ path: "\\\\A\\S\\", type: 6, zone: "" }, { path: "\\\\B\\S\\", type: 2, zone: "Mac Zone" }] },
      ["   Server(s)       : \\\\A\\S\\ Type: 6", "                   : \\\\B\\S\\ Type: 2", "                     Zone: Mac Zone "],
    ],
    ["empty comments", { comments: "" }, ["   Comments        :"]],
    ["disk usage when present", { diskUsage: "1024" }, ["   Disk Usage      : 1024"]],
    [
      "reserved rows of 18",
      { reserved: "ff".repeat(32) },
      [`   Reserved        : ${Array(18).fill("FF").join(" ")}`, `                     ${Array(14).fill("FF").join(" ")}`],
    ],
  ])("%s", (_, change, expectedLines) => {
    const lines = linesOf({ ...first, ...change });
    const start = lines.indexOf(expectedLines[0] ?? "");
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start, start + expectedLines.length)).toEqual(expectedLines);
  });

  it("lower-cases the file name", () => {
    expect(formatPcmdump("BP004000.INS", [])).toContain(": bp004000.ins");
  });
});

describe("wrapWords", () => {
  it.each<[string, string[]]>([
    ["", []],
    ["short", ["short"]],
    ["two  spaces   collapse", ["two spaces collapse"]],
    ["a".repeat(60), ["a".repeat(54), "a".repeat(6)]],
    [`x ${"b".repeat(54)}`, ["x", "b".repeat(54)]],
  ])("%j", (text, lines) => {
    expect(wrapWords(text, COMMENT_WRAP_WIDTH)).toEqual(lines);
  });

  it("wraps the Q123499 comment where the article does", () => {
    expect(wrapWords(second.comments, COMMENT_WRAP_WIDTH)).toEqual([
      "This package will search your hard disk drives looking",
      "for Microsoft software. It will report only which",
      "Microsoft programs you have installed on this",
      "computer. This will be used to offer you software",
      "upgrades as they become available.",
    ]);
  });
});

describe("/d detailed dump", () => {
  it.each<[Partial<InstructionRecord>, string]>([
    [{}, "   PCM Version     : Beta 455 (record version 6)"],
    [{ operatingSystem: 51 }, "   Operating System: 51 (WIN16, WIN32_X86, DOS5, DOS6)"],
    [{ operatingSystem: 0x80000041 }, "   Operating System: 2147483713 (WIN16, MACINTOSH, unknown bits 0x80000000)"],
    [{ operatingSystem: 0 }, "   Operating System: 0 (none)"],
    [{ installFlag: 2 }, "   Install Flag    : 2 (not over a slow link)"],
    [{ installFlag: 9 }, "   Install Flag    : 9 (undocumented value)"],
    [{ installByFull: 1 }, "   Install By Full : 1 (mandatory after the install-by date)"],
    [{ userInputFlags: 1 }, "   User Input Flags: 1 (requires user input)"],
    [{}, "   Install By Date : 00/00/00 00:00:00 (not set)"],
    [{ expirationDate: "2000-01-01T16:11:00" }, "   Expiration Date : 01/01/00 16:11:00 (year 2000)"],
    [{}, "   Server(s)       : \\\\CNS-SMS\\SMS_PKGD\\BPC0000A\\ Type: 2 (WINNT3)"],
    [{ servers: [{ path: "\\\\N\\S\\", type: 9, zone: "" }] }, "   Server(s)       : \\\\N\\S\\ Type: 9 (unknown type)"],
  ])("%j → %s", (change, line) => {
    expect(linesOf({ ...first, ...change }, true)).toContain(line);
  });

  it("has the same lines as the plain dump, only with readings added", () => {
    const plain = formatPcmdump("MDM00005.INS", golden).split("\n");
    const detailed = formatPcmdump("MDM00005.INS", golden, { detailed: true }).split("\n");
    expect(detailed).toHaveLength(plain.length);
    detailed.forEach((line, index) => expect(line.startsWith(plain[index] ?? "")).toBe(true));
  });
});

describe("formatting never fails on valid records", () => {
  it("prints any valid record newline-terminated and without control characters", () => {
    fc.assert(
      fc.property(instructionRecordArbitrary, fc.boolean(), (record, detailed) => {
        const dump = formatPcmdump("F.INS", [record], { detailed });
        expect(dump.endsWith("\n")).toBe(true);
        expect(dump).not.toMatch(/[\r\t\0]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("formatPcmdumpBanner", () => {
  it("is the console's own banner, not Microsoft's", () => {
    expect(formatPcmdumpBanner("0.1.0")).toBe("SMS Console PCMDUMP-compatible instruction file dump v0.1.0\n\n");
    expect(formatPcmdumpBanner("0.1.0")).not.toMatch(/Microsoft|Copyright/);
  });
});
