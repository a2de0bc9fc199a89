import { describe, expect, it } from "vitest";
import { diffLines } from "./text-diff";

describe("diffLines", () => {
  it("marks added, removed and unchanged lines in order", () => {
    expect(diffLines("a\nb\nc", "a\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });
  it("shows a new file as all additions", () => {
    expect(diffLines("", "x\ny").filter((line) => line.kind !== "same")).toEqual([
      { kind: "removed", text: "" },
      { kind: "added", text: "x" },
      { kind: "added", text: "y" },
    ]);
  });
  it("finds nothing to change between equal texts", () => expect(diffLines("p\nq", "p\nq").every((line) => line.kind === "same")).toBe(true));
});
