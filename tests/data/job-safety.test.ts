import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyFix, describeFixes } from "@/lib/data/jobs/apply-fix";
import { createJob, updateJob } from "@/lib/data/jobs/job-changes";
import { listJobHistory } from "@/lib/data/jobs/job-history";
import { leaveOutFindingComputers } from "@/lib/data/jobs/narrow-target";
import { changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { acknowledgeWarning, acknowledgeWarnings, reviewSavedJob, sendJob } from "@/lib/data/review/job-review";
import { getSite } from "@/lib/data/sites/sites";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { findingsSinceSend } from "@/lib/jobs/review-at-send";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";
import { TEST_ADMINISTRATOR } from "../support/actors";

const now = "1998-11-21T09:00:00";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

/** A job for the clients of site S01, where Package Command Manager is disabled (R66). */
async function s01Job() {
  return createJob({ input: await demoJobInput({ target: { kind: "QUERY", smsIds: [], limitToSiteCode: "S01" } }) });
}

describe("a fix on a shared record", () => {
  it("names the site it changes and what else uses it, and is refused until confirmed", async () => {
    const jobId = await s01Job();
    const result = (await reviewSavedJob({ jobId, now }))!;
    const impact = (await describeFixes({ jobId, now, result })).get("R66")!;
    expect(impact).toMatchObject({ isShared: true, records: [{ kind: "site", id: "S01" }], changes: [{ label: "Site S01: Package Command Manager enabled", before: "No", after: "Yes" }] });
    expect(impact.usedBy[0]).toMatch(/^Site S01 has \d+ clients?: the setting applies to every one of them, for every job\.$/);

    await expect(applyFix({ jobId, rule: "R66", now })).rejects.toThrow(/R66's fix changes site S01 \(S01 Legacy Site\), not only this job\. Site S01 has .* Confirm the change to apply it\./);
    expect((await getSite("S01"))!.isPcmEnabled).toBe(false);

    await applyFix({ jobId, rule: "R66", now, isSharedChangeConfirmed: true });
    expect((await getSite("S01"))!.isPcmEnabled).toBe(true);
    const history = await listJobHistory({ jobId });
    expect(history.at(-1)).toMatchObject({ change: "Fix for R66 applied", actor: TEST_ADMINISTRATOR.name, changes: [{ label: "Site S01: Package Command Manager enabled", before: "No", after: "Yes" }] });
    const audit = await db.auditEvent.findMany({ where: { action: { in: ["site.update", "job.apply-fix"] } }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, row.objectId])).toEqual([
      ["site.update", "S01"],
      ["job.apply-fix", jobId],
    ]);
    expect(audit[1]!.detail).toBe("R66's fix on site S01: Site S01: Package Command Manager enabled: No → Yes");
  });

  it("names the other jobs a package fix reaches", async () => {
    const line = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00020", commandName: "Unattended update (PCM service)" } });
    await db.workstationCommandLine.update({ where: { id: line.id }, data: { isAutomated: false } });
    const input = await demoJobInput({ packageId: "BPC00020", runPhase: { commandLineId: line.id, isMandatory: true, mandatoryAfter: "1998-11-28T20:00:00" } });
    const other = await createJob({ input });
    const jobId = await createJob({ input });
    const result = (await reviewSavedJob({ jobId, now }))!;
    const impact = (await describeFixes({ jobId, now, result })).get("R1")!;
    expect(impact.records).toEqual([expect.objectContaining({ kind: "package", id: "BPC00020" })]);
    expect(impact.changes).toEqual([{ label: 'Command line "Unattended update (PCM service)": Automated Command Line', before: "No", after: "Yes" }]);
    expect(impact.usedBy[0]).toMatch(new RegExp(`other jobs? uses? the package: .*${other} \\(Pending\\)`));
  });

  it("keeps a fix on the job itself one step, with its change in the History", async () => {
    const jobId = await createJob({ input: await demoJobInput({ runPhase: { notMandatoryOverSlowLink: true } }) });
    const result = (await reviewSavedJob({ jobId, now }))!;
    expect((await describeFixes({ jobId, now, result })).get("R43")).toMatchObject({ isShared: false, changes: [{ label: "Not Mandatory over Slow Link", before: "Yes", after: "No" }] });
    await applyFix({ jobId, rule: "R43", now });
    expect((await listJobHistory({ jobId })).at(-1)).toMatchObject({ change: "Fix for R43 applied", changes: [{ label: "Not Mandatory over Slow Link", before: "Yes", after: "No" }] });
  });
});

describe("the job's History", () => {
  it("shows an edit field by field, as the audit's job.update row does", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    const job = await db.job.findUniqueOrThrow({ where: { jobId } });
    await updateJob({ jobId, version: job.version, input: await demoJobInput({ comment: "Office for the MDM lab", runPhase: { expireAfter: "1999-04-01T00:00:00" } }) });
    const edit = (await listJobHistory({ jobId })).find((entry) => entry.change === "Edited")!;
    expect(edit.changes).toEqual([
      { label: "Comment", before: "—", after: "Office for the MDM lab" },
      { label: "Expiry date", before: "Mon 1999-03-01 00:00", after: "Thu 1999-04-01 00:00" },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "job.update", objectId: jobId } });
    expect(audit.detail).toBe("Comment: — → Office for the MDM lab; Expiry date: Mon 1999-03-01 00:00 → Thu 1999-04-01 00:00");
  });

  it("needs a reason to cancel, and shows it", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await expect(changeJobState({ jobId, transition: "cancel", note: "  " })).rejects.toMatchObject({ issues: [{ path: "note", message: "Reason for canceling is required (at least 3 characters)" }] });
    expect((await db.job.findUniqueOrThrow({ where: { jobId } })).state).toBe("PENDING");
    await changeJobState({ jobId, transition: "cancel", note: "Wrong package for the lab" });
    expect((await listJobHistory({ jobId })).at(-1)).toMatchObject({ change: "Pending → Canceled", note: "Wrong package for the lab" });
  });
});

