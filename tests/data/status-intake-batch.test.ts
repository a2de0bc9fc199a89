import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { changeInstructionBoxAccess } from "@/lib/data/instruction-box/instruction-box-access";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { schedulerTick } from "@/lib/data/jobs/job-scheduler-timer";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { receiveStatusReport, type StatusReportVia } from "@/lib/data/job-status/status-reports/intake";
import { statusReportPass } from "@/lib/data/job-status/status-reports/passes";
import type { StatusIntakeResult } from "@/lib/data/job-status/status-reports/reading";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { instructionBoxAccessInputSchema } from "@/lib/instruction-box/access-token";
import { readStatusMifFixture } from "@/lib/status-mif/fixtures/status-mif-fixtures";
import { addDays, currentWallClock } from "@/lib/wall-clock";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const SUCCESS = readStatusMifFixture("q166833-success.mif");
const FAILED = readStatusMifFixture("q186415-ismif32-failed.mif");
const NOW = "2026-03-02T10:00:00";
const CLIENT: StatusReportVia = { source: "despoolr.box", presentedToken: null, address: "10.1.2.3" };
const isPostgresql = inject("databaseProvider") === "postgresql";

let clients: string[];

async function sentJob(smsIds: string[]): Promise<{ jobId: string; requestId: string }> {
  bindProcessActor(TEST_ADMINISTRATOR);
  const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  const jobId = await createJob({ input });
  const { requestId } = await activateJob({ jobId });
  bindProcessActor(undefined);
  return { jobId, requestId };
}

const report = (smsId: string, jobReference: string, text: string, extra: { reportedAt?: string; now?: string } = {}) =>
  receiveStatusReport({ input: { smsId, jobReference, text, reportedAt: extra.reportedAt }, via: CLIENT, now: extra.now ?? NOW });

const statusesOf = async (jobId: string) =>
  Object.fromEntries((await db.targetStatus.findMany({ where: { jobId }, select: { smsId: true, status: true } })).map((row) => [row.smsId, row.status]));

