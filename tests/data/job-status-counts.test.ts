import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { getJobStatus, listTargetStatuses, openTargetStatusExport } from "@/lib/data/job-status/job-status";
import { readReportsOverTime, readTargetCountsBySite, readTargetsWithoutReport } from "@/lib/data/job-status/job-status-counts";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { receiveStatusReport } from "@/lib/data/job-status/status-reports/intake";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { readStatusMifFixture } from "@/lib/status-mif/fixtures/status-mif-fixtures";
import { currentWallClock } from "@/lib/wall-clock";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

let jobId = "";
let clients: { smsId: string; siteCode: string }[] = [];
const zone = process.env.TZ;

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const atBpc = await db.computer.findMany({ where: { siteCode: "BPC" }, orderBy: { smsId: "asc" }, take: 3, select: { smsId: true, siteCode: true } });
  const elsewhere = await db.computer.findMany({ where: { siteCode: { not: "BPC" } }, orderBy: { smsId: "asc" }, take: 2, select: { smsId: true, siteCode: true } });
  clients = [...atBpc, ...elsewhere];
  jobId = await createJob({ input: await demoJobInput({ target: { kind: "COMPUTERS", smsIds: clients.map((client) => client.smsId) } }) });
  await activateJob({ jobId });
  const via = { source: "import" as const, receivedFrom: "test" };
  const now = currentWallClock();
  await receiveStatusReport({ input: { smsId: clients[0]!.smsId, jobReference: jobId, text: readStatusMifFixture("q166833-success.mif") }, via, now });
  await receiveStatusReport({ input: { smsId: clients[1]!.smsId, jobReference: jobId, text: readStatusMifFixture("q186415-ismif32-failed.mif") }, via, now });
  await receiveStatusReport({ input: { smsId: clients[3]!.smsId, jobReference: jobId, text: readStatusMifFixture("q166833-success.mif") }, via, now });
});

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("the Job Status page's grouped reads", () => {
  it("counts a job's targets by status per site, as counting its rows one by one does", async () => {
    const bySite = await readTargetCountsBySite(jobId);
    const expected = new Map<string, { NONE: number; COMPLETE: number; RETRYING: number }>();
    for await (const row of await openTargetStatusExport({ jobId })) {
      const counts = expected.get(row.siteCode) ?? { NONE: 0, COMPLETE: 0, RETRYING: 0 };
      counts[row.status] += 1;
      expected.set(row.siteCode, counts);
    }
    expect([...bySite.keys()]).toEqual([...expected.keys()].sort());
    expect(Object.fromEntries(bySite)).toEqual(Object.fromEntries(expected));
    expect(bySite.get("BPC")).toEqual({ NONE: 1, COMPLETE: 1, RETRYING: 1 });
    expect(await readTargetCountsBySite("NOSUCHJB")).toEqual(new Map());
  });

  it("gives the overview's counts and site sections from those groups", async () => {
    const overview = (await getJobStatus({ jobId }))!;
    expect(overview.counts).toEqual({ NONE: 2, COMPLETE: 2, RETRYING: 1 });
    expect(overview.targetCount).toBe(5);
    expect(overview.sites.map((site) => site.siteCode)).toEqual([...new Set(clients.map((client) => client.siteCode))].sort());
    expect(overview.sites.find((site) => site.siteCode === "BPC")).toMatchObject({ completion: "Working", counts: { NONE: 1, COMPLETE: 1, RETRYING: 1 } });
    expect(overview.reportCounts).toEqual({ applied: 3, refused: 0, held: 0 });
  });

  it("reads the first targets without a report, with their computers, and counts them all", async () => {
    const none = await listTargetStatuses({ jobId, page: 1, status: "NONE" });
    expect(none.items.map((row) => row.smsId)).toEqual([clients[2]!.smsId, clients[4]!.smsId].sort());
    const first = await readTargetsWithoutReport(jobId, 1);
    expect(first.total).toBe(2);
    const [firstRow] = none.items;
    const computer = await db.computer.findUniqueOrThrow({ where: { smsId: firstRow!.smsId }, select: { ntDomain: true } });
    expect(first.targets).toEqual([{ smsId: firstRow!.smsId, name: firstRow!.name, siteCode: firstRow!.siteCode, ntDomain: computer.ntDomain }]);
    expect((await readTargetsWithoutReport(jobId, 200)).targets.map((row) => row.smsId)).toEqual(none.items.map((row) => row.smsId));
    expect(await readTargetsWithoutReport("NOSUCHJB", 200)).toEqual({ targets: [], total: 0 });
  });

  it("counts reports per hour of the console's wall clock, in a zone half an hour off UTC too", async () => {
    const other = await createJob({ input: await demoJobInput({ target: { kind: "COMPUTERS", smsIds: [clients[0]!.smsId] } }) });
    await activateJob({ jobId: other });
    const received = [
      ["2026-01-01T04:29:59.900Z", "applied"],
      ["2026-01-01T04:30:00.000Z", "applied"],
      ["2026-01-01T04:59:00.000Z", "refused"],
      ["2026-01-01T05:29:59.000Z", "held"],
      ["2026-01-02T23:00:00.000Z", "applied"],
    ] as const;
    for (const [index, [at, outcome]] of received.entries()) {
      await db.statusReport.create({ data: { receivedAt: new Date(at), source: "import", smsId: clients[0]!.smsId, jobReference: other, jobId: other, rawText: `report ${index}`, contentHash: `${other}-${index}`, outcome } });
    }
    process.env.TZ = "Asia/Kolkata"; // UTC+05:30: 04:29:59Z is 09:59:59 there, 04:30Z is 10:00
    expect(await readReportsOverTime(other)).toEqual([
      { hour: "2026-01-01T09", applied: 1, refused: 0, held: 0 },
      { hour: "2026-01-01T10", applied: 1, refused: 1, held: 1 },
      { hour: "2026-01-03T04", applied: 1, refused: 0, held: 0 },
    ]);
    process.env.TZ = "UTC";
    expect(await readReportsOverTime(other)).toEqual([
      { hour: "2026-01-01T04", applied: 2, refused: 1, held: 0 },
      { hour: "2026-01-01T05", applied: 0, refused: 0, held: 1 },
      { hour: "2026-01-02T23", applied: 1, refused: 0, held: 0 },
    ]);
    expect(await readReportsOverTime("NOSUCHJB")).toEqual([]);
  });
});
