import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob, updateJob } from "@/lib/data/jobs/job-changes";
import { activateJob, changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { acknowledgeWarning, reviewSavedJob } from "@/lib/data/review/job-review";
import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { deleteSite } from "@/lib/data/sites/sites";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { DomainError } from "@/lib/errors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const now = "1998-11-21T09:00:00";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("guards found in review", () => {
  it("never makes a job Active through a state change other than Send", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    // The type forbids "send"; a caller that slips it past the type is refused at run time.
    await expect(changeJobState({ jobId, transition: "send" as never })).rejects.toThrow('"send" is not a change a job can be given here');
    expect((await db.job.findUniqueOrThrow({ where: { jobId } })).state).toBe("PENDING");
  });

  it("refuses to activate a definition edited after its review", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    const reviewed = (await reviewSavedJob({ jobId, now }))!;
    await updateJob({ jobId, version: reviewed.version, input: await demoJobInput({ comment: "edited after the review" }) });
    await expect(activateJob({ jobId, expectedVersion: reviewed.version })).rejects.toThrow(`Job ${jobId} was changed after its review`);
  });

  it("drops warning acknowledgements when the job is edited", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    const review = (await reviewSavedJob({ jobId, now }))!;
    const rule = review.unacknowledgedWarnings[0]!;
    await acknowledgeWarning({ jobId, rule, reason: "checked for one target", now });
    await updateJob({ jobId, version: review.version, input: await demoJobInput({ target: { kind: "QUERY" } }) });
    const after = (await reviewSavedJob({ jobId, now }))!;
    expect(after.acknowledgements).toEqual([]);
    expect(after.unacknowledgedWarnings).toContain(rule);
  });

  it("keeps a site whose IDs were allocated, so they can never be allocated again", async () => {
    await db.site.create({ data: { code: "ZZZ", name: "Short-lived", smsVersion: "1.2", pcmPollingIntervalMinutes: 60, nextPackageNumber: 1 } });
    await expect(deleteSite({ code: "ZZZ" })).rejects.toThrow("the package, job and request IDs it has allocated");
  });
});

describe("site documents the encoder or the database would refuse", () => {
  async function issuesOf(document: unknown) {
    const error = await importSiteDocument(document).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).issues;
  }

  it("report duplicate frozen targets, duplicate distribution servers and an empty server path by JSON path", async () => {
    const jobId = await createJob({ input: await demoJobInput() });
    await activateJob({ jobId });
    const document = await exportSiteDocument();
    const job = document.jobs[0]!;
    job.frozenTargets.push(job.frozenTargets[0]!);
    job.frozenServers[0]!.path = "";
    document.packages[0]!.distributionServers.push(document.packages[0]!.distributionServers[0]!);
    const paths = (await issuesOf(document)).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["jobs[0].frozenTargets[1]", "jobs[0].frozenServers[0].path", "packages[0].distributionServers[2]"]));
  });

  it("refuse to drop a command line that a job runs, and change nothing", async () => {
    await createJob({ input: await demoJobInput() });
    const document = await exportSiteDocument();
    const office = document.packages.find((pkg) => pkg.packageId === "BPC0000A")!;
    office.commandLines = office.commandLines.filter((line) => line.commandName !== "Complete");
    // With the job in the document, the reference check names it.
    expect(await issuesOf(document)).toEqual([{ path: "jobs[0].runPhase.commandName", message: 'Package BPC0000A has no command line "Complete"' }]);
    // Without it, the job in the database still runs the line.
    document.jobs = [];
    const issues = await issuesOf(document);
    expect(issues).toEqual([{ path: `packages[${document.packages.indexOf(office)}].commandLines`, message: 'Command line "Complete" of BPC0000A is run by a job and cannot be removed' }]);
    expect(await db.workstationCommandLine.count({ where: { packageId: "BPC0000A", commandName: "Complete" } })).toBe(1);
  });
});
