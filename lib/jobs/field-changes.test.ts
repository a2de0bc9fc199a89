import { describe, expect, it } from "vitest";
import { describeValue, fieldLabel, formatFieldChanges, jobRowChanges, valueAtPath } from "./field-changes";

describe("field changes", () => {
  it.each([
    [true, "Yes"],
    [false, "No"],
    [null, "—"],
    ["", "—"],
    [[], "—"],
    [["WIN16", "WIN32_X86"], "WIN16, WIN32_X86"],
    ["1998-11-28T20:00:00", "Sat 1998-11-28 20:00"],
    [20, "20"],
  ])("reads %j as %j", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it("labels fields as their forms do, and leaves an unknown one as it is", () => {
    expect(fieldLabel("runPhase.notMandatoryOverSlowLink")).toBe("Not Mandatory over Slow Link");
    expect(fieldLabel("commandLines.3.isAutomated")).toBe("Automated Command Line");
    expect(fieldLabel("someNewField")).toBe("someNewField");
  });

  it("lists the job columns that changed, leaving out the bookkeeping", () => {
    const before = { jobId: "BPC00041", version: 1, state: "PENDING", comment: "", isMandatory: false, mandatoryAfter: null, priority: "MEDIUM" };
    const after = { ...before, version: 2, isMandatory: true, mandatoryAfter: "1998-11-28T20:00:00" };
    const changes = jobRowChanges(before, after);
    expect(changes).toEqual([
      { label: "Mandatory After", before: "No", after: "Yes" },
      { label: "Mandatory date", before: "—", after: "Sat 1998-11-28 20:00" },
    ]);
    expect(formatFieldChanges(changes)).toBe("Mandatory After: No → Yes; Mandatory date: — → Sat 1998-11-28 20:00");
    expect(jobRowChanges(null, after)).toEqual([]);
  });

  it("reads a dotted path, and nothing from a path that is not there", () => {
    const record = { commandLines: [{ isAutomated: false }] };
    expect(valueAtPath(record, "commandLines.0.isAutomated")).toBe(false);
    expect(valueAtPath(record, "commandLines.4.isAutomated")).toBeUndefined();
    expect(valueAtPath(record, "runPhase.isMandatory")).toBeUndefined();
  });
});
