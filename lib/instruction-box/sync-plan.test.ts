import { describe, expect, it } from "vitest";
import { compareBoxFiles, isInstructionFileName, planBoxSync, staleInstructionFiles, type BoxFile } from "./sync-plan";

const file = (fileName: string, ...bytes: number[]): BoxFile => ({ fileName, bytes: new Uint8Array(bytes) });

describe("isInstructionFileName", () => {
  it.each<[string, boolean]>([
    ["MDM00005.INS", true],
    ["mdm00005.ins", true],
    ["Mdm00005.Ins", true],
    ["S0101001.INS", true],
    ["MDM0005.INS", false], // seven characters: not an SMS ID
    ["MDM000055.INS", false],
    ["MDM00005.INS.tmp", false],
    [".MDM00005.INS.123.tmp", false],
    ["MDM-0005.INS", false],
    ["MDM00005.TXT", false],
    ["MDM00005", false],
    ["PCMINS.BOX", false],
    ["README.TXT", false],
  ])("%s → %s", (name, expected) => {
    expect(isInstructionFileName(name)).toBe(expected);
  });
});

describe("planBoxSync", () => {
  it.each<[string, BoxFile[], BoxFile[], { write: string[]; unchanged: string[]; remove: string[] }]>([
    ["an empty directory gets every file", [file("MDM00005.INS", 1), file("S0101001.INS", 2)], [], { write: ["MDM00005.INS", "S0101001.INS"], unchanged: [], remove: [] }],
    ["identical bytes are left alone", [file("MDM00005.INS", 1, 2)], [file("MDM00005.INS", 1, 2)], { write: [], unchanged: ["MDM00005.INS"], remove: [] }],
    ["different bytes are rewritten", [file("MDM00005.INS", 1, 2)], [file("MDM00005.INS", 1, 3)], { write: ["MDM00005.INS"], unchanged: [], remove: [] }],
    ["a shorter file is rewritten", [file("MDM00005.INS", 1)], [file("MDM00005.INS", 1, 2)], { write: ["MDM00005.INS"], unchanged: [], remove: [] }],
    ["a client without records loses its file", [], [file("MDM00005.INS", 1)], { write: [], unchanged: [], remove: ["MDM00005.INS"] }],
    ["a lower-case stale file is removed too", [], [file("mdm00005.ins", 1)], { write: [], unchanged: [], remove: ["mdm00005.ins"] }],
    [
      "files not named <SMS ID>.INS are never removed",
      [],
      [file("README.TXT", 1), file("notes.ins", 1), file("MDM0005.INS", 1), file(".MDM00005.INS.1-1.tmp", 1), file("MDM00005.BAK", 1)],
      { write: [], unchanged: [], remove: [] },
    ],
    ["another spelling of a wanted name is the same file, compared as it is", [file("MDM00005.INS", 1)], [file("mdm00005.ins", 1)], { write: [], unchanged: ["mdm00005.ins"], remove: [] }],
    ["and rewritten under its present spelling", [file("MDM00005.INS", 1)], [file("mdm00005.ins", 2)], { write: ["mdm00005.ins"], unchanged: [], remove: [] }],
    [
      "two spellings on a case-sensitive disk: the upper-case one is kept, the other removed",
      [file("MDM00005.INS", 1)],
      [file("mdm00005.ins", 1), file("MDM00005.INS", 1)],
      { write: [], unchanged: ["MDM00005.INS"], remove: ["mdm00005.ins"] },
    ],
    [
      "a mixed directory",
      [file("MDM00005.INS", 1), file("S0101001.INS", 2), file("S0101002.INS", 3)],
      [file("MDM00005.INS", 1), file("S0101001.INS", 9), file("S0909009.INS", 4), file("LOGON.BAT", 5)],
      { write: ["S0101001.INS", "S0101002.INS"], unchanged: ["MDM00005.INS"], remove: ["S0909009.INS"] },
    ],
  ])("%s", (_, wanted, present, expected) => {
    const plan = planBoxSync(wanted, present);
    expect({ write: plan.write.map((entry) => entry.fileName), unchanged: plan.unchanged, remove: plan.remove }).toEqual(expected);
  });

  it("writes the wanted bytes, not the present ones", () => {
    const plan = planBoxSync([file("MDM00005.INS", 7, 8)], [file("mdm00005.ins", 1)]);
    expect(plan.write).toEqual([file("mdm00005.ins", 7, 8)]);
  });
});

describe("a box synced a batch at a time gets the same plan as all at once", () => {
  it("compares each batch with its own present files and removes the rest at the end", () => {
    const wanted = Array.from({ length: 10 }, (_, index) => file(`S01010${String(index).padStart(2, "0")}.INS`, index));
    const present = [...wanted.slice(0, 6).map((entry, index) => (index % 2 ? file(entry.fileName, 99) : entry)), file("S0909009.INS", 1), file("KEEP.TXT", 1)];
    const whole = planBoxSync(wanted, present);

    const batches = [wanted.slice(0, 4), wanted.slice(4)];
    const batched = batches.map((batch) => {
      const names = new Set(batch.map((entry) => entry.fileName));
      return compareBoxFiles(batch, present.filter((entry) => names.has(entry.fileName)));
    });
    expect(batched.flatMap((plan) => plan.write)).toEqual(whole.write);
    expect(batched.flatMap((plan) => plan.unchanged)).toEqual(whole.unchanged);
    expect(staleInstructionFiles(present.map((entry) => entry.fileName), wanted.map((entry) => entry.fileName))).toEqual(whole.remove);
    expect(whole.remove).toEqual(["S0909009.INS"]);
  });
});
