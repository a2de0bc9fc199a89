import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Permission } from "@/lib/access/roles";
import { applyFix } from "@/lib/data/jobs/apply-fix";
import { recordAudit } from "@/lib/data/audit/audit";
import { createComputer, deleteComputer, updateComputer } from "@/lib/data/inventory/computers";
import { loadDemoIfEmpty } from "@/lib/data/console/demo";
import { generateInstructionFile, getInstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { createJob, deleteJob, updateJob } from "@/lib/data/jobs/job-changes";
import { activateJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { acknowledgeWarning, reviewSavedJob, sendJob } from "@/lib/data/review/job-review";
import { listJobs } from "@/lib/data/jobs/jobs";
import { createMachineGroup, deleteMachineGroup, updateMachineGroup } from "@/lib/data/inventory/machine-groups";
import { createQuery, deleteQuery, updateQuery } from "@/lib/data/inventory/queries";
import { createPackage, deletePackage, getPackage, updatePackage } from "@/lib/data/packages/packages";
import { createServer, deleteServer, updateServer } from "@/lib/data/sites/servers";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { importSiteDocument, validateSiteDocument } from "@/lib/data/sites/site-document-import";
import { createSite, deleteSite, getSite, listSites, updateSite } from "@/lib/data/sites/sites";
import { db } from "@/lib/db";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { DomainError } from "@/lib/errors";
import { packageInputSchema, type PackageInput } from "@/lib/packages/schema";
import { siteDocumentSchema } from "@/lib/site-document/schema";
import { siteInputSchema } from "@/lib/sites/schema";
import { TEST_ADMINISTRATOR, testActor } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

// The audit write is wrapped so one test can make it fail and show the change rolls back with it.
vi.mock("@/lib/data/audit/audit", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/data/audit/audit")>();
  return { ...original, recordAudit: vi.fn(original.recordAudit) };
});

const now = "1998-11-21T09:00:00";
const viewer = testActor("viewer");
const operator = testActor("operator");
const demo = siteDocumentSchema.parse(buildDemoSiteDocument());

const office = (): PackageInput =>
  packageInputSchema.parse({ siteCode: "BPC", name: "Microsoft Office Professional 4", commandLines: [{ commandName: "Typical", commandLine: "acmewkst.exe", supportedPlatforms: ["WIN16"] }] });
const newSite = () => siteInputSchema.parse({ code: "ZZZ", name: "New site", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 });

/** Rows and versions of every table a change could touch: equal before and after means nothing changed. */
async function snapshot() {
  const versions = async (rows: Promise<{ version: number }[]>) => (await rows).reduce((sum, row) => sum + row.version, 0);
  return {
    sites: [await db.site.count(), await versions(db.site.findMany({ select: { version: true } }))],
    servers: [await db.server.count(), await versions(db.server.findMany({ select: { version: true } }))],
    computers: [await db.computer.count(), await versions(db.computer.findMany({ select: { version: true } }))],
    machineGroups: [await db.machineGroup.count(), await versions(db.machineGroup.findMany({ select: { version: true } })), await db.machineGroupMember.count()],
    packages: [await db.package.count(), await versions(db.package.findMany({ select: { version: true } })), await db.workstationCommandLine.count()],
    jobs: [await db.job.count(), await versions(db.job.findMany({ select: { version: true } })), await db.jobTransition.count(), await db.jobTarget.count()],
    acknowledgements: await db.warningAcknowledgement.count(),
  };
}

async function asActor<T>(actor: Parameters<typeof bindProcessActor>[0], call: () => Promise<T>): Promise<T> {
  bindProcessActor(actor);
  try {
    return await call();
  } finally {
    bindProcessActor(TEST_ADMINISTRATOR);
  }
}

const lastAudit = () => db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
const json = (text: string | null) => (text === null ? null : JSON.parse(text));

afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("refused changes", () => {
  let pendingJobId: string;
  let groupId: number;

  beforeAll(async () => {
    await resetDatabase();
    await importSiteDocument(buildDemoSiteDocument());
    pendingJobId = await createJob({ input: await demoJobInput() });
    groupId = (await db.machineGroup.findFirstOrThrow({ where: { name: demo.machineGroups[0]!.name } })).id;
  });

  /** Every changing entry point of the data layer, with the permission it needs. */
  const changes: [string, Permission, () => Promise<unknown>][] = [
    ["createSite", "sites:write", () => createSite({ input: newSite() })],
    ["updateSite", "sites:write", () => updateSite({ code: "BPC", version: 0, input: siteInputSchema.parse({ ...demo.sites.find((site) => site.code === "BPC") }) })],
    ["deleteSite", "sites:write", () => deleteSite({ code: "BPC" })],
    ["createServer", "sites:write", () => createServer({ input: { ...demo.servers[0]!, name: "NEWSERVER" } })],
    ["updateServer", "sites:write", () => updateServer({ name: demo.servers[0]!.name, version: 0, input: demo.servers[0]! })],
    ["deleteServer", "sites:write", () => deleteServer({ name: demo.servers[0]!.name })],
    ["createComputer", "sites:write", () => createComputer({ input: { ...demo.computers[0]!, smsId: "ZZZ00001", siteCode: "BPC" } })],
    ["updateComputer", "sites:write", () => updateComputer({ smsId: demo.computers[0]!.smsId, version: 0, input: demo.computers[0]! })],
    ["deleteComputer", "sites:write", () => deleteComputer({ smsId: demo.computers[0]!.smsId })],
    ["createMachineGroup", "sites:write", () => createMachineGroup({ input: { ...demo.machineGroups[0]!, name: "New group" } })],
    ["updateMachineGroup", "sites:write", () => updateMachineGroup({ id: groupId, version: 0, input: demo.machineGroups[0]! })],
    ["deleteMachineGroup", "sites:write", () => deleteMachineGroup({ id: groupId })],
    ["createQuery", "sites:write", () => createQuery({ input: { name: "New query", comment: "", conditions: [{ joiner: "AND", attribute: "siteCode", operator: "IS", value: "BPC" }] } })],
    ["updateQuery", "sites:write", () => updateQuery({ id: 1, version: 0, input: { name: "New query", comment: "", conditions: [{ joiner: "AND", attribute: "siteCode", operator: "IS", value: "BPC" }] } })],
    ["deleteQuery", "sites:write", () => deleteQuery({ id: 1 })],
    ["validateSiteDocument", "sites:write", () => validateSiteDocument(buildDemoSiteDocument())],
    ["importSiteDocument", "sites:write", () => importSiteDocument(buildDemoSiteDocument())],
    ["loadDemoIfEmpty", "sites:write", () => loadDemoIfEmpty(now)],
    ["createPackage", "packages:write", () => createPackage({ input: office() })],
    ["updatePackage", "packages:write", () => updatePackage({ packageId: "BPC0000A", version: 0, input: office() })],
    ["deletePackage", "packages:write", () => deletePackage({ packageId: "BPC0000A" })],
    ["createJob", "jobs:write", async () => createJob({ input: await demoJobInput() })],
    ["updateJob", "jobs:write", async () => updateJob({ jobId: pendingJobId, version: 0, input: await demoJobInput() })],
    ["deleteJob", "jobs:write", () => deleteJob({ jobId: pendingJobId })],
    ["acknowledgeWarning", "jobs:write", () => acknowledgeWarning({ jobId: pendingJobId, rule: "R1", reason: "checked", now })],
    ["sendJob", "jobs:write", () => sendJob({ jobId: pendingJobId, now })],
    ["activateJob", "jobs:write", () => activateJob({ jobId: pendingJobId })],
    ["changeJobState", "jobs:write", () => changeJobState({ jobId: pendingJobId, transition: "cancel", note: "wrong package" })],
    ["applyFix", "jobs:write", () => applyFix({ jobId: pendingJobId, rule: "R1", now })],
  ];

  const refusalsOf = (role: "viewer" | "operator") => changes.filter(([, permission]) => role === "viewer" || permission === "sites:write");

  it.each(refusalsOf("viewer"))("%s is refused to a Viewer, changes nothing and is audited", async (_name, permission, call) => {
    const before = await snapshot();
    const audits = await db.auditEvent.count();
    const error = await asActor(viewer, call).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/^The Viewer role may not /) });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ actorName: viewer.name, actorRole: "viewer", action: "authorization", outcome: "refused", detail: `needs permission ${permission}` });
  });

  it.each(refusalsOf("operator"))("%s is refused to an Operator (sites and inventory are an Administrator's)", async (_name, _permission, call) => {
    const before = await snapshot();
    await expect(asActor(operator, call)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/^The Operator role may not change sites/) });
    expect(await snapshot()).toEqual(before);
    expect(await lastAudit()).toMatchObject({ actorName: operator.name, outcome: "refused", detail: "needs permission sites:write" });
  });

  it("refuses a signed-out caller as unauthenticated, and audits the refused change without a name", async () => {
    const before = await snapshot();
    await expect(asActor(undefined, () => createSite({ input: newSite() }))).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await snapshot()).toEqual(before);
    expect(await lastAudit()).toMatchObject({ actorName: "anonymous", actorUserId: null, outcome: "refused", detail: "needs permission sites:write" });
  });

  it("turns a signed-out read away without an audit row, and lets a Viewer read", async () => {
    const audits = await db.auditEvent.count();
    await expect(asActor(undefined, () => listSites())).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(asActor(undefined, () => exportSiteDocument())).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(asActor(undefined, () => getInstructionFile({ smsId: "MDM00005", now }))).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await db.auditEvent.count()).toBe(audits);
    expect((await asActor(viewer, () => listSites())).length).toBeGreaterThan(0);
    expect((await asActor(viewer, () => listJobs({ page: 1 }))).total).toBe(1);
    expect(await asActor(viewer, () => reviewSavedJob({ jobId: pendingJobId, now }))).not.toBeNull();
  });

  it("leaves the clients' own instruction file read to its route's access rule", async () => {
    expect(await asActor(undefined, () => generateInstructionFile({ smsId: "MDM00005", now }))).toBe("empty");
  });
});

