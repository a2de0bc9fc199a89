import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { acknowledgeWarning, reviewSavedJob, sendJob } from "@/lib/data/review/job-review";
import { getJob, listJobs } from "@/lib/data/jobs/jobs";
import { createMachineGroup, listMachineGroupMembers, listMachineGroups } from "@/lib/data/inventory/machine-groups";
import { machineGroupInputSchema } from "@/lib/machine-groups/schema";
import { createQuery, deleteQuery, getQuery, listQueryResult, previewQuery, updateQuery } from "@/lib/data/inventory/queries";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { queryInputSchema } from "@/lib/queries/schema";
import { demoJobInput } from "../support/job-input";
import { TEST_ADMINISTRATOR, testActor } from "../support/actors";
import { resetDatabase } from "../support/reset-database";
import { loadTargetInventory } from "@/lib/data/review/target-inventory";
import { resolveTargets } from "@/lib/jobs/targets";

const NOW = "1998-11-19T08:00:00";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});
afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

/** Windows NT (x86) at BPC, or anything whose PCM service is installed but stopped. */
const ntAtBpc = queryInputSchema.parse({
  name: "NT at BPC",
  conditions: [
    { attribute: "platform", operator: "IS", value: "WIN32_X86" },
    { joiner: "AND", attribute: "siteCode", operator: "IS", value: "BPC" },
    { joiner: "OR", attribute: "pcmServiceState", operator: "IS", value: "STOPPED" },
  ],
});

async function expectedSmsIds() {
  const rows = await db.computer.findMany({ where: { OR: [{ platform: "WIN32_X86", siteCode: "BPC" }, { isPcmServiceInstalled: true, isPcmServiceRunning: false }] }, select: { smsId: true }, orderBy: { smsId: "asc" } });
  return rows.map((row) => row.smsId);
}

describe("saved queries", () => {
  it("are created with an audit row, and match what a database filter of the same conditions finds", async () => {
    const id = await createQuery({ input: ntAtBpc });
    const expected = await expectedSmsIds();
    expect(expected.length).toBeGreaterThan(1);
    const preview = await previewQuery({ conditions: ntAtBpc.conditions });
    expect(preview.total).toBe(expected.length);
    expect(preview.computers.map((computer) => computer.smsId)).toEqual(expected.slice(0, preview.computers.length));
    expect((await listQueryResult({ id, page: 1 }))?.total).toBe(expected.length);
    const query = await getQuery(id);
    expect(query?.description).toBe("Platform is Windows NT (x86) and Site is BPC, or PCM service state is Installed, not running");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "query.create", objectId: String(id) } });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ name: "NT at BPC", version: 1 });
  });

  it("refuse a duplicate name on the name field, and a stale save", async () => {
    const id = await createQuery({ input: ntAtBpc });
    await expect(createQuery({ input: ntAtBpc })).rejects.toMatchObject({ issues: [{ path: "name", message: "Query NT at BPC already exists" }] });
    await updateQuery({ id, version: 1, input: { ...ntAtBpc, comment: "First change" } });
    await expect(updateQuery({ id, version: 1, input: ntAtBpc })).rejects.toMatchObject({ code: "conflict" });
    expect((await db.inventoryQuery.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "query.update", objectId: String(id) } })).toBe(1);
  });

  it("are refused to a Viewer, who changes nothing", async () => {
    bindProcessActor(testActor("viewer"));
    await expect(createQuery({ input: ntAtBpc })).rejects.toMatchObject({ code: "forbidden" });
    bindProcessActor(TEST_ADMINISTRATOR);
    expect(await db.inventoryQuery.count()).toBe(0);
  });
});

describe("a job that targets a saved query", () => {
  it("sends to the query's computers, names the query, and keeps the query from being deleted", async () => {
    const queryId = await createQuery({ input: ntAtBpc });
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "QUERY", queryId } }) });
    const job = await getJob(jobId);
    expect(job?.query).toMatchObject({ id: queryId, name: "NT at BPC" });
    const review = (await reviewSavedJob({ jobId, now: NOW }))!;
    expect(review.targetCount).toBe((await expectedSmsIds()).length);
    // The jobs list says about how many a Pending job will reach.
    expect((await listJobs({ page: 1 })).items.find((item) => item.jobId === jobId)?.estimatedTargetCount).toBe(review.targetCount);
    for (const rule of review.unacknowledgedWarnings) await acknowledgeWarning({ jobId, rule, reason: "Checked with the site admin", now: NOW });
    await sendJob({ jobId, now: NOW });
    const frozen = await db.jobTarget.findMany({ where: { jobId }, select: { smsId: true }, orderBy: { smsId: "asc" } });
    expect(frozen.map((target) => target.smsId)).toEqual(await expectedSmsIds());
    await expect(deleteQuery({ id: queryId })).rejects.toThrow(`Query NT at BPC cannot be deleted: it is used by 1 job (${jobId})`);
  });

  it("refuses a query that does not exist, on the query field", async () => {
    await expect(createJob({ input: await demoJobInput({ target: { kind: "QUERY", queryId: 999 } }) })).rejects.toMatchObject({ issues: [{ path: "target.queryId", message: "That query no longer exists" }] });
  });

  it("without a saved query still targets every computer in inventory", async () => {
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "QUERY" } }) });
    expect((await reviewSavedJob({ jobId, now: NOW }))!.targetCount).toBe(await db.computer.count());
  });
});

