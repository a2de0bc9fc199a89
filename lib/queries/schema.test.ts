import { describe, expect, it } from "vitest";
import { z } from "zod";
import { queryInputSchema } from "./schema";

const valid = { name: "NT clients at BPC", conditions: [{ attribute: "platform", operator: "IS", value: "WIN32_X86" }, { joiner: "AND", attribute: "siteCode", operator: "IS", value: "BPC" }] };

function refusal(input: unknown): Record<string, string[] | undefined> {
  const result = queryInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return z.flattenError(result.error!).fieldErrors as Record<string, string[] | undefined>;
}

function issueAt(input: unknown, path: string): string | undefined {
  const result = queryInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.find((issue) => issue.path.join(".") === path)?.message;
}

const withCondition = (change: Record<string, unknown>) => ({ ...valid, conditions: [{ ...valid.conditions[0], ...change }] });

describe("query input", () => {
  it("accepts a named query with conditions; the first joiner defaults to AND", () => {
    const parsed = queryInputSchema.parse(valid);
    expect(parsed.conditions[0]).toEqual({ joiner: "AND", attribute: "platform", operator: "IS", value: "WIN32_X86" });
    expect(parsed.comment).toBe("");
  });

  it.each<[string, unknown, string, RegExp]>([
    ["no name", { ...valid, name: " " }, "name", /Query name is required/],
    ["a NUL in the name", { ...valid, name: "A\u0000" }, "name", /NUL/],
    ["no conditions", { ...valid, conditions: [] }, "conditions", /at least one condition/],
    ["too many conditions", { ...valid, conditions: Array(21).fill(valid.conditions[0]) }, "conditions", /at most 20/],
    ["conditions not a list", { ...valid, conditions: "platform" }, "conditions", /must be a list/],
    ["an unknown attribute", withCondition({ attribute: "colour" }), "conditions.0.attribute", /Attribute must be one of/],
    ["an unknown operator", withCondition({ operator: "SOUNDS_LIKE" }), "conditions.0.operator", /Operator must be one of/],
    ["an operator the attribute has not", withCondition({ operator: "LIKE" }), "conditions.0.operator", /Platform can be compared with: is, is not/],
    ["a platform that does not exist", withCondition({ value: "OS2" }), "conditions.0.value", /Platform must be one of/],
    ["no value", withCondition({ value: "" }), "conditions.0.value", /Value is required/],
    ["a date that is not one", withCondition({ attribute: "lastInventoryDate", operator: "LESS_THAN", value: "yesterday" }), "conditions.0.value", /Last inventory date must be a date YYYY-MM-DD/],
    ["a service pack that is not a number", withCondition({ attribute: "smsClientServicePack", operator: "AT_LEAST", value: "three" }), "conditions.0.value", /service pack must be a whole number/],
    ["an OS version that is not one", withCondition({ attribute: "osVersion", operator: "AT_LEAST", value: "NT" }), "conditions.0.value", /OS version must be a version/],
    ["a joiner that is neither", withCondition({ joiner: "XOR" }), "conditions.0.joiner", /Joiner must be one of AND, OR/],
  ])("refuses %s, naming the field", (_case, input, path, message) => {
    expect(issueAt(input, path)).toMatch(message);
  });

  it("refuses a value that is too long", () => {
    expect(issueAt(withCondition({ attribute: "name", operator: "LIKE", value: "A".repeat(101) }), "conditions.0.value")).toMatch(/at most 100/);
    expect(refusal({ ...valid, name: 5 }).name).toBeDefined();
  });
});

describe("conditions written for the CLI", async () => {
  const { parseConditionText, formatConditionText } = await import("./condition-text");
  it("reads an optional joiner, the attribute, the operator and the rest as the value", () => {
    expect(parseConditionText("OR name like MDM WKS*")).toEqual({ joiner: "OR", attribute: "name", operator: "LIKE", value: "MDM WKS*" });
    expect(parseConditionText("platform IS WIN32_X86")).toEqual({ joiner: "AND", attribute: "platform", operator: "IS", value: "WIN32_X86" });
    expect(parseConditionText("platform")).toEqual({ joiner: "AND", attribute: "platform" });
    expect(formatConditionText({ joiner: "OR", attribute: "siteCode", operator: "IS", value: "BPC" }, false)).toBe("OR siteCode IS BPC");
  });

  it("leaves a missing part for the schema to name", () => {
    expect(issueAt({ name: "Q", conditions: [parseConditionText("platform IS")] }, "conditions.0.value")).toMatch(/Value is required/);
  });
});
