import { describe, expect, it } from "vitest";
import type { JobTarget } from "./schema";
import { matchesMachinePath, resolveTargets, sitesWithin, type InventoryComputer, type TargetInventory } from "./targets";

const computer = (smsId: string, siteCode: string, platform: InventoryComputer["platform"], extra: Partial<InventoryComputer> = {}): InventoryComputer => ({
  smsId,
  name: `PC-${smsId}`,
  siteCode,
  ntDomain: "CORP",
  platform,
  osVersion: "4.0",
  logonServer: null,
  isPcmServiceInstalled: false,
  isPcmServiceRunning: false,
  pcmServiceStartType: null,
  pcmServiceFileDate: null,
  smsClientVersion: "1.2",
  smsClientServicePack: 4,
  networkLink: "FAST",
  lastInventoryAt: null,
  pcmVariant: platform.startsWith("WIN32") ? "PCMWIN32" : platform === "MACINTOSH" ? "PCMMAC" : platform.startsWith("DOS") ? "PCMDOS" : "PCMWIN16",
  ...extra,
});

const inventory: TargetInventory = {
  computers: [
    computer("BPC00001", "BPC", "WIN32_X86"),
    computer("BPC00002", "BPC", "WIN16"),
    computer("S0100001", "S01", "WIN32_X86", { ntDomain: "LEGACY" }),
    computer("S0100002", "S01", "MACINTOSH", { ntDomain: null }),
    computer("GBL00001", "GBL", "DOS6"),
    computer("MDM00005", "BPC", "WIN32_X86", { name: "MDM-WKS-05" }),
  ],
  machineGroupMembers: new Map([[7, ["MDM00005", "S0100002"]]]),
  queries: new Map([
    [3, [{ joiner: "AND", attribute: "platform", operator: "IS", value: "WIN32_X86" }, { joiner: "OR", attribute: "siteCode", operator: "IS", value: "GBL" }]],
  ]),
  parentOfSite: new Map([
    ["GBL", null],
    ["BPC", "GBL"],
    ["S01", "BPC"],
  ]),
};

const target = (change: Partial<JobTarget>): JobTarget => ({ kind: "QUERY", smsIds: [], serverNames: [], includeSubsites: false, platforms: [], pcmVariants: [], ...change });

describe("target resolution (every target kind)", () => {
  it.each<[string, Partial<JobTarget>, string[]]>([
    ["a whole-hierarchy query", {}, ["BPC00001", "BPC00002", "GBL00001", "MDM00005", "S0100001", "S0100002"]],
    ["a query limited to one site", { limitToSiteCode: "BPC" }, ["BPC00001", "BPC00002", "MDM00005"]],
    ["a query limited to a site and its subsites", { limitToSiteCode: "BPC", includeSubsites: true }, ["BPC00001", "BPC00002", "MDM00005", "S0100001", "S0100002"]],
    ["a query filtered by platform", { platforms: ["WIN32_X86"] }, ["BPC00001", "MDM00005", "S0100001"]],
    ["a query filtered by PCM", { pcmVariants: ["PCMMAC", "PCMDOS"] }, ["GBL00001", "S0100002"]],
    ["a saved query: NT or at GBL", { queryId: 3 }, ["BPC00001", "GBL00001", "MDM00005", "S0100001"]],
    ["a saved query limited to a site", { queryId: 3, limitToSiteCode: "S01" }, ["S0100001"]],
    ["a saved query that is gone", { queryId: 99 }, []],
    ["a machine path to one computer", { kind: "MACHINE_PATH", machinePath: "BPC|CORP|mdm-wks-05" }, ["MDM00005"]],
    ["a machine path with wildcards", { kind: "MACHINE_PATH", machinePath: "S01|*|*" }, ["S0100001", "S0100002"]],
    ["a machine path to a domain", { kind: "MACHINE_PATH", machinePath: "*|LEGACY|*" }, ["S0100001"]],
    ["a list of computers, in SMS ID order, once each", { kind: "COMPUTERS", smsIds: ["MDM00005", "BPC00002", "MDM00005"] }, ["BPC00002", "MDM00005"]],
    ["a machine group", { kind: "MACHINE_GROUP", machineGroupId: 7 }, ["MDM00005", "S0100002"]],
    ["a machine group filtered by platform", { kind: "MACHINE_GROUP", machineGroupId: 7, platforms: ["MACINTOSH"] }, ["S0100002"]],
    ["a machine group that is gone", { kind: "MACHINE_GROUP", machineGroupId: 99 }, []],
  ])("%s", (_case, change, expected) => {
    expect(resolveTargets(target(change), inventory).smsIds).toEqual(expected);
  });

  it("reports listed SMS IDs that are not in inventory", () => {
    expect(resolveTargets(target({ kind: "COMPUTERS", smsIds: ["MDM00005", "ZZZ00001"] }), inventory)).toEqual({ smsIds: ["MDM00005"], unknownSmsIds: ["ZZZ00001"] });
  });

  it("never matches a computer outside any domain with a named domain", () => {
    expect(matchesMachinePath("S01|CORP|*", inventory.computers[3]!)).toBe(false);
    expect(matchesMachinePath("S01|*|*", inventory.computers[3]!)).toBe(true);
  });

  it("finds subsites at any depth and survives a loop in the hierarchy", () => {
    expect([...sitesWithin("GBL", true, inventory.parentOfSite)].sort()).toEqual(["BPC", "GBL", "S01"]);
    const loop = new Map([["A", "B"], ["B", "A"]]);
    expect([...sitesWithin("A", true, loop)].sort()).toEqual(["A", "B"]);
  });
});