/** A database that refuses one client's reports at one step, as a full disk or a broken row would. */
async function refuseInDatabase(step: "insert" | "read", smsId: string): Promise<() => Promise<void>> {
  const when = step === "insert" ? "INSERT" : "UPDATE";
  const condition = step === "insert" ? `NEW."smsId" = '${smsId}'` : `NEW."smsId" = '${smsId}' AND NEW."outcome" = 'applied'`;
  if (isPostgresql) {
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_in_test() RETURNS trigger AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_in_test BEFORE ${when} ON "StatusReport" FOR EACH ROW EXECUTE FUNCTION refuse_in_test()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_in_test ON "StatusReport"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_in_test()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER refuse_in_test BEFORE ${when} ON "StatusReport" WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER refuse_in_test`));
}

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  clients = (await db.computer.findMany({ where: { siteCode: "BPC" }, orderBy: { smsId: "asc" }, take: 12, select: { smsId: true } })).map((computer) => computer.smsId);
});

beforeEach(() => bindProcessActor(undefined));
afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("status reports posted at once share one commit (group commit)", () => {
  it("keeps every report once, however many arrive together, and reads each right", async () => {
    expect(clients.length).toBeGreaterThanOrEqual(8);
    const { jobId, requestId } = await sentJob(clients);
    const byJobId = new Set(clients.filter((_, index) => index % 2 === 0));
    const textOf = (index: number) => (index % 3 === 0 ? FAILED : SUCCESS);
    // Every client's report twice, all at once, and one for a client the job does not target.
    const posts = [...clients, ...clients].map((smsId) => report(smsId, byJobId.has(smsId) ? jobId : requestId, textOf(clients.indexOf(smsId))));
    const [results, stranger] = await Promise.all([Promise.all(posts), report("BPCZZZZY", requestId, SUCCESS)]);

    expect(await db.statusReport.count({ where: { smsId: { in: clients } } })).toBe(clients.length);
    for (const smsId of clients) {
      const both = results.filter((_, index) => [...clients, ...clients][index] === smsId);
      expect(both.map((result) => result.isDuplicate).sort()).toEqual([false, true]);
      expect(new Set(both.map((result) => result.reportId)).size).toBe(1);
    }
    const expected = Object.fromEntries(clients.map((smsId, index) => [smsId, index % 3 === 0 ? "RETRYING" : "COMPLETE"]));
    expect(await statusesOf(jobId)).toEqual(expected);
    expect(results.filter((result) => !result.isDuplicate).map((result) => result.outcome)).toEqual(clients.map(() => "applied"));
    expect(stranger).toMatchObject({ outcome: "refused", refusal: "unknown-client" });
    expect(await db.statusReport.count({ where: { outcome: { notIn: ["applied", "refused"] } } })).toBe(0);
  });

  it("completes the job once when its last reports arrive together", async () => {
    const { jobId, requestId } = await sentJob(clients);
    await Promise.all(clients.map((smsId) => report(smsId, requestId, SUCCESS, { now: "2026-03-02T10:00:01" })));
    const job = await db.job.findUniqueOrThrow({ where: { jobId }, include: { transitions: { where: { toState: "COMPLETE" } } } });
    expect(job.state).toBe("COMPLETE");
    expect(job.transitions).toHaveLength(1);
  });

  it("checks the callers of reports posted together in one look, answering each as if it came alone", async () => {
    const { jobId, requestId } = await sentJob(clients);
    bindProcessActor(TEST_ADMINISTRATOR);
    const access = (siteCode: string, mode: "open" | "token") => changeInstructionBoxAccess({ siteCode, input: instructionBoxAccessInputSchema.parse({ mode }) });
    const { generatedToken } = await access("BPC", "token");
    const vaq = await access("VAQ", "token");
    bindProcessActor(undefined);
    const post = (smsId: string, presentedToken: string | null) =>
      receiveStatusReport({ input: { smsId, jobReference: requestId, text: SUCCESS }, via: { source: "despoolr.box", presentedToken, address: "10.9.9.9" }, now: NOW });
    const callers = { right: clients[0]!, missing: clients[1]!, another: clients[2]!, wrong: clients[3]!, unknown: "BPCZZZZX" };
    let settled: PromiseSettledResult<StatusIntakeResult>[];
    try {
      settled = await Promise.allSettled([post(callers.right, generatedToken), post(callers.missing, null), post(callers.another, vaq.generatedToken), post(callers.wrong, "not-the-token"), post(callers.unknown, null)]);
    } finally {
      bindProcessActor(TEST_ADMINISTRATOR);
      await access("BPC", "open");
      await access("VAQ", "open");
      bindProcessActor(undefined);
    }
    const required = "Site BPC requires its token, in the X-PCMINS-Token header or the token query parameter";
    expect(settled[0]).toMatchObject({ status: "fulfilled", value: { outcome: "applied" } });
    expect(settled[1]).toMatchObject({ status: "rejected", reason: { code: "unauthenticated", message: `${required}.` } });
    expect(settled[2]).toMatchObject({ status: "rejected", reason: { code: "forbidden", message: `The token given is site VAQ's; ${callers.another} is not a client of site VAQ.` } });
    expect(settled[3]).toMatchObject({ status: "rejected", reason: { code: "unauthenticated", message: `${required}; the token given is not the site's.` } });
    // An SMS ID not in inventory answers to the site that created it, as for PCMINS.BOX.
    expect(settled[4]).toMatchObject({ status: "rejected", reason: { code: "unauthenticated", message: `${required}.` } });
    const refused = [callers.missing, callers.another, callers.wrong, callers.unknown];
    expect(await db.statusReport.count({ where: { smsId: { in: refused }, jobReference: requestId } })).toBe(0);
    expect(Object.keys(await statusesOf(jobId))).toEqual([callers.right]);
    // One audit row per address and refusal, repeats counted on it: the three 401s share one.
    const audited = await db.auditEvent.findMany({ where: { action: "status-report.receive", outcome: "refused", address: "10.9.9.9" }, orderBy: { id: "asc" }, select: { objectId: true, repeats: true, detail: true } });
    expect(audited).toEqual([
      { objectId: callers.missing, repeats: 3, detail: `${required}.` },
      { objectId: callers.another, repeats: 1, detail: `The token given is site VAQ's; ${callers.another} is not a client of site VAQ.` },
    ]);
  });

  it("answers only the clients' posts 'not kept' when their check cannot be read; an upload in the same batch is kept", async () => {
    const { jobId, requestId } = await sentJob(clients);
    bindProcessActor(TEST_ADMINISTRATOR);
    // The first raw read of the batch is the clients' check (found in review: it failed the whole batch).
    const spy = vi.spyOn(db, "$queryRaw").mockRejectedValueOnce(new Error("database is locked"));
    let settled: PromiseSettledResult<StatusIntakeResult>[];
    try {
      settled = await Promise.allSettled([
        receiveStatusReport({ input: { smsId: clients[0]!, jobReference: requestId, text: SUCCESS }, via: CLIENT, now: NOW }),
        receiveStatusReport({ input: { smsId: clients[1]!, jobReference: requestId, text: SUCCESS }, via: { source: "upload", receivedFrom: "operator@example.test" }, now: NOW }),
      ]);
    } finally {
      spy.mockRestore();
      bindProcessActor(undefined);
    }
    expect(settled[0]).toMatchObject({ status: "rejected", reason: { code: "unavailable" } });
    expect((settled[0] as PromiseRejectedResult).reason.message).toMatch(/not kept .*send it again/);
    expect(settled[1]).toMatchObject({ status: "fulfilled", value: { outcome: "applied", targetStatus: "COMPLETE" } });
    expect(await statusesOf(jobId)).toEqual({ [clients[1]!]: "COMPLETE" });
  });

  it("audits a flood of refused posts from one address as one row with its count, not a row a post", async () => {
    const { requestId } = await sentJob(clients);
    bindProcessActor(TEST_ADMINISTRATOR);
    await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ mode: "token" }) });
    bindProcessActor(undefined);
    const FLOOD = 60;
    let settled: PromiseSettledResult<StatusIntakeResult>[];
    try {
      settled = await Promise.allSettled(
        Array.from({ length: FLOOD }, (_, index) => receiveStatusReport({ input: { smsId: clients[index % clients.length]!, jobReference: requestId, text: SUCCESS }, via: { source: "despoolr.box", presentedToken: `guess-${index}`, address: "10.6.6.6" }, now: NOW })),
      );
    } finally {
      bindProcessActor(TEST_ADMINISTRATOR);
      await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ mode: "open" }) });
      bindProcessActor(undefined);
    }
    expect(settled.every((result) => result.status === "rejected" && (result.reason as { code?: string }).code === "unauthenticated")).toBe(true);
    const audited = await db.auditEvent.findMany({ where: { action: "status-report.receive", address: "10.6.6.6" }, select: { repeats: true } });
    expect(audited).toEqual([{ repeats: FLOOD }]);
  });

  it("refuses with 'unavailable' only the report the database would not keep; the others are kept and read", async () => {
    const { jobId, requestId } = await sentJob(clients);
    const [refused, ...others] = clients as [string, ...string[]];
    const undo = await refuseInDatabase("insert", refused);
    let settled: PromiseSettledResult<StatusIntakeResult>[];
    try {
      settled = await Promise.allSettled(clients.map((smsId) => report(smsId, requestId, SUCCESS, { now: "2026-03-02T10:00:02" })));
    } finally {
      await undo();
    }
    expect(settled[0]).toMatchObject({ status: "rejected", reason: { code: "unavailable", message: expect.stringMatching(/^The status report was not kept \(.*\); send it again\.$/) } });
    expect(settled.slice(1).map((each) => each.status === "fulfilled" && each.value.outcome)).toEqual(others.map(() => "applied"));
    expect(await db.statusReport.count({ where: { smsId: refused, jobId } })).toBe(0);
    expect(Object.keys(await statusesOf(jobId)).sort()).toEqual([...others].sort());
    // Sent again, as PCM does with a report it could not deliver, it is kept.
    expect(await report(refused, requestId, SUCCESS, { now: "2026-03-02T10:00:02" })).toMatchObject({ outcome: "applied", isDuplicate: false });
  });

  it("acknowledges a report kept but not read as received, and the scheduler's pass reads it later", async () => {
    const { jobId, requestId } = await sentJob(clients);
    const [unread, ...others] = clients as [string, ...string[]];
    const undo = await refuseInDatabase("read", unread);
    let results: StatusIntakeResult[];
    try {
      results = await Promise.all(clients.map((smsId) => report(smsId, requestId, FAILED, { now: "2026-03-02T10:00:03" })));
    } finally {
      await undo();
    }
    expect(results[0]).toMatchObject({ outcome: "received", message: `Kept as report ${results[0]!.reportId}; it is read within a minute.` });
    expect(results.slice(1).map((result) => result.outcome)).toEqual(others.map(() => "applied"));
    expect((await db.statusReport.findUniqueOrThrow({ where: { id: results[0]!.reportId } })).outcome).toBe("received");
    expect(await statusesOf(jobId)).not.toHaveProperty(unread);

    // A pass reads only what was kept before its cut-off, so a live intake reads its own.
    expect(await statusReportPass({ now: NOW, keptBefore: new Date(Date.now() - 60 * 60_000) })).toEqual({ released: 0, read: 0 });
    expect(await statusReportPass({ now: NOW, keptBefore: new Date(Date.now() + 1000) })).toEqual({ released: 0, read: 1 });
    expect((await statusesOf(jobId))[unread]).toBe("RETRYING");
    expect(await report(unread, requestId, FAILED, { now: "2026-03-02T10:00:03" })).toMatchObject({ isDuplicate: true, outcome: "applied" });
  });
});

