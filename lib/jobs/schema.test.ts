import { describe, expect, it } from "vitest";
import { documentJobSchema, MACHINE_PATH_PATTERN } from "./schema";

describe("a job target's machine path", () => {
  it.each(["BPC|CORP|mdm-wks-05", "S01|*|*", "*|LEGACY|*"])("accepts %s", (machinePath) => expect(MACHINE_PATH_PATTERN.test(machinePath)).toBe(true));

  // PostgreSQL cannot store a NUL; no site, domain or computer name holds a control character.
  it.each(["BPC|CORP|mdm\u0000", "\u0001|*|*", "BPC|CO\u007fRP|*", "BPC|CORP", "BPC:CORP:PC"])("refuses %j", (machinePath) => {
    expect(MACHINE_PATH_PATTERN.test(machinePath)).toBe(false);
    const parsed = documentJobSchema.shape.target.safeParse({ kind: "MACHINE_PATH", machinePath });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(["machinePath", "Machine path must be site|domain|computername (use * for any)"]);
  });
});
