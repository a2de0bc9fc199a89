import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getComputerInstructions } from "@/lib/data/instruction-box/instructions";
import { createJob, deleteJob, updateJob } from "@/lib/data/jobs/job-changes";
import { activateJob as sendJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { getJob } from "@/lib/data/jobs/jobs";
import { deletePackage, getPackage, updatePackage } from "@/lib/data/packages/packages";
import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { packageInputSchema } from "@/lib/packages/schema";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { TEST_ADMINISTRATOR, testActor } from "../support/actors";

const actor = TEST_ADMINISTRATOR.name;
const operator = testActor("operator");

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("job and request IDs", () => {
  it("are allocated by the originating site, in order, and unique when many admins create jobs at once", async () => {
    const input = await demoJobInput();
    const jobIds = await Promise.all(Array.from({ length: 30 }, () => createJob({ input })));
    expect(new Set(jobIds).size).toBe(30);
    expect([...jobIds].sort()).toEqual(Array.from({ length: 30 }, (_, index) => `BPC${(index + 1).toString(36).toUpperCase().padStart(5, "0")}`));
    const sent = await Promise.all(jobIds.map((jobId) => sendJob({ jobId })));
    const requestIds = sent.map((result) => result.requestId);
    expect(new Set(requestIds).size).toBe(30);
    for (const requestId of requestIds) expect(requestId).toMatch(/^BPC[0-9A-Z]{4}$/);
  });

  it("are never reused after a job is deleted", async () => {
    const first = await createJob({ input: await demoJobInput() });
    await deleteJob({ jobId: first });
    expect(await createJob({ input: await demoJobInput() })).not.toBe(first);
  });
});

describe("the job lifecycle", () => {
  it("puts the package on SMS's Default Servers when no server group is chosen: every distribution server of the target sites, no other", async () => {
    const vaq = await db.computer.findFirstOrThrow({ where: { siteCode: "VAQ" }, select: { smsId: true } });
    // A server of a target site that is no distribution server, and another site's distribution server, stay out.
    await db.server.create({ data: { name: "VAQBDC", siteCode: "VAQ", isDistributionServer: false, packageShare: "\\\\VAQBDC\\SMS_PKGC" } });
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "COMPUTERS", smsIds: ["MDM00005", vaq.smsId] }, distributePhase: { putOnSpecifiedServers: true } }) });
    expect((await getJob(jobId))!.definition.distributePhase.serverGroupId).toBeUndefined();
    const result = await sendJob({ jobId });
    const job = (await getJob(jobId))!;
    expect(job.servers.map((server) => server.serverName)).toEqual(["CNS-SMS", "CNSAPPS1", "VAQ-SMS", "VAQNW1"]);
    expect(result.serverCount).toBe(4);
    expect(await db.packageServer.count({ where: { packageId: "BPC0000A", server: { name: { in: ["GBL-SMS", "S01-SMS", "VAQBDC"] } } } })).toBe(0);
  });

  it("goes Pending → Active on Send, freezing targets and servers, then Canceled, keeping every transition", async () => {
    const jobId = await createJob({ input: await demoJobInput({ target: { kind: "MACHINE_GROUP", machineGroupId: (await db.machineGroup.findFirstOrThrow({ where: { name: "BPC NT Workstations" } })).id } }) });
    bindProcessActor(operator);
    const result = await sendJob({ jobId }).finally(() => bindProcessActor(TEST_ADMINISTRATOR));
    const job = (await getJob(jobId))!;
    expect(job.storedState).toBe("ACTIVE");
    expect(job.requestId).toBe(result.requestId);
    expect(job.targetCount).toBe(result.targetCount);
    expect(job.servers.map((server) => [server.serverName, server.path, server.zone])).toEqual([
      ["CNS-SMS", "\\\\CNS-SMS\\SMS_PKGD\\BPC0000A\\", "\\\\CNS-SMS\\SMS_PKGD\\BPC0000A\\"],
      ["CNSAPPS1", "\\\\CNSAPPS1\\SMS_PKGD\\BPC0000A\\", ""],
    ]);
    // Adding a computer to the group later does not change a sent job's targets.
    const group = await db.machineGroup.findFirstOrThrow({ where: { name: "BPC NT Workstations" } });
    await db.machineGroupMember.create({ data: { machineGroupId: group.id, smsId: "S0101001" } });
    expect((await getJob(jobId))!.targetCount).toBe(result.targetCount);

    await changeJobState({ jobId, transition: "cancel", note: "wrong package" });
    const canceled = (await getJob(jobId))!;
    expect(canceled.storedState).toBe("CANCELED");
    expect(canceled.transitions.map((transition) => [transition.fromState, transition.toState, transition.actor])).toEqual([
      [null, "PENDING", actor],
      ["PENDING", "ACTIVE", operator.name],
      ["ACTIVE", "CANCELED", actor],
    ]);
    expect(canceled.transitions[2]!.note).toBe("wrong package");
  });

  it("puts a record in each target's instruction data on Send and removes it on Cancel", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    const now = "1998-11-21T09:00:00";
    expect((await getComputerInstructions({ smsId: "MDM00005", now }))!.records).toEqual([]);
    await sendJob({ jobId });
    const records = (await getComputerInstructions({ smsId: "MDM00005", now }))!.records;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ jobId, packageId: "BPC0000A", wclName: "Complete", siteId: "BPC", displayDate: "1998-11-20T08:00:00", expirationFull: 1, operatingSystem: 15 });
    await changeJobState({ jobId, transition: "cancel", note: "superseded" });
    const after = (await getComputerInstructions({ smsId: "MDM00005", now }))!;
    expect(after.records).toEqual([]);
    expect(after.jobs[0]!.offer.status).toBe("CANCELED");
  });

  it("refuses to send a job whose target resolves to no computer (event 323) or names unknown computers", async () => {
    const empty = await createJob({ input: await demoJobInput({ target: { kind: "MACHINE_PATH", machinePath: "BPC|CORP|NOSUCHPC" } }) });
    await expect(sendJob({ jobId: empty })).rejects.toThrow("The job target resolves to no computer; SMS would fail the job with event 323");
    expect((await getJob(empty))!.storedState).toBe("PENDING");
    const unknown = await createJob({ input: await demoJobInput({ target: { kind: "COMPUTERS", smsIds: ["MDM00005", "ZZZ00009"] } }) });
    await expect(sendJob({ jobId: unknown })).rejects.toThrow("not in inventory: ZZZ00009");
  });

  it("edits only Pending jobs, refuses a stale edit, and never deletes an Active job", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await updateJob({ jobId, version: 1, input: await demoJobInput({ comment: "first" }) });
    await expect(updateJob({ jobId, version: 1, input: await demoJobInput({ comment: "second" }) })).rejects.toMatchObject({ code: "conflict" });
    await sendJob({ jobId });
    await expect(updateJob({ jobId, version: 3, input: await demoJobInput() })).rejects.toThrow("only Pending jobs can be edited");
    await expect(deleteJob({ jobId })).rejects.toThrow(`Job ${jobId} is Active; cancel it before deleting it`);
    await expect(sendJob({ jobId })).rejects.toThrow("only Pending jobs can be sent");
    await expect(changeJobState({ jobId, transition: "complete" })).rejects.toThrow(`A reason is required to mark job ${jobId} complete by hand`);
    await changeJobState({ jobId, transition: "complete", note: "installed by hand at every desk" });
    await deleteJob({ jobId });
    expect(await getJob(jobId)).toBeNull();
  });

  it("refuses a command line of another package", async () => {
    const other = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00012" } });
    await expect(createJob({ input: await demoJobInput({ runPhase: { commandLineId: other.id } }) })).rejects.toMatchObject({
      issues: [{ path: "runPhase.commandLineId", message: "That command line is not one of package BPC0000A's" }],
    });
  });
});

