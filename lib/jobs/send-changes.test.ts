import { describe, expect, it } from "vitest";
import type { DiffLine } from "../text-diff";
import { foldUnchangedLines, groupTargetChanges } from "./send-changes";

const same = (text: string): DiffLine => ({ kind: "same", text });
const added = (text: string): DiffLine => ({ kind: "added", text });
const removed = (text: string): DiffLine => ({ kind: "removed", text });

describe("groupTargetChanges", () => {
  it("shows each distinct change once with its targets, changes first and the most targets first, unchanged last", () => {
    const groups = groupTargetChanges([
      { smsIds: ["S0100009"], fileName: "S0100009.INS", diff: [same("File Name: s0100009.ins"), same("Request ID: S01000A")] },
      { smsIds: ["S0100003"], fileName: "S0100003.INS", diff: [same("File Name: s0100003.ins"), added("Request ID: S01000B")] },
      { smsIds: ["S0100002", "S0100001"], fileName: "S0100002.INS", diff: [same("File Name: s0100002.ins"), removed("Old"), added("Request ID: S01000B")] },
      { smsIds: ["S0100005"], fileName: "S0100005.INS", diff: [same("File Name: s0100005.ins"), removed("Old"), added("Request ID: S01000B")] },
    ]);
    expect(groups.map((group) => [group.smsIds, group.isChange, group.addedLines, group.removedLines, group.shownFor])).toEqual([
      [["S0100001", "S0100002", "S0100005"], true, 1, 1, "S0100002"],
      [["S0100003"], true, 1, 0, "S0100003"],
      [["S0100009"], false, 0, 0, "S0100009"],
    ]);
  });

  it("counts a new file's own name as the same change on every target", () => {
    const newFile = (smsId: string) => ({ smsIds: [smsId], fileName: `${smsId}.INS`, diff: [removed("(no instruction file)"), added(`File Name: ${smsId.toLowerCase()}.ins`), added("Package: Office 95")] });
    const groups = groupTargetChanges([newFile("S0100001"), newFile("S0100002"), { ...newFile("S0100003"), diff: [...newFile("S0100003").diff, added("Package: Other")] }]);
    expect(groups.map((group) => group.smsIds)).toEqual([["S0100001", "S0100002"], ["S0100003"]]);
  });
});

describe("foldUnchangedLines", () => {
  it("keeps two lines either side of a change and folds the rest", () => {
    const diff = [...Array.from({ length: 10 }, (_, index) => same(`a${index}`)), added("new"), ...Array.from({ length: 10 }, (_, index) => same(`b${index}`))];
    expect(foldUnchangedLines(diff)).toEqual([{ kind: "fold", count: 8 }, same("a8"), same("a9"), added("new"), same("b0"), same("b1"), { kind: "fold", count: 8 }]);
  });

  it("folds a diff with no change to one marker", () => {
    expect(foldUnchangedLines([same("a"), same("b")])).toEqual([{ kind: "fold", count: 2 }]);
  });
});
