import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { acknowledgeWarning, reviewSavedJob, sendJob } from "@/lib/data/review/job-review";
import { loadDemoIfEmpty } from "@/lib/data/console/demo";
import { changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { listServerJobTargets } from "@/lib/data/job-status/job-status";
import { generateInstructionBox } from "@/lib/data/instruction-box/instruction-box";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { DomainError } from "@/lib/errors";
import { jobInputSchema } from "@/lib/jobs/schema";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const NOW = "1998-11-19T08:00:00";
const OFFICE95 = "BPC00021";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

const serverGroupId = async () => (await db.machineGroup.findUniqueOrThrow({ where: { name: "BPC Distribution Servers" } })).id;

async function serverJobInput(jobType: string, target: Record<string, unknown>, packageId = OFFICE95) {
  return jobInputSchema.parse({ jobType, packageId, siteCode: "BPC", target, sendPhase: { isEnabled: true }, distributePhase: { putOnSpecifiedServers: true } });
}

/** Every client's instruction file, as bytes by SMS ID. */
async function instructionBox() {
  const files = new Map<string, string>();
  for await (const file of generateInstructionBox({ now: NOW })) files.set(file.smsId, Buffer.from(file.bytes).toString("base64"));
  return files;
}

async function reviewedAndSent(jobId: string) {
  const review = (await reviewSavedJob({ jobId, now: NOW }))!;
  for (const rule of review.unacknowledgedWarnings) await acknowledgeWarning({ jobId, rule, reason: "Checked with the site admin", now: NOW });
  return { review, sent: await sendJob({ jobId, now: NOW }) };
}

describe("a server job's target servers (Job Status and simulation pages)", () => {
  it("lists the servers the target names while Pending, the frozen ones once sent, with what each phase does there", async () => {
    const jobId = await createJob({ input: await serverJobInput("SHARE_PACKAGE_ON_SERVER", { kind: "SERVER_GROUP", machineGroupId: await serverGroupId() }) });
    const pending = (await listServerJobTargets({ jobId }))!;
    expect(pending.source).toBe("now");
    expect(pending.rows).toEqual([
      { serverName: "CNS-SMS", siteCode: "BPC", packageDirectory: "\\\\CNS-SMS\\SMS_PKGD\\BPC00021\\", send: "Sends the compressed package to site BPC", distribute: "Puts the package in \\\\CNS-SMS\\SMS_PKGD\\BPC00021\\ and shares it as \\\\CNS-SMS\\OFF95 (Read access)" },
      { serverName: "CNSAPPS1", siteCode: "BPC", packageDirectory: "\\\\CNSAPPS1\\SMS_PKGD\\BPC00021\\", send: "Sends the compressed package to site BPC", distribute: "Puts the package in \\\\CNSAPPS1\\SMS_PKGD\\BPC00021\\ and shares it as \\\\CNSAPPS1\\OFF95 (Read access)" },
    ]);
    await reviewedAndSent(jobId);
    // A server added to the group after Send is not one the job acted on.
    const extra = await db.server.findUniqueOrThrow({ where: { name: "VAQ-SMS" } });
    await db.machineGroupServer.create({ data: { machineGroupId: await serverGroupId(), serverId: extra.id } });
    const sent = (await listServerJobTargets({ jobId }))!;
    expect([sent.source, sent.rows.map((row) => row.serverName)]).toEqual(["frozen", ["CNS-SMS", "CNSAPPS1"]]);
    expect(sent.rows).toEqual(pending.rows);
  });

  it("says a job canceled before Send acted on no server, and is null for a workstation job", async () => {
    const jobId = await createJob({ input: await serverJobInput("REMOVE_PACKAGE_FROM_SERVER", { kind: "SERVERS", serverNames: ["CNSAPPS1"] }) });
    expect((await listServerJobTargets({ jobId }))!.rows.map((row) => [row.serverName, row.send, row.distribute])).toEqual([
      ["CNSAPPS1", "Sends the removal to site BPC", "Removes the package from \\\\CNSAPPS1\\SMS_PKGD\\BPC00021\\ and its share \\\\CNSAPPS1\\OFF95"],
    ]);
    await changeJobState({ jobId, transition: "cancel", note: "not needed" });
    expect(await listServerJobTargets({ jobId })).toEqual({ jobType: "REMOVE_PACKAGE_FROM_SERVER", source: "never sent", rows: [] });
    expect(await listServerJobTargets({ jobId: await createJob({ input: await demoJobInput() }) })).toBeNull();
    expect(await listServerJobTargets({ jobId: "BPCZZZZZ" })).toBeNull();
  });
});

describe("Share Package On Server and Remove Package From Server jobs", () => {
  it("shares a package on a server group: Send freezes the group's servers, records them as holding the package, and changes no client's instruction file", async () => {
    // A workstation job already offers MDM00005 a record: the box is not empty to begin with.
    await reviewedAndSent(await createJob({ input: await demoJobInput({ distributePhase: { refreshExistingServers: true }, runPhase: { isExpiring: false } }) }));
    const before = await instructionBox();
    expect(before.size).toBeGreaterThan(0);
    const jobId = await createJob({ input: await serverJobInput("SHARE_PACKAGE_ON_SERVER", { kind: "SERVER_GROUP", machineGroupId: await serverGroupId() }) });
    const job = await db.job.findUniqueOrThrow({ where: { jobId } });
    expect([job.jobType, job.targetKind, job.isRunPhase, job.commandLineId]).toEqual(["SHARE_PACKAGE_ON_SERVER", "SERVER_GROUP", false, null]);

    const { review, sent } = await reviewedAndSent(jobId);
    // No workstation rule looks at a job without a run phase or client targets.
    expect(review.review.findings.map((finding) => finding.rule).filter((rule) => ["R31", "R32", "R48", "R54", "R59", "R60"].includes(rule))).toEqual([]);
    expect(sent).toMatchObject({ targetCount: 0, serverCount: 2 });

    const after = await db.job.findUniqueOrThrow({ where: { jobId }, include: { servers: { orderBy: { position: "asc" } }, targets: true } });
    expect([after.state, after.requestId !== null, after.targets.length]).toEqual(["ACTIVE", true, 0]);
    expect(after.servers.map((server) => server.serverName)).toEqual(["CNS-SMS", "CNSAPPS1"]);
    const holders = await db.packageServer.findMany({ where: { packageId: OFFICE95 }, select: { server: { select: { name: true } } } });
    expect(holders.map((entry) => entry.server.name).sort()).toEqual(["CNS-SMS", "CNSAPPS1"]);
    expect(await instructionBox()).toEqual(before);
    const history = await db.jobTransition.findMany({ where: { jobId }, orderBy: { id: "asc" } });
    expect(history.map((entry) => entry.toState)).toEqual(["PENDING", "ACTIVE"]);
    expect(history[1]!.note).toContain("Share Package On Server: package shared on 2 servers");
    expect(await db.auditEvent.count({ where: { objectId: jobId, action: "job.send" } })).toBe(1);
  });

  it("removes a package from listed servers: Send drops them from the servers holding it", async () => {
    const share = await createJob({ input: await serverJobInput("SHARE_PACKAGE_ON_SERVER", { kind: "SERVER_GROUP", machineGroupId: await serverGroupId() }) });
    await reviewedAndSent(share);
    const remove = await createJob({ input: await serverJobInput("REMOVE_PACKAGE_FROM_SERVER", { kind: "SERVERS", serverNames: ["cnsapps1"] }) });
    expect((await db.job.findUniqueOrThrow({ where: { jobId: remove } })).targetServerNames).toBe("CNSAPPS1");
    await reviewedAndSent(remove);
    const holders = await db.packageServer.findMany({ where: { packageId: OFFICE95 }, select: { server: { select: { name: true } } } });
    expect(holders.map((entry) => entry.server.name)).toEqual(["CNS-SMS"]);
    expect((await db.job.findUniqueOrThrow({ where: { jobId: remove } })).state).toBe("ACTIVE");
  });

  it("refuses a share job for a package without a Sharing set, and unknown servers, naming the fields", async () => {
    const noSharing = await db.package.findFirstOrThrow({ where: { shareName: null } });
    const refused = await createJob({ input: await serverJobInput("SHARE_PACKAGE_ON_SERVER", { kind: "SERVERS", serverNames: ["NOSUCHSERVER"] }, noSharing.packageId) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).issues?.map((issue) => issue.path).sort()).toEqual(["jobType", "target.serverNames"]);
    expect(await db.job.count()).toBe(0);
  });

  it("reviews R55 on a share job whose package is shared as a drive$ share, and blocks its Send", async () => {
    await db.package.update({ where: { packageId: OFFICE95 }, data: { shareName: "C$" } });
    const jobId = await createJob({ input: await serverJobInput("SHARE_PACKAGE_ON_SERVER", { kind: "SERVER_GROUP", machineGroupId: await serverGroupId() }) });
    expect((await reviewSavedJob({ jobId, now: NOW }))!.errors).toEqual(["R55"]);
    await expect(sendJob({ jobId, now: NOW })).rejects.toThrow(/R55/);
    expect((await db.job.findUniqueOrThrow({ where: { jobId } })).state).toBe("PENDING");
  });

  it("is in the demo: Office 95 shared on the BPC Distribution Servers group, sent", async () => {
    await resetDatabase();
    await loadDemoIfEmpty(NOW);
    const share = await db.job.findFirstOrThrow({ where: { jobType: "SHARE_PACKAGE_ON_SERVER" }, include: { servers: true, targetMachineGroup: { select: { name: true } } } });
    expect([share.packageId, share.targetMachineGroup?.name, share.state]).toEqual([OFFICE95, "BPC Distribution Servers", "ACTIVE"]);
    expect(share.servers.map((server) => server.serverName).sort()).toEqual(["CNS-SMS", "CNSAPPS1"]);
  }, 120_000);
});
