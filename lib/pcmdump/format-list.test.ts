import { describe, expect, it } from "vitest";
import { formatPcmdumpList, type PcmdumpListEntry } from "./format-list";

const changed = new Date(Date.UTC(1997, 3, 9, 17, 11, 8));

describe("formatPcmdumpList (/l)", () => {
  it.each<[string, PcmdumpListEntry[], string]>([
    ["empty box", [], ["   File Name  Bytes  Records  Last Change (UTC)", "   0 files, 0 bytes, 0 records", ""].join("\n")],
    [
      "one file",
      [{ fileName: "MDM00005.INS", byteLength: 1458, recordCount: 4, lastChange: changed }],
      [
        "   File Name     Bytes  Records  Last Change (UTC)",
        "   mdm00005.ins   1458        4  1997-04-09 17:11:08",
        "   1 file, 1458 bytes, 4 records",
        "",
      ].join("\n"),
    ],
    [
      "an unreadable file and an unknown date",
      [
        { fileName: "bp004000.ins", byteLength: 330, recordCount: 1, lastChange: changed },
        { fileName: "BAD00001.INS", byteLength: 12, recordCount: null, lastChange: new Date(Number.NaN), problem: "byte 8: Record Length: needs 2 bytes" },
      ],
      [
        "   File Name     Bytes  Records  Last Change (UTC)",
        "   bp004000.ins    330        1  1997-04-09 17:11:08",
        "   bad00001.ins     12        -  unknown              byte 8: Record Length: needs 2 bytes",
        "   2 files, 342 bytes, 1 record, 1 unreadable",
        "",
      ].join("\n"),
    ],
  ])("%s", (_, entries, expected) => {
    expect(formatPcmdumpList(entries)).toBe(expected);
  });
});
