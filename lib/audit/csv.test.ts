import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRow, csvCell, csvRow } from "./csv";

describe("CSV writer", () => {
  it.each<[string | number | null | undefined, string]>([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["carriage\r\nreturn", '"carriage\r\nreturn"'],
    ['{"role":"viewer"}', '"{""role"":""viewer""}"'],
  ])("writes %j as %j (RFC 4180)", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", "\"'\rCR\""],
    ["=1,2", "\"'=1,2\""],
    ["a=b", "a=b"],
  ])("neutralises a formula in %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("ends every row with CRLF", () => {
    expect(csvRow(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });

  it("writes the audit columns in order, with a header", () => {
    expect(auditCsvHeader()).toBe(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`);
    const row = auditCsvRow({
      id: 7,
      at: "2026-11-21T08:00:00.000Z",
      actorName: "=cmd|' /C calc'!A0",
      actorRole: "administrator",
      actorUserId: null,
      address: "10.0.0.1",
      action: "user.create",
      outcome: "success",
      objectType: "user",
      objectId: "u1",
      detail: "user a@b",
      before: null,
      after: '{"email":"a@b"}',
      repeats: 1,
      lastAt: null,
    });
    expect(row).toBe(`7,2026-11-21T08:00:00.000Z,'=cmd|' /C calc'!A0,administrator,,10.0.0.1,user.create,success,user,u1,user a@b,,"{""email"":""a@b""}",1,\r\n`);
  });
});
