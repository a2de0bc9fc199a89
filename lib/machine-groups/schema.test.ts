import { describe, expect, it } from "vitest";
import { machineGroupInputSchema } from "./schema";

describe("machineGroupInputSchema", () => {
  it("accepts computers and servers, upper-cased", () => {
    expect(machineGroupInputSchema.parse({ name: "Accounting", members: ["mdm00005"], servers: ["cns-sms"] })).toEqual({
      name: "Accounting",
      comment: "",
      members: ["MDM00005"],
      servers: ["CNS-SMS"],
    });
  });
  it("points at each duplicate and each bad entry by position", () => {
    const issues = machineGroupInputSchema.safeParse({ name: "", members: ["MDM00005", "BAD", "MDM00005"] }).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["name", "Machine group name is required"],
      ["members.1", "Member SMS ID must be 8 characters, A-Z or 0-9 (the first three are the creating site's code)"],
      ["members.2", "MDM00005 is listed twice"],
    ]);
    const duplicates = machineGroupInputSchema.safeParse({ name: "G", members: ["MDM00005", "MDM00005"] }).error?.issues ?? [];
    expect(duplicates.map((issue) => [issue.path.join("."), issue.message])).toEqual([["members.1", "MDM00005 is listed twice"]]);
  });
});