describe("allowed changes write one audit row in their own transaction", () => {
  beforeEach(async () => {
    await resetDatabase();
    await importSiteDocument(buildDemoSiteDocument());
  });

  async function auditedOnce<T>(call: () => Promise<T>): Promise<{ result: T; audit: Awaited<ReturnType<typeof lastAudit>> }> {
    const audits = await db.auditEvent.count();
    const result = await call();
    expect(await db.auditEvent.count()).toBe(audits + 1);
    return { result, audit: await lastAudit() };
  }

  it("records a site's create, update and delete with the row before and after", async () => {
    const created = await auditedOnce(() => createSite({ input: newSite() }));
    expect(created.audit).toMatchObject({ action: "site.create", objectType: "site", objectId: "ZZZ", outcome: "success", actorName: TEST_ADMINISTRATOR.name, actorRole: "administrator", before: null });
    const { version } = json(created.audit.after);
    expect(json(created.audit.after)).toMatchObject({ code: "ZZZ", name: "New site" });

    const updated = await auditedOnce(() => updateSite({ code: "ZZZ", version, input: { ...newSite(), name: "Renamed" } }));
    expect(updated.audit.action).toBe("site.update");
    expect(json(updated.audit.before)).toMatchObject({ name: "New site", version });
    expect(json(updated.audit.after)).toMatchObject({ name: "Renamed", version: version + 1 });

    const deleted = await auditedOnce(() => deleteSite({ code: "ZZZ" }));
    expect(deleted.audit).toMatchObject({ action: "site.delete", after: null });
    expect(json(deleted.audit.before)).toMatchObject({ code: "ZZZ", name: "Renamed" });
  });

  it("rolls the change back when its audit row cannot be written", async () => {
    vi.mocked(recordAudit).mockRejectedValueOnce(new Error("audit table unavailable"));
    await expect(createSite({ input: newSite() })).rejects.toThrow("audit table unavailable");
    expect(await db.site.count({ where: { code: "ZZZ" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "site.create" } })).toBe(0);
  });

  it("writes no audit row for a change refused by a conflict", async () => {
    const site = (await getSite("BPC"))!;
    const audits = await db.auditEvent.count();
    await expect(updateSite({ code: "BPC", version: site.version + 5, input: siteInputSchema.parse({ ...site }) })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("records servers, computers and machine groups", async () => {
    const server = demo.servers[0]!;
    expect((await auditedOnce(() => createServer({ input: { ...server, name: "NEWSERVER" } }))).audit).toMatchObject({ action: "server.create", objectId: "NEWSERVER", before: null });
    expect((await auditedOnce(() => deleteServer({ name: "NEWSERVER" }))).audit).toMatchObject({ action: "server.delete", after: null });

    const computer = demo.computers[0]!;
    const version = (await db.computer.findUniqueOrThrow({ where: { smsId: computer.smsId } })).version;
    const { audit } = await auditedOnce(() => updateComputer({ smsId: computer.smsId, version, input: { ...computer, name: "RENAMED" } }));
    expect(audit.action).toBe("computer.update");
    expect(json(audit.before)).toMatchObject({ smsId: computer.smsId, name: computer.name });
    expect(json(audit.after)).toMatchObject({ smsId: computer.smsId, name: "RENAMED", version: version + 1 });

    const created = await auditedOnce(() => createMachineGroup({ input: { name: "Audited group", comment: "", members: [computer.smsId], servers: [] } }));
    expect(created.audit).toMatchObject({ action: "machine-group.create", objectId: String(created.result) });
    expect(json(created.audit.after)).toMatchObject({ name: "Audited group", members: [computer.smsId], memberCount: 1 });
    const groupVersion = json(created.audit.after).version;
    const updated = await auditedOnce(() => updateMachineGroup({ id: created.result, version: groupVersion, input: { name: "Audited group", comment: "", members: [], servers: [] } }));
    expect(json(updated.audit.before)).toMatchObject({ members: [computer.smsId] });
    expect(json(updated.audit.after)).toMatchObject({ members: [], version: groupVersion + 1 });
    expect((await auditedOnce(() => deleteMachineGroup({ id: created.result }))).audit).toMatchObject({ action: "machine-group.delete", after: null });
  });

  it("records an Operator's packages with their command lines", async () => {
    bindProcessActor(operator);
    const created = await auditedOnce(() => createPackage({ input: office() }));
    expect(created.audit).toMatchObject({ action: "package.create", objectId: created.result, actorName: operator.name, actorRole: "operator" });
    expect(json(created.audit.after)).toMatchObject({ name: "Microsoft Office Professional 4", commandLines: [{ commandName: "Typical" }] });
    const pkg = (await getPackage(created.result))!;
    const updated = await auditedOnce(() => updatePackage({ packageId: pkg.packageId, version: pkg.version, input: { ...office(), name: "Office 4.3" } }));
    expect(json(updated.audit.before)).toMatchObject({ name: "Microsoft Office Professional 4" });
    expect(json(updated.audit.after)).toMatchObject({ name: "Office 4.3", version: pkg.version + 1 });
    expect((await auditedOnce(() => deletePackage({ packageId: pkg.packageId }))).audit).toMatchObject({ action: "package.delete", after: null });
  });

  it("records an Operator's jobs: create, update, acknowledge (rule and reason), send, cancel and delete", async () => {
    bindProcessActor(operator);
    const { result: jobId, audit: created } = await auditedOnce(async () => createJob({ input: await demoJobInput() }));
    expect(created).toMatchObject({ action: "job.create", objectId: jobId, actorName: operator.name, before: null });
    expect(json(created.after)).toMatchObject({ jobId, state: "PENDING", packageId: "BPC0000A" });

    const jobVersion = json(created.after).version;
    const updated = await auditedOnce(async () => updateJob({ jobId, version: jobVersion, input: await demoJobInput({ comment: "edited" }) }));
    expect(json(updated.audit.before)).toMatchObject({ comment: "" });
    expect(json(updated.audit.after)).toMatchObject({ comment: "edited", version: jobVersion + 1 });

    const review = (await reviewSavedJob({ jobId, now }))!;
    expect(review.unacknowledgedWarnings.length).toBeGreaterThan(0);
    for (const rule of review.unacknowledgedWarnings) {
      const { audit } = await auditedOnce(() => acknowledgeWarning({ jobId, rule, reason: `Checked ${rule}`, now }));
      expect(audit).toMatchObject({ action: "job.acknowledge-warning", objectId: jobId, detail: `${rule}: Checked ${rule}` });
      expect(json(audit.after)).toMatchObject({ rule, reason: `Checked ${rule}` });
    }
    const sent = await auditedOnce(() => sendJob({ jobId, now }));
    expect(sent.audit).toMatchObject({ action: "job.send" });
    expect(json(sent.audit.before)).toMatchObject({ state: "PENDING", requestId: null });
    expect(json(sent.audit.after)).toMatchObject({ state: "ACTIVE", requestId: sent.result.requestId, targetCount: 1 });

    const canceled = await auditedOnce(() => changeJobState({ jobId, transition: "cancel", note: "wrong package" }));
    expect(canceled.audit).toMatchObject({ action: "job.cancel", detail: "wrong package" });
    expect(json(canceled.audit.after)).toMatchObject({ state: "CANCELED" });
    // Job history names the same user as the audit trail.
    expect((await db.jobTransition.findMany({ where: { jobId }, orderBy: { id: "asc" } })).map((transition) => transition.actor)).toEqual([operator.name, operator.name, operator.name]);
    expect((await db.warningAcknowledgement.findMany({ where: { jobId } })).map((acknowledgement) => acknowledgement.actor)).toEqual(review.unacknowledgedWarnings.map(() => operator.name));
    expect((await auditedOnce(() => deleteJob({ jobId }))).audit).toMatchObject({ action: "job.delete", after: null });
  });

  it("records a site document import as one row", async () => {
    const { audit } = await auditedOnce(() => importSiteDocument(buildDemoSiteDocument()));
    expect(audit).toMatchObject({ action: "site-document.import", objectType: "site-document", before: null });
    expect(json(audit.after)).toMatchObject({ sites: demo.sites.length, computers: demo.computers.length });
  });
});
