import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE, searchCatalogue } from "./catalogue";
import { formatRulesMarkdown } from "./format-rules-markdown";
import { OPERATION_RULES, REQUIREMENT_RULES } from "./requirement-rules";

const requirementsDirectory = new URL("./requirements/", import.meta.url);
const ruleTableText = readdirSync(requirementsDirectory)
  .filter((file) => file.endsWith(".test.ts"))
  .map((file) => readFileSync(new URL(file, requirementsDirectory), "utf8"))
  .join("\n");

describe("the requirement catalogue (digest §4)", () => {
  it("lists R1 to R88, each once, in order", () => {
    expect(CATALOGUE.map((entry) => entry.code)).toEqual(Array.from({ length: 88 }, (_, index) => `R${index + 1}`));
  });

  it("gives every not-decidable rule a reason and no implemented rule one", () => {
    for (const entry of CATALOGUE) expect(Boolean(entry.reason), entry.code).toBe(entry.status === "not-decidable");
  });

  it("names KB sources for every rule", () => {
    for (const entry of CATALOGUE) expect(entry.sources.length > 0 && entry.sources.every((source) => /^Q\d{6}$/.test(source)), entry.code).toBe(true);
  });

  it("explains every implemented rule", () => {
    for (const rule of [...REQUIREMENT_RULES, ...OPERATION_RULES]) expect(rule.why.length, rule.code).toBeGreaterThan(60);
  });

  it("has a firing and a passing case for every rule the job review runs", () => {
    const missing = REQUIREMENT_RULES.flatMap((rule) =>
      (["fires", "passes"] as const).filter((expected) => !ruleTableText.includes(`rule: "${rule.code}", expected: "${expected}"`)).map((expected) => `${rule.code} ${expected}`),
    );
    expect(missing).toEqual([]);
  });

  it("is what docs/rules.md says", () => {
    const committed = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
    expect(committed).toBe(formatRulesMarkdown());
  });
});

describe("searching the catalogue", () => {
  it("finds a rule by its code, its words or the behaviour behind it", () => {
    expect(searchCatalogue(CATALOGUE, "r63").map((entry) => entry.code)).toEqual(["R63"]);
    expect(searchCatalogue(CATALOGUE, "LISTNT nopcm").map((entry) => entry.code)).toEqual(["R63"]);
    expect(searchCatalogue(CATALOGUE, "Q166765").length).toBeGreaterThan(1);
    expect(searchCatalogue(CATALOGUE, "  ")).toHaveLength(CATALOGUE.length);
    expect(searchCatalogue(CATALOGUE, "no such words anywhere")).toEqual([]);
  });
});