describe("what a job keeps in use", () => {
  it("refuses to delete its package or remove the command line it runs", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await expect(deletePackage({ packageId: "BPC0000A" })).rejects.toThrow(`Package BPC0000A cannot be deleted: it is used by 1 job (${jobId})`);
    const pkg = (await getPackage("BPC0000A"))!;
    const withoutComplete = packageInputSchema.parse({ ...pkg, commandLines: pkg.commandLines.filter((line) => line.commandName !== "Complete").map((line) => ({ ...line, isUserInputRequired: line.isUserInputRequired ?? undefined })) });
    await expect(updatePackage({ packageId: "BPC0000A", version: pkg.version, input: withoutComplete })).rejects.toThrow(`"Complete" is run by job ${jobId}`);
  });
});

describe("jobs in the site document", () => {
  it("export, import into an empty database and export again identically", async () => {
    const sent = await createJob({ input: await demoJobInput({ target: { kind: "QUERY", limitToSiteCode: "BPC", platforms: ["WIN32_X86"] } }) });
    await sendJob({ jobId: sent });
    await createJob({ input: await demoJobInput({ comment: "still pending", distributePhase: { putOnSpecifiedServers: true, serverGroupId: (await db.machineGroup.findFirstOrThrow({ where: { name: "BPC Distribution Servers" } })).id } }) });
    const first = JSON.stringify(await exportSiteDocument());
    expect(JSON.parse(first).jobs).toHaveLength(2);
    await resetDatabase();
    await importSiteDocument(JSON.parse(first));
    expect(JSON.stringify(await exportSiteDocument())).toBe(first);
    expect((await getComputerInstructions({ smsId: "MDM00005", now: "1998-11-21T09:00:00" }))!.records.map((record) => record.jobId)).toEqual([sent]);
  });
});
