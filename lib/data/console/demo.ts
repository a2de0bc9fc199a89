import "server-only";
import { db } from "../../db";
import { buildDemoJobs, buildDemoServerJobs } from "../../demo/demo-jobs";
import { buildDemoSiteDocument } from "../../demo/demo-site-document";
import { jobInputSchema } from "../../jobs/schema";
import type { ImportSummary } from "../../site-document/summary";
import { currentWallClock } from "../../wall-clock";
import { createJob } from "../jobs/job-changes";
import { changeJobState } from "../jobs/job-lifecycle";
import { acknowledgeWarning, reviewSavedJob, sendJob } from "../review/job-review";
import { recordAudit } from "../audit/audit";
import { authorize } from "../accounts/session";
import { importSiteDocument } from "../sites/site-document-import";

/**
 * Loads the demo on the first start of an empty database; never touches one that holds data.
 * Demo jobs go through the same create, send and cancel steps as an admin's.
 */
export async function loadDemoIfEmpty(now: string = currentWallClock()): Promise<ImportSummary | null> {
  const actor = await authorize("sites:write", { type: "demo" });
  if ((await db.site.count()) > 0) return null;
  const summary = await importSiteDocument(buildDemoSiteDocument(now));
  const demoJobs = buildDemoJobs(now);
  for (const demo of demoJobs) {
    const commandLine = await db.workstationCommandLine.findUniqueOrThrow({ where: { packageId_commandName: { packageId: demo.packageId, commandName: demo.commandName } }, select: { id: true } });
    const group = demo.target.machineGroup ? await db.machineGroup.findUniqueOrThrow({ where: { name: demo.target.machineGroup }, select: { id: true } }) : null;
    const input = jobInputSchema.parse({
      packageId: demo.packageId,
      siteCode: demo.packageId.slice(0, 3),
      comment: demo.comment,
      priority: demo.priority,
      target: { ...demo.target, machineGroupId: group?.id },
      sendPhase: { isEnabled: true },
      distributePhase: { putOnSpecifiedServers: true },
      runPhase: {
        isEnabled: true,
        commandLineId: commandLine.id,
        offerAfter: demo.offerAfter,
        isMandatory: Boolean(demo.mandatoryAfter),
        mandatoryAfter: demo.mandatoryAfter,
        isExpiring: Boolean(demo.expireAfter),
        expireAfter: demo.expireAfter,
      },
    });
    const jobId = await createJob({ input });
    if (demo.lifecycle !== "pending") await sendAfterReview(jobId, now);
    if (demo.lifecycle === "canceled") await changeJobState({ jobId, transition: "cancel", note: "Meant for Windows 3.x clients only" });
  }
  const serverJobs = buildDemoServerJobs();
  for (const demo of serverJobs) {
    const group = await db.machineGroup.findUniqueOrThrow({ where: { name: demo.serverGroup }, select: { id: true } });
    const input = jobInputSchema.parse({
      jobType: demo.jobType,
      packageId: demo.packageId,
      siteCode: demo.packageId.slice(0, 3),
      comment: demo.comment,
      target: { kind: "SERVER_GROUP", machineGroupId: group.id },
      sendPhase: { isEnabled: true },
      distributePhase: { putOnSpecifiedServers: true },
    });
    const jobId = await createJob({ input });
    if (demo.lifecycle === "sent") await sendAfterReview(jobId, now);
  }
  const loaded = { ...summary, jobs: demoJobs.length + serverJobs.length };
  // Each step above has its own audit row; this one says they were the demo.
  await db.$transaction(async (tx) => recordAudit(tx, { actor, action: "demo.load", objectType: "demo", before: null, after: loaded }));
  return loaded;
}

/**
 * Demo jobs are sent the way an admin sends them: warnings acknowledged with a reason; a job the
 * review finds errors in stays Pending, so the review shows it at work.
 */
async function sendAfterReview(jobId: string, now: string) {
  const result = await reviewSavedJob({ jobId, now });
  if (!result || result.errors.length > 0) return;
  for (const rule of result.unacknowledgedWarnings) {
    await acknowledgeWarning({ jobId, rule, reason: "Accepted when the demo was loaded", now });
  }
  await sendJob({ jobId, now });
}