describe("queries in the site document", () => {
  it("travel with their conditions, and a job's query target keeps naming its query", async () => {
    const queryId = await createQuery({ input: ntAtBpc });
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "QUERY", queryId } }) });
    const document = await exportSiteDocument();
    expect(document.queries).toEqual([{ name: "NT at BPC", comment: "", conditions: ntAtBpc.conditions }]);
    expect(document.jobs.find((job) => job.jobId === jobId)?.target.query).toBe("NT at BPC");

    await resetDatabase();
    const summary = await importSiteDocument(document);
    expect(summary.queries).toBe(1);
    const imported = await db.job.findUniqueOrThrow({ where: { jobId }, select: { targetQuery: { select: { name: true, conditions: true } } } });
    expect(imported.targetQuery?.name).toBe("NT at BPC");
    expect(JSON.parse(imported.targetQuery!.conditions)).toEqual(ntAtBpc.conditions);
  });

  it("refuse a job naming a query that is in neither the document nor the database", async () => {
    await createJob({ input: await demoJobInput({ target: { kind: "QUERY" } }) });
    const document = await exportSiteDocument();
    const job = { ...document.jobs[0]!, target: { ...document.jobs[0]!.target, kind: "QUERY" as const, query: "Nowhere" } };
    await expect(importSiteDocument({ ...document, jobs: [job] })).rejects.toMatchObject({ issues: [{ path: "jobs[0].target.query", message: "Query Nowhere is not in the document or the database" }] });
  });
});

describe("a dynamic machine group", () => {
  it("has the query's computers as members, for its page and for a job that targets it", async () => {
    const queryId = await createQuery({ input: ntAtBpc });
    const groupId = await createMachineGroup({ input: machineGroupInputSchema.parse({ name: "Dynamic NT", query: "NT at BPC" }) });
    const expected = await expectedSmsIds();
    expect((await listMachineGroups()).find((group) => group.id === groupId)).toMatchObject({ queryName: "NT at BPC", memberCount: expected.length });
    expect((await listMachineGroupMembers({ id: groupId, page: 1 })).total).toBe(expected.length);
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "MACHINE_GROUP", machineGroupId: groupId } }) });
    expect((await reviewSavedJob({ jobId, now: NOW }))!.targetCount).toBe(expected.length);
    await expect(deleteQuery({ id: queryId })).rejects.toThrow("Query NT at BPC cannot be deleted: it is used by 1 machine group (Dynamic NT)");
  });

  it("refuses members listed beside a query, and a query that does not exist", async () => {
    expect(machineGroupInputSchema.safeParse({ name: "Both", query: "NT at BPC", members: ["MDM00005"] }).error?.issues[0]).toMatchObject({ path: ["members"] });
    await expect(createMachineGroup({ input: machineGroupInputSchema.parse({ name: "Ghost", query: "Nowhere" }) })).rejects.toMatchObject({ issues: [{ path: "query", message: "Query Nowhere does not exist" }] });
  });
});

describe("a stored query that no longer reads", () => {
  // Found in review: every Send and review reads every query, so one damaged row failed them all.
  it("matches nothing, and other jobs' targets still resolve", async () => {
    const queryId = await createQuery({ input: ntAtBpc });
    await db.inventoryQuery.update({ where: { id: queryId }, data: { conditions: "{not json" } });
    const inventory = await loadTargetInventory(db);
    expect(inventory.queries.has(queryId)).toBe(false);
    expect(resolveTargets({ kind: "QUERY", queryId, smsIds: [], serverNames: [], includeSubsites: false, platforms: [], pcmVariants: [] }, inventory).smsIds).toEqual([]);
    expect(resolveTargets({ kind: "COMPUTERS", smsIds: ["MDM00005"], serverNames: [], includeSubsites: false, platforms: [], pcmVariants: [] }, inventory).smsIds).toEqual(["MDM00005"]);
  });
});
