import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "../support/reset-database";

async function rowCounts() {
  return {
    sites: await db.site.count(),
    servers: await db.server.count(),
    computers: await db.computer.count(),
    machineGroups: await db.machineGroup.count(),
    packages: await db.package.count(),
    commandLines: await db.workstationCommandLine.count(),
  };
}

async function importError(document: unknown): Promise<DomainError> {
  const error = await importSiteDocument(document).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeEach(resetDatabase);

/** A trigger that refuses a machine group named "Broken", in each database's dialect. */
const REFUSE_GROUP_TRIGGER = {
  sqlite: {
    create: [`CREATE TRIGGER refuse_group BEFORE INSERT ON "MachineGroup" WHEN NEW."name" = 'Broken' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`],
    drop: ["DROP TRIGGER refuse_group"],
    error: /machineGroup\.upsert/,
  },
  postgresql: {
    create: [
      `CREATE FUNCTION refuse_group() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."name" = 'Broken' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`,
      `CREATE TRIGGER refuse_group BEFORE INSERT ON "MachineGroup" FOR EACH ROW EXECUTE FUNCTION refuse_group()`,
    ],
    drop: [`DROP TRIGGER refuse_group ON "MachineGroup"`, "DROP FUNCTION refuse_group()"],
    error: /refused by test trigger/,
  },
};

describe("site document import and export", () => {
  it("exports, imports into an empty database and exports again identically", async () => {
    await importSiteDocument(buildDemoSiteDocument());
    const first = JSON.stringify(await exportSiteDocument());
    await resetDatabase();
    await importSiteDocument(JSON.parse(first));
    expect(JSON.stringify(await exportSiteDocument())).toBe(first);
  });

  it("imports the demo: site BPC, its servers, the four KB packages and MDM00005", async () => {
    await importSiteDocument(buildDemoSiteDocument());
    const document = await exportSiteDocument();
    expect(document.servers.filter((server) => server.siteCode === "BPC").map((server) => server.name)).toEqual(["CNS-SMS", "CNSAPPS1"]);
    expect(document.packages.map((pkg) => pkg.packageId)).toEqual(expect.arrayContaining(["BPC0000A", "GBL00015", "BPC00010", "BPC00012"]));
    expect(document.computers.some((computer) => computer.smsId === "MDM00005")).toBe(true);
    expect(new Set(document.computers.map((computer) => computer.platform)).size).toBe(8);
    expect(new Set(document.computers.map((computer) => computer.pcmVariant)).size).toBe(4);
  });

  it("importing the same document twice changes nothing the second time", async () => {
    await importSiteDocument(buildDemoSiteDocument());
    const once = JSON.stringify(await exportSiteDocument());
    await importSiteDocument(buildDemoSiteDocument());
    expect(JSON.stringify(await exportSiteDocument())).toBe(once);
  });

  it("reports all ten invalid fields with their paths and changes nothing", async () => {
    await importSiteDocument(buildDemoSiteDocument());
    const before = await rowCounts();
    const exported = JSON.stringify(await exportSiteDocument());
    const document = structuredClone(buildDemoSiteDocument()) as ReturnType<typeof buildDemoSiteDocument> & Record<string, never>;
    const broken = document as unknown as {
      sites: Record<string, unknown>[];
      servers: Record<string, unknown>[];
      computers: Record<string, unknown>[];
      packages: { commandLines: Record<string, unknown>[] }[] & Record<string, unknown>[];
      machineGroups: { members: string[] }[];
    };
    broken.sites[0]!.code = "CON";
    broken.sites[1]!.pcmPollingIntervalMinutes = 0;
    broken.servers[0]!.serverType = 9;
    broken.servers[1]!.packageShare = "CNS-SMS";
    broken.computers[0]!.smsId = "MDM5";
    broken.computers[1]!.platform = "OS2";
    broken.computers[2]!.lastInventoryAt = "1998-02-30T00:00:00";
    broken.packages[0]!.commandLines[0]!.commandLine = "";
    (broken.packages[1] as Record<string, unknown>).packageId = "GBL15";
    broken.machineGroups[0]!.members[0] = "bad id";
    const error = await importError(document);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(
      [
        "sites[0].code",
        "sites[1].pcmPollingIntervalMinutes",
        "servers[0].serverType",
        "servers[1].packageShare",
        "computers[0].smsId",
        "computers[1].platform",
        "computers[2].lastInventoryAt",
        "packages[0].commandLines[0].commandLine",
        "packages[1].packageId",
        "machineGroups[0].members[0]",
      ].sort(),
    );
    expect(error.message).toBe("The site document has 10 problems; nothing was imported");
    expect(await rowCounts()).toEqual(before);
    expect(JSON.stringify(await exportSiteDocument())).toBe(exported);
  });

  it("rolls back every earlier write when a later one fails inside the transaction", async () => {
    const document = buildDemoSiteDocument();
    await importSiteDocument({ ...document, machineGroups: [], packages: [] });
    const before = await rowCounts();
    const exported = JSON.stringify(await exportSiteDocument());
    // A write that fails after sites, servers and computers were written (a trigger here: this
    // test is about the transaction, not about validation).
    for (const sql of REFUSE_GROUP_TRIGGER[inject("databaseProvider")].create) await db.$executeRawUnsafe(sql);
    const renamed = { ...document, sites: document.sites?.map((site) => ({ ...site, name: `${site.name} (renamed)` })), machineGroups: [{ name: "Broken", members: ["MDM00005"] }] };
    await expect(importSiteDocument(renamed)).rejects.toThrow(REFUSE_GROUP_TRIGGER[inject("databaseProvider")].error);
    for (const sql of REFUSE_GROUP_TRIGGER[inject("databaseProvider")].drop) await db.$executeRawUnsafe(sql);
    expect(await rowCounts()).toEqual(before);
    expect(JSON.stringify(await exportSiteDocument())).toBe(exported);
  });

  it("refuses a document that is not a site document", async () => {
    const error = await importError({ hello: "world" });
    expect(error.issues).toContainEqual({ path: "format", message: 'format must be "sms-console/site-document"' });
  });

  it("never lets a later allocation reuse an imported or declared package number", async () => {
    const document = buildDemoSiteDocument();
    await importSiteDocument({ ...document, sites: document.sites?.map((site) => (site.code === "BPC" ? { ...site, lastAllocated: { package: 200 } } : site)) });
    const site = await db.site.findUniqueOrThrow({ where: { code: "BPC" } });
    expect(site.nextPackageNumber).toBe(200);
    const gbl = await db.site.findUniqueOrThrow({ where: { code: "GBL" } });
    expect(gbl.nextPackageNumber).toBe(36 + 5); // GBL00015
  });
});