describe("the review at Send", () => {
  it("is kept as the sender saw it, and later findings show apart", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    const before = (await reviewSavedJob({ jobId, now }))!;
    for (const rule of before.unacknowledgedWarnings) await acknowledgeWarning({ jobId, rule, reason: `Checked ${rule}`, now });
    await sendJob({ jobId, now });
    const after = (await reviewSavedJob({ jobId, now }))!;
    expect(after.atSend).toMatchObject({ sentBy: TEST_ADMINISTRATOR.name, targetCount: before.targetCount });
    expect(after.atSend!.findings.map((finding) => finding.rule)).toEqual(before.review.findings.map((finding) => finding.rule));
    expect(after.atSend!.acknowledgements.map((entry) => [entry.rule, entry.reason])).toEqual(before.unacknowledgedWarnings.map((rule) => [rule, `Checked ${rule}`]));
    // The Send put the package on the target's distribution server, which R54 now reports: since Send, not at Send.
    expect(after.review.findings.map((finding) => finding.rule)).toContain("R54");
    expect(after.atSend!.findings.map((finding) => finding.rule)).not.toContain("R54");
    expect(findingsSinceSend(after.atSend!, after.review.findings).map((finding) => finding.rule)).toEqual(["R54"]);
  });
});

describe("target-side errors", () => {
  async function serviceJob(target: Record<string, unknown>) {
    const line = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00020", commandName: "Unattended update (PCM service)" } });
    return createJob({ input: await demoJobInput({ packageId: "BPC00020", target, runPhase: { commandLineId: line.id, isMandatory: true, mandatoryAfter: "1998-11-28T20:00:00" } }) });
  }

  it("reports every unmet PCM service prerequisite of a machine at once", async () => {
    await db.computer.update({ where: { smsId: "MDM00005" }, data: { isPcmServiceInstalled: false, isPcmServiceRunning: false, pcmServiceAccountIsLocalAdmin: false } });
    const jobId = await serviceJob({ kind: "COMPUTERS", smsIds: ["MDM00005"] });
    const review = (await reviewSavedJob({ jobId, now }))!;
    expect(review.errors).toEqual(expect.arrayContaining(["R63", "R70"]));
  });

  it("leaves the machines an error names out of a list-of-computers target, and says so in the History", async () => {
    const [without] = await db.computer.findMany({ where: { platform: "WIN32_X86", smsId: { not: "MDM00005" } }, take: 1, orderBy: { smsId: "asc" } });
    await db.computer.update({ where: { smsId: without!.smsId }, data: { isPcmServiceInstalled: false, isPcmServiceRunning: false } });
    const jobId = await serviceJob({ kind: "COMPUTERS", smsIds: ["MDM00005", without!.smsId] });
    expect((await reviewSavedJob({ jobId, now }))!.review.findings.find((finding) => finding.rule === "R63")!.subjects).toEqual([{ kind: "computer", id: without!.smsId }]);

    expect(await leaveOutFindingComputers({ jobId, rule: "R63", now })).toEqual([without!.smsId]);
    const after = (await reviewSavedJob({ jobId, now }))!;
    expect(after.errors).not.toContain("R63");
    expect(after.targetCount).toBe(1);
    expect((await listJobHistory({ jobId })).at(-1)).toMatchObject({ change: "Fix for R63 applied", changes: [{ label: "Computers", before: `MDM00005,${without!.smsId}`, after: "MDM00005" }] });
  });

  it("refuses to leave out every computer, and points a query target at its filters", async () => {
    await db.computer.update({ where: { smsId: "MDM00005" }, data: { isPcmServiceRunning: false } });
    const alone = await serviceJob({ kind: "COMPUTERS", smsIds: ["MDM00005"] });
    await expect(leaveOutFindingComputers({ jobId: alone, rule: "R63", now })).rejects.toThrow(`Leaving out MDM00005 would leave job ${alone} no target`);
    const query = await serviceJob({ kind: "QUERY", smsIds: [], limitToSiteCode: "BPC" });
    await expect(leaveOutFindingComputers({ jobId: query, rule: "R63", now })).rejects.toThrow("Only a list-of-computers target can leave machines out");
  });
});

describe("acknowledging several warnings at once", () => {
  it("records each ticked warning with the one reason, or none when one is not a warning now", async () => {
    const jobId = await createJob({ input: await demoJobInput({ runPhase: { notMandatoryOverSlowLink: true } }) });
    const warnings = (await reviewSavedJob({ jobId, now }))!.unacknowledgedWarnings;
    expect(warnings.length).toBeGreaterThan(1);
    await expect(acknowledgeWarnings({ jobId, rules: [...warnings, "R1"], reason: "Lab machines only", now })).rejects.toThrow(`R1 is not a warning on job ${jobId} now`);
    expect((await reviewSavedJob({ jobId, now }))!.acknowledgements).toEqual([]);
    await expect(acknowledgeWarnings({ jobId, rules: [], reason: "Lab machines only", now })).rejects.toMatchObject({ issues: [{ path: "rules" }] });

    await acknowledgeWarnings({ jobId, rules: warnings, reason: "Lab machines only", now });
    const after = (await reviewSavedJob({ jobId, now }))!;
    expect(after.unacknowledgedWarnings).toEqual([]);
    expect(after.acknowledgements.map((entry) => [entry.rule, entry.reason])).toEqual(warnings.map((rule) => [rule, "Lab machines only"]));
  });
});
