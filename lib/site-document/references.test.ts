import { describe, expect, it } from "vitest";
import { buildDemoSiteDocument } from "../demo/demo-site-document";
import { findReferenceIssues, formatIssuePath } from "./references";
import { siteDocumentSchema } from "./schema";

const none = { siteCodes: new Set<string>(), serverNames: new Set<string>(), smsIds: new Set<string>(), machineGroupNames: new Set<string>(), queryNames: new Set<string>(), packageCommandNames: new Map(), requestIds: new Map() };

describe("site document references", () => {
  it("finds nothing wrong with the demo document", () => {
    expect(findReferenceIssues(siteDocumentSchema.parse(buildDemoSiteDocument()), none)).toEqual([]);
  });

  it("accepts references to records already in the database", () => {
    const document = siteDocumentSchema.parse({
      format: "sms-console/site-document",
      version: 1,
      computers: [{ smsId: "BPC01001", name: "X", siteCode: "BPC", logonServer: "CNS-SMS", platform: "WIN16", smsClientVersion: "1.2", pcmVariant: "PCMWIN16" }],
    });
    expect(findReferenceIssues(document, { ...none, siteCodes: new Set(["BPC"]), serverNames: new Set(["CNS-SMS"]) })).toEqual([]);
    expect(findReferenceIssues(document, none).map((issue) => issue.path)).toEqual(["computers[0].siteCode", "computers[0].logonServer"]);
  });

  it("reports duplicates, unknown references and cycles with their JSON paths", () => {
    const demo = siteDocumentSchema.parse(buildDemoSiteDocument());
    const document = {
      ...demo,
      sites: demo.sites.map((site) => (site.code === "GBL" ? { ...site, parentCode: "S01" } : site)),
      servers: [...demo.servers, { ...demo.servers[0]!, siteCode: "XYZ" }],
      machineGroups: [{ name: "G", comment: "", members: ["NOPE0001"], servers: ["NOWHERE"] }],
      packages: [...demo.packages, demo.packages[0]!],
    };
    const issues = findReferenceIssues(document, none);
    expect(issues).toContainEqual({ path: "servers[6].name", message: "Server GBL-SMS appears more than once in the document" });
    expect(issues).toContainEqual({ path: "servers[6].siteCode", message: "Site XYZ is not in the document or the database" });
    expect(issues).toContainEqual({ path: "machineGroups[0].members[0]", message: "Computer NOPE0001 is not in the document or the database" });
    expect(issues).toContainEqual({ path: "machineGroups[0].servers[0]", message: "Server NOWHERE is not in the document or the database" });
    expect(issues).toContainEqual({ path: "packages[6].packageId", message: "Package ID BPC0000A appears more than once in the document" });
    expect(issues).toContainEqual({ path: "sites[0].parentCode", message: "Site GBL would be its own ancestor" });
    expect(issues).toContainEqual({ path: "sites[3].parentCode", message: "Site S01 would be its own ancestor" });
  });

  it("writes JSON paths with indexes in brackets", () => expect(formatIssuePath(["packages", 2, "commandLines", 0, "commandLine"])).toBe("packages[2].commandLines[0].commandLine"));
});
