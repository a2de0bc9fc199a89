import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sitesInTreeOrder } from "./tree";

const site = (code: string, parentCode: string | null = null) => ({ code, parentCode });

describe("the site hierarchy as a tree", () => {
  it("lists each site after its parent, children by code, with its depth", () => {
    const sites = [site("VAQ", "GBL"), site("S01", "BPC"), site("GBL"), site("BPC", "GBL"), site("MDM", "BPC")];
    expect(sitesInTreeOrder(sites).map(({ site: entry, depth }) => `${"  ".repeat(depth)}${entry.code}`)).toEqual(["GBL", "  BPC", "    MDM", "    S01", "  VAQ"]);
  });

  it("starts a tree at a site whose parent is missing, at a site that is its own parent, and in a loop", () => {
    const sites = [site("AAA", "ZZZ"), site("BBB", "BBB"), site("CCC", "DDD"), site("DDD", "CCC")];
    expect(sitesInTreeOrder(sites).map(({ site: entry, depth }) => [entry.code, depth])).toEqual([
      ["AAA", 0],
      ["BBB", 0],
      ["CCC", 0],
      ["DDD", 1],
    ]);
  });

  it("lists every site exactly once, whatever the parents", () => {
    const code = fc.constantFrom("A01", "A02", "A03", "A04", "A05", "A06");
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ code, parentCode: fc.option(code) }), { selector: (entry) => entry.code }), (sites) => {
        const ordered = sitesInTreeOrder(sites);
        expect(ordered.map(({ site: entry }) => entry.code).sort()).toEqual(sites.map((entry) => entry.code).sort());
        for (const { site: entry, depth } of ordered) if (depth > 0) expect(ordered.findIndex(({ site: other }) => other.code === entry.parentCode)).toBeLessThan(ordered.findIndex(({ site: other }) => other.code === entry.code));
      }),
    );
  });
});
