import { beforeEach, describe, expect, it } from "vitest";
import { deleteComputer } from "@/lib/data/inventory/computers";
import { createMachineGroup, updateMachineGroup } from "@/lib/data/inventory/machine-groups";
import { deleteServer } from "@/lib/data/sites/servers";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { deleteSite, updateSite } from "@/lib/data/sites/sites";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { siteInputSchema } from "@/lib/sites/schema";
import { machineGroupInputSchema } from "@/lib/machine-groups/schema";
import { db } from "@/lib/db";
import { resetDatabase } from "../support/reset-database";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("deleting what is still in use is refused, saying what uses it", () => {
  it("a site with servers, computers, packages and a child site", async () => {
    await expect(deleteSite({ code: "BPC" })).rejects.toThrow(/Site BPC cannot be deleted: it is used by 1 child site; 2 servers; \d+ computers; 5 packages/);
    expect(await db.site.count({ where: { code: "BPC" } })).toBe(1);
  });

  it("a logon server that computers use", async () => {
    await expect(deleteServer({ name: "CNS-SMS" })).rejects.toThrow(/Server CNS-SMS cannot be deleted: it is used by \d+ computers as their logon server; 1 machine group/);
  });

  it("a computer in a machine group", async () => {
    await expect(deleteComputer({ smsId: "MDM00005" })).rejects.toThrow("Computer MDM00005 cannot be deleted: it is used by 1 machine group");
  });

  it("but an unused site can go", async () => {
    await db.site.create({ data: { code: "ZZZ", name: "Empty", smsVersion: "1.2", pcmPollingIntervalMinutes: 60 } });
    await deleteSite({ code: "ZZZ" });
    expect(await db.site.count({ where: { code: "ZZZ" } })).toBe(0);
  });
});

describe("site and machine group edits", () => {
  it("refuse a parent that would make the hierarchy a loop", async () => {
    const site = await db.site.findUniqueOrThrow({ where: { code: "GBL" } });
    const input = siteInputSchema.parse({ ...site, parentCode: "S01" });
    await expect(updateSite({ code: "GBL", version: site.version, input })).rejects.toMatchObject({ issues: [{ path: "parentCode", message: "Site GBL would be its own ancestor" }] });
  });

  it("list every unknown member by its position", async () => {
    const input = machineGroupInputSchema.parse({ name: "New", members: ["MDM00005", "ZZZ00001"], servers: ["NOWHERE"] });
    await expect(createMachineGroup({ input })).rejects.toMatchObject({
      issues: [
        { path: "members.1", message: "Computer ZZZ00001 is not in inventory" },
        { path: "servers.0", message: "Server NOWHERE does not exist" },
      ],
    });
  });

  it("refuse a stale machine group save", async () => {
    const group = await db.machineGroup.findFirstOrThrow({ where: { name: "Macintosh Design" } });
    const input = machineGroupInputSchema.parse({ name: group.name, members: [] });
    await updateMachineGroup({ id: group.id, version: group.version, input });
    await expect(updateMachineGroup({ id: group.id, version: group.version, input })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("writes that lose a race to another admin", () => {
  it("are refused with the same message as the check, not a database error", async () => {
    const { refusingRaces } = await import("@/lib/data/console/records");
    const { DomainError } = await import("@/lib/errors");
    const duplicate = new DomainError("invalid", "Site BPC already exists", [{ path: "code", message: "Site BPC already exists" }]);
    await expect(refusingRaces(() => db.site.create({ data: { code: "BPC", name: "Twice", smsVersion: "1.2", pcmPollingIntervalMinutes: 60 } }), { duplicate })).rejects.toBe(duplicate);
    const inUse = new DomainError("in_use", "Server CNS-SMS cannot be deleted: it was put in use meanwhile");
    const server = await db.server.findUniqueOrThrow({ where: { name: "CNS-SMS" } });
    await expect(refusingRaces(() => db.server.delete({ where: { id: server.id } }), { duplicate, inUse })).rejects.toBe(inUse);
    expect(await db.server.count({ where: { name: "CNS-SMS" } })).toBe(1);
  });
});
