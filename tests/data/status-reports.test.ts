import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeInstructionBoxAccess } from "@/lib/data/instruction-box/instruction-box-access";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { receiveStatusReport, type StatusReportVia } from "@/lib/data/job-status/status-reports/intake";
import { releaseDueStatusReports } from "@/lib/data/job-status/status-reports/passes";
import { DESPOOLER_ACTOR } from "@/lib/data/job-status/status-reports/reading";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { instructionBoxAccessInputSchema } from "@/lib/instruction-box/access-token";
import { readStatusMifFixture } from "@/lib/status-mif/fixtures/status-mif-fixtures";
import { testActor, TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const SUCCESS = readStatusMifFixture("q166833-success.mif");
const FAILED = readStatusMifFixture("q186415-ismif32-failed.mif");
const SYNTAX_ERROR = readStatusMifFixture("q169491-annotated-syntax-error.mif");
const NOW = "2026-03-02T10:00:00";
const CLIENT: StatusReportVia = { source: "despoolr.box", presentedToken: null, address: "10.1.2.3" };

let first: string;
let second: string;

async function sentJob(smsIds: string[]): Promise<{ jobId: string; requestId: string }> {
  const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  const jobId = await createJob({ input });
  const { requestId } = await activateJob({ jobId });
  return { jobId, requestId };
}

const report = (smsId: string, jobReference: string, text: string, extra: { reportedAt?: string; via?: StatusReportVia; now?: string } = {}) =>
  receiveStatusReport({ input: { smsId, jobReference, text, reportedAt: extra.reportedAt }, via: extra.via ?? CLIENT, now: extra.now ?? NOW });

const targetStatuses = (jobId: string) =>
  db.targetStatus.findMany({ where: { jobId }, orderBy: { smsId: "asc" }, select: { smsId: true, status: true, description: true, warning: true } });

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const bpc = await db.computer.findMany({ where: { siteCode: "BPC", platform: "WIN32_X86" }, orderBy: { smsId: "asc" }, take: 2, select: { smsId: true } });
  [first, second] = bpc.map((computer) => computer.smsId) as [string, string];
});

beforeEach(() => bindProcessActor(undefined));
afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("status intake with the KB's semantics (digest §3.9, §5.20)", () => {
  it("keeps targets None until reported, Success gives Complete, and the job completes by itself", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId, requestId } = await sentJob([first, second]);
    bindProcessActor(undefined);
    expect(await targetStatuses(jobId)).toEqual([]);
    const applied = await report(first, requestId, SUCCESS);
    expect(applied).toMatchObject({ outcome: "applied", targetStatus: "COMPLETE", isDuplicate: false });
    expect((await db.job.findUniqueOrThrow({ where: { jobId } })).state).toBe("ACTIVE");
    await report(second, jobId, SUCCESS);
    expect((await targetStatuses(jobId)).map((row) => row.status)).toEqual(["COMPLETE", "COMPLETE"]);
    const job = await db.job.findUniqueOrThrow({ where: { jobId }, include: { transitions: { orderBy: { id: "desc" }, take: 1 } } });
    expect(job.state).toBe("COMPLETE");
    expect(job.transitions[0]).toMatchObject({ fromState: "ACTIVE", toState: "COMPLETE", actor: DESPOOLER_ACTOR, note: "Every target (2) reported Complete" });
  });

  it("shows Failed as Retrying with the MIF's description, and a malformed MIF as Complete with its error kept", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first, second]);
    bindProcessActor(undefined);
    expect(await report(first, jobId, FAILED)).toMatchObject({ outcome: "applied", targetStatus: "RETRYING" });
    expect(await report(second, jobId, SYNTAX_ERROR)).toMatchObject({ outcome: "applied", targetStatus: "COMPLETE" });
    const [failed, malformed] = await targetStatuses(jobId);
    expect(failed!.status).toBe("RETRYING");
    expect(failed!.description).toMatch(/^The most effective multi-site management system/);
    expect(malformed).toMatchObject({ status: "COMPLETE", description: "" });
    expect(malformed!.warning).toMatch(/^Compilation failed~syntax error on line 66, token <--/);
    const kept = await db.statusReport.findFirstOrThrow({ where: { jobId, smsId: second } });
    expect(kept).toMatchObject({ outcome: "applied", rawText: SYNTAX_ERROR, parseError: "syntax error on line 66, token <--: expected a keyword", receivedFrom: "10.1.2.3" });
    expect((await db.job.findUniqueOrThrow({ where: { jobId } })).state).toBe("ACTIVE");
  });

  it("changes nothing for the same report twice", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first]);
    bindProcessActor(undefined);
    const once = await report(first, jobId, FAILED);
    const twice = await report(first, jobId, FAILED);
    expect(twice).toMatchObject({ reportId: once.reportId, isDuplicate: true, outcome: "applied" });
    expect(await db.statusReport.count({ where: { jobId } })).toBe(1);
  });

  it("keeps a truncated MIF, refused, without changing any status", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first]);
    bindProcessActor(undefined);
    const truncated = await report(first, jobId, SUCCESS.slice(0, 900));
    expect(truncated).toMatchObject({ outcome: "refused", refusal: "truncated" });
    expect(truncated.message).toMatch(/The status MIF is incomplete: syntax error on line \d+, token end of file/);
    expect(await targetStatuses(jobId)).toEqual([]);
  });

  it("keeps reports for unknown jobs and clients, jobs not targeting the client and canceled jobs, as refused with the reason", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first]);
    const canceled = await sentJob([first]);
    await changeJobState({ jobId: canceled.jobId, transition: "cancel", note: "sent by mistake" });
    bindProcessActor(undefined);
    const refusals = [
      await report(first, "BPCZZZZZ", SUCCESS),
      await report("BPCZZZZY", jobId, SUCCESS),
      await report(second, jobId, SUCCESS),
      await report(first, canceled.jobId, SUCCESS),
    ];
    expect(refusals.map((result) => [result.outcome, result.refusal])).toEqual([
      ["refused", "unknown-job"],
      ["refused", "unknown-client"],
      ["refused", "not-targeted"],
      ["refused", "canceled"],
    ]);
    const kept = await db.statusReport.findMany({ where: { outcome: "refused", refusalReason: { not: null } }, select: { refusalReason: true } });
    expect(kept.map((row) => row.refusalReason)).toEqual(expect.arrayContaining(["No job has the job ID BPCZZZZZ", `Job ${jobId} does not target ${second}`, `Job ${canceled.jobId} was canceled`]));
    expect(await targetStatuses(jobId)).toEqual([]);
    expect(await targetStatuses(canceled.jobId)).toEqual([]);
  });

  it("holds a report stamped in the future until the site's clock reaches it, as clock skew (Q172899)", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first]);
    bindProcessActor(undefined);
    const held = await report(first, jobId, SUCCESS, { reportedAt: "2026-03-02T12:00:00" });
    expect(held).toMatchObject({ outcome: "held" });
    expect(await targetStatuses(jobId)).toEqual([]);
    // A reader of the job's status (or the scheduler) applies what is due; nobody signed out does.
    await expect(releaseDueStatusReports({ now: "2026-03-02T12:00:00" })).rejects.toMatchObject({ code: "unauthenticated" });
    bindProcessActor(testActor("viewer"));
    expect(await releaseDueStatusReports({ now: "2026-03-02T11:59:59" })).toBe(0);
    expect(await releaseDueStatusReports({ now: "2026-03-02T12:00:00" })).toBe(1);
    expect((await targetStatuses(jobId)).map((row) => row.status)).toEqual(["COMPLETE"]);
    expect((await db.statusReport.findUniqueOrThrow({ where: { id: held.reportId } })).outcome).toBe("applied");
  });
});