describe("held reports (Q172899) are applied by the scheduler's tick", () => {
  it("applies a held report when its time has come, without another report or read", async () => {
    const { jobId, requestId } = await sentJob([clients[0]!]);
    const now = currentWallClock();
    const held = await report(clients[0]!, requestId, SUCCESS, { reportedAt: addDays(now, 1), now });
    expect(held.outcome).toBe("held");
    await schedulerTick(now);
    expect(await statusesOf(jobId)).toEqual({});
    // The day passes: the tick at that time applies it.
    await schedulerTick(addDays(now, 2));
    expect(await statusesOf(jobId)).toEqual({ [clients[0]!]: "COMPLETE" });
    expect((await db.statusReport.findUniqueOrThrow({ where: { id: held.reportId } })).outcome).toBe("applied");
    expect((await db.job.findUniqueOrThrow({ where: { jobId } })).state).toBe("COMPLETE");
  });

  it("applies it once when two instances' passes run at the same time", async () => {
    const { jobId, requestId } = await sentJob(clients.slice(0, 2));
    const held = await Promise.all(clients.slice(0, 2).map((smsId) => report(smsId, requestId, SUCCESS, { reportedAt: "2026-03-02T12:00:00" })));
    expect(held.map((result) => result.outcome)).toEqual(["held", "held"]);
    await Promise.all([statusReportPass({ now: "2026-03-02T12:00:00" }), statusReportPass({ now: "2026-03-02T12:00:00" })]);
    expect(await db.statusReport.count({ where: { id: { in: held.map((result) => result.reportId) }, outcome: "applied" } })).toBe(2);
    const job = await db.job.findUniqueOrThrow({ where: { jobId }, include: { transitions: { where: { toState: "COMPLETE" } } } });
    expect([job.state, job.transitions.length]).toEqual(["COMPLETE", 1]);
  });

  it("reads, at the next tick, a report a stopped server kept and never read", async () => {
    const { jobId, requestId } = await sentJob([clients[1]!]);
    // What a crash between the commit of the raw row and its reading leaves behind.
    await db.statusReport.create({
      data: { source: "despoolr.box", receivedFrom: "10.1.2.3", smsId: clients[1]!, jobReference: requestId, rawText: FAILED, contentHash: "left-unread-by-a-crash", outcome: "received", receivedAt: new Date(Date.now() - 10 * 60_000) },
    });
    await schedulerTick();
    expect(await statusesOf(jobId)).toEqual({ [clients[1]!]: "RETRYING" });
  });

  // Found in review: the late reading of an older report replaced the newer report's status.
  it("keeps a later report's status when an earlier one is read late", async () => {
    const { jobId, requestId } = await sentJob(clients);
    const [client] = clients as [string, ...string[]];
    const undo = await refuseInDatabase("read", client);
    let earlier: StatusIntakeResult;
    try {
      earlier = await report(client, requestId, FAILED, { now: "2026-03-02T10:00:04" });
    } finally {
      await undo();
    }
    expect(earlier.outcome).toBe("received");
    expect(await report(client, requestId, SUCCESS, { now: "2026-03-02T10:00:05" })).toMatchObject({ outcome: "applied" });
    expect(await statusReportPass({ now: NOW, keptBefore: new Date(Date.now() + 1000) })).toEqual({ released: 0, read: 1 });
    expect((await statusesOf(jobId))[client]).toBe("COMPLETE");
  });

  // Found in review: due held reports whose reading kept failing were selected again for ever.
  it("ends a pass whose held reports all fail to be read, and reads them once the fault clears", async () => {
    const { jobId, requestId } = await sentJob(clients);
    const [client] = clients as [string, ...string[]];
    const held = await report(client, requestId, FAILED, { reportedAt: "2026-03-02T12:00:00", now: "2026-03-02T10:00:06" });
    expect(held.outcome).toBe("held");
    const undo = await refuseInDatabase("read", client);
    try {
      expect(await statusReportPass({ now: "2026-03-02T12:00:00" })).toEqual({ released: 1, read: 0 });
    } finally {
      await undo();
    }
    expect((await db.statusReport.findUniqueOrThrow({ where: { id: held.reportId } })).outcome).toBe("held");
    expect(await statusReportPass({ now: "2026-03-02T12:00:00" })).toEqual({ released: 1, read: 0 });
    expect((await statusesOf(jobId))[client]).toBe("RETRYING");
  });

  it("refuses a status MIF holding a NUL character by its field, keeping nothing", async () => {
    const { requestId } = await sentJob(clients);
    const before = await db.statusReport.count();
    await expect(report(clients[0]!, requestId, `${SUCCESS}\u0000`)).rejects.toMatchObject({ code: "invalid", issues: [{ path: "text", message: "Status MIF may not contain a NUL character" }] });
    expect(await db.statusReport.count()).toBe(before);
  });
});
