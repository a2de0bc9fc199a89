import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyFix } from "@/lib/data/jobs/apply-fix";
import { createJob } from "@/lib/data/jobs/job-changes";
import { acknowledgeWarning, reviewSavedJob, sendJob } from "@/lib/data/review/job-review";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { getJob } from "@/lib/data/jobs/jobs";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { TEST_ADMINISTRATOR, testActor } from "../support/actors";

const actor = TEST_ADMINISTRATOR.name;
const operator = testActor("operator");
// The demo inventory and the test jobs are dated around November 1998.
const now = "1998-11-21T09:00:00";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

async function serviceCommandLineId(change: { isAutomated?: boolean } = {}) {
  const line = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00020", commandName: "Unattended update (PCM service)" } });
  if (change.isAutomated !== undefined) await db.workstationCommandLine.update({ where: { id: line.id }, data: { isAutomated: change.isAutomated } });
  return line.id;
}

describe("Send after the requirement review", () => {
  it("is refused while the review finds errors, and the job stays Pending", async () => {
    // The WFW redirector patch supports only WIN16; MDM00005 runs Windows NT (R60).
    const patch = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00012" } });
    const jobId = await createJob({ input: await demoJobInput({ packageId: "BPC00012", runPhase: { commandLineId: patch.id } }) });
    const review = (await reviewSavedJob({ jobId, now }))!;
    expect(review.errors).toContain("R60");
    await expect(sendJob({ jobId, now })).rejects.toThrow(new RegExp(`Job ${jobId} cannot be sent: the review finds \\d+ errors? \\(.*R60.*\\)`));
    expect((await getJob(jobId))!.storedState).toBe("PENDING");
  });

  it("waits for every warning to be acknowledged with a reason, then sends and keeps who said what", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    const before = (await reviewSavedJob({ jobId, now }))!;
    expect(before.errors).toEqual([]);
    expect(before.unacknowledgedWarnings.length).toBeGreaterThan(0);
    await expect(sendJob({ jobId, now })).rejects.toThrow(`Job ${jobId} cannot be sent until these warnings are acknowledged: ${before.unacknowledgedWarnings.join(", ")}`);

    await expect(acknowledgeWarning({ jobId, rule: before.unacknowledgedWarnings[0]!, reason: " ", now })).rejects.toMatchObject({ issues: [{ path: "reason" }] });
    await expect(acknowledgeWarning({ jobId, rule: "R1", reason: "not firing", now })).rejects.toThrow(`R1 is not a warning on job ${jobId} now`);
    for (const rule of before.unacknowledgedWarnings) await acknowledgeWarning({ jobId, rule, reason: `Checked ${rule} with the site admin`, now });

    // Another user may send what an administrator acknowledged; each is named in the history.
    bindProcessActor(operator);
    const result = await sendJob({ jobId, now }).finally(() => bindProcessActor(TEST_ADMINISTRATOR));
    expect(result.targetCount).toBe(1);
    expect((await getJob(jobId))!.transitions.map((transition) => transition.actor)).toEqual([actor, operator.name]);
    const after = (await reviewSavedJob({ jobId, now }))!;
    expect(after.acknowledgements.map((entry) => [entry.rule, entry.actor, entry.reason])).toEqual(before.unacknowledgedWarnings.map((rule) => [rule, actor, `Checked ${rule} with the site admin`]));
  });
});

describe("one-field fixes", () => {
  it("ticks Automated Command Line on the package when the service job's command line lacks it (R1)", async () => {
    const commandLineId = await serviceCommandLineId({ isAutomated: false });
    const jobId = await createJob({
      input: await demoJobInput({ packageId: "BPC00020", runPhase: { commandLineId, isMandatory: true, mandatoryAfter: "1998-11-28T20:00:00" } }),
    });
    expect((await reviewSavedJob({ jobId, now }))!.errors).toContain("R1");
    // The package is shared with other jobs: the fix waits for the admin's confirmation.
    await expect(applyFix({ jobId, rule: "R1", now })).rejects.toThrow(/R1's fix changes package BPC00020 .*, not only this job/);
    expect((await db.workstationCommandLine.findUniqueOrThrow({ where: { id: commandLineId } })).isAutomated).toBe(false);
    await applyFix({ jobId, rule: "R1", now, isSharedChangeConfirmed: true });
    expect((await db.workstationCommandLine.findUniqueOrThrow({ where: { id: commandLineId } })).isAutomated).toBe(true);
    expect((await reviewSavedJob({ jobId, now }))!.errors).not.toContain("R1");
  });

  it("makes a background job mandatory when pre-SP3 clients would never run it (R4)", async () => {
    const commandLineId = await serviceCommandLineId();
    const jobId = await createJob({ input: await demoJobInput({ packageId: "BPC00020", target: { kind: "QUERY", limitToSiteCode: "VAQ", platforms: ["WIN32_X86"] }, runPhase: { commandLineId } }) });
    const review = (await reviewSavedJob({ jobId, now }))!;
    const r4 = review.review.findings.find((finding) => finding.rule === "R4");
    expect(r4?.fix).toMatchObject({ form: "job", field: "runPhase.isMandatory", value: true });
    await applyFix({ jobId, rule: "R4", now });
    expect((await getJob(jobId))!.definition.runPhase.isMandatory).toBe(true);
  });

  it("refuses a rule that does not fire", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await expect(applyFix({ jobId, rule: "R1", now })).rejects.toThrow(`R1 no longer applies to job ${jobId}`);
  });
});

describe("OS upgrades in the command line (R26)", () => {
  it("warns about the demo's NT 4.0 Service Pack 3 run through the PCM service", async () => {
    const jobId = await createJob({ input: await demoJobInput({ packageId: "BPC00020", runPhase: { commandLineId: await serviceCommandLineId(), isMandatory: true, mandatoryAfter: "1998-11-23T02:00:00" } }) });
    const review = (await reviewSavedJob({ jobId, now }))!;
    expect(review.review.findings.find((finding) => finding.rule === "R26")?.message).toContain("runs a Windows NT service pack (UPDATE.EXE -u) as a System (Background) Task");
  });
});

describe("rules across jobs (R42, R53)", () => {
  it("warns when an active job on the same client becomes mandatory later than a job sent after it (R42, Q173388)", async () => {
    const first = await createJob({ input: await demoJobInput({ runPhase: { isMandatory: true, mandatoryAfter: "1998-11-23T06:00:00" } }) });
    await activateJob({ jobId: first });
    const second = await createJob({ input: await demoJobInput({ runPhase: { isMandatory: true, mandatoryAfter: "1998-11-23T02:00:00" } }) });
    const review = (await reviewSavedJob({ jobId: second, now }))!;
    expect(review.review.findings.find((finding) => finding.rule === "R42")?.message).toContain(`${first} (Mandatory After 1998-11-23T06:00:00)`);

    const inOrder = await createJob({ input: await demoJobInput({ runPhase: { isMandatory: true, mandatoryAfter: "1998-11-23T08:00:00" } }) });
    const inOrderReview = (await reviewSavedJob({ jobId: inOrder, now }))!;
    expect(inOrderReview.review.findings.map((finding) => finding.rule)).not.toContain("R42");
    expect(inOrderReview.review.notChecked.map((entry) => entry.rule)).not.toContain("R42");
  });
});