describe("who may file a report", () => {
  it("refuses a wrong or missing token on a token site, and another site's token, changing nothing", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first]);
    const { generatedToken } = await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ mode: "token" }) });
    const vaq = await changeInstructionBoxAccess({ siteCode: "VAQ", input: instructionBoxAccessInputSchema.parse({ mode: "token" }) });
    bindProcessActor(undefined);
    const via = (presentedToken: string | null): StatusReportVia => ({ source: "despoolr.box", presentedToken, address: "10.9.9.9" });
    await expect(report(first, jobId, SUCCESS, { via: via(null) })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(report(first, jobId, SUCCESS, { via: via("not-the-token") })).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringMatching(/the token given is not the site's/) });
    await expect(report(first, jobId, SUCCESS, { via: via(vaq.generatedToken) })).rejects.toMatchObject({ code: "forbidden", message: `The token given is site VAQ's; ${first} is not a client of site VAQ.` });
    expect(await db.statusReport.count({ where: { jobId } })).toBe(0);
    expect(await report(first, jobId, SUCCESS, { via: via(generatedToken) })).toMatchObject({ outcome: "applied" });
    bindProcessActor(TEST_ADMINISTRATOR);
    await changeInstructionBoxAccess({ siteCode: "BPC", input: instructionBoxAccessInputSchema.parse({ mode: "open" }) });
    await changeInstructionBoxAccess({ siteCode: "VAQ", input: instructionBoxAccessInputSchema.parse({ mode: "open" }) });
  });

  it("lets Operators upload and import, not Viewers", async () => {
    bindProcessActor(TEST_ADMINISTRATOR);
    const { jobId } = await sentJob([first]);
    bindProcessActor(testActor("viewer"));
    const upload: StatusReportVia = { source: "upload", receivedFrom: "test viewer" };
    await expect(report(first, jobId, SUCCESS, { via: upload })).rejects.toMatchObject({ code: "forbidden" });
    bindProcessActor(testActor("operator"));
    expect(await report(first, jobId, SUCCESS, { via: { source: "upload", receivedFrom: "test operator" } })).toMatchObject({ outcome: "applied" });
  });

  it("refuses bad input naming the field", async () => {
    await expect(report("bad", "BPC0000A", SUCCESS)).rejects.toMatchObject({ code: "invalid", message: "SMS ID must be 8 characters, A-Z or 0-9" });
    await expect(report(first, "X", SUCCESS)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/^Job must be a job ID/) });
    await expect(report(first, "BPC0000A", "x".repeat(70_000))).rejects.toMatchObject({ message: "Status MIF is larger than 64 KB (event 119, Q122178)" });
    await expect(report(first, "BPC0000A", SUCCESS, { reportedAt: "yesterday" })).rejects.toMatchObject({ code: "invalid" });
  });
});
