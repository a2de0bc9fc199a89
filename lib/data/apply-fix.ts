import "server-only";
import type { Permission } from "../access/roles";
import { db } from "../db";
import { DomainError } from "../errors";
import { withRunPhaseDefaults } from "../jobs/defaults";
import { jobInputSchema, type JobInput } from "../jobs/schema";
import { packageInputSchema } from "../packages/schema";
import type { Finding, FixForm } from "../rules/rule";
import { siteInputSchema } from "../sites/schema";
import { updateJob } from "./job-changes";
import { jobInputOf } from "./job-mapping";
import { reviewSavedJob } from "./job-review";
import { getPackage, updatePackage } from "./packages";
import { authorize } from "./session";
import { getSite, updateSite } from "./sites";

/** Sets a dotted path ("runPhase.isMandatory", "commandLines.0.isAutomated") in a plain copy. */
function withField(record: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(record);
  const path = field.split(".");
  let node: Record<string, unknown> | unknown[] = copy;
  for (const [index, segment] of path.entries()) {
    const key = /^\d+$/.test(segment) ? Number(segment) : segment;
    const container = node as Record<string | number, unknown>;
    if (index === path.length - 1) container[key] = value;
    else node = container[key] as Record<string, unknown>;
    if (node === undefined) throw new DomainError("invalid", `The fix names a field that does not exist: ${field}`);
  }
  return copy;
}

/** A fix that would leave the record invalid is refused with the form's own messages. */
function parsedOrRefused<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }, rule: string): T {
  if (result.success) return result.data;
  throw new DomainError("invalid", `${rule}'s fix cannot be applied here; make the change in the form`, result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })));
}

/** Who may apply a fix is who may change the record it is made on. */
const FIX_PERMISSION: Partial<Record<FixForm, Permission>> = { job: "jobs:write", package: "packages:write", site: "sites:write" };

/**
 * Applies a finding's one-field fix (tick Automated Command Line, make the job mandatory, raise a
 * site's polling interval) through the same validation and data-layer function a form uses.
 */
export async function applyFix(options: { jobId: string; rule: string; now: string }): Promise<Finding> {
  // Fixing is work on jobs; the record the fix changes is checked again below, by its own permission.
  await authorize("jobs:write", { type: "job", id: options.jobId });
  const result = await reviewSavedJob({ jobId: options.jobId, now: options.now });
  if (!result) throw new DomainError("not_found", `Job ${options.jobId} does not exist`);
  const finding = result.review.findings.find((candidate) => candidate.rule === options.rule);
  if (!finding) throw new DomainError("conflict", `${options.rule} no longer applies to job ${options.jobId}`);
  const { fix } = finding;
  if (fix.value === undefined) throw new DomainError("invalid", `${options.rule} has no one-field fix: ${fix.text}`);
  const permission = FIX_PERMISSION[fix.form];
  if (permission) await authorize(permission, { type: fix.form });

  if (fix.form === "job") {
    const job = await db.job.findUniqueOrThrow({ where: { jobId: options.jobId } });
    const changed = withField(jobInputOf(job) as unknown as Record<string, unknown>, fix.field, fix.value) as unknown as JobInput;
    const input = parsedOrRefused(jobInputSchema.safeParse(withRunPhaseDefaults(changed, options.now)), options.rule);
    await updateJob({ jobId: options.jobId, version: job.version, input });
  } else if (fix.form === "package") {
    const job = await db.job.findUniqueOrThrow({ where: { jobId: options.jobId }, select: { packageId: true } });
    const pkg = await getPackage(job.packageId);
    if (!pkg) throw new DomainError("not_found", `Package ${job.packageId} does not exist`);
    const values = { ...pkg, commandLines: pkg.commandLines.map((line) => ({ ...line, isUserInputRequired: line.isUserInputRequired ?? undefined })) };
    await updatePackage({ packageId: pkg.packageId, version: pkg.version, input: parsedOrRefused(packageInputSchema.safeParse(withField(values, fix.field, fix.value)), options.rule) });
  } else if (fix.form === "site") {
    for (const subject of finding.subjects.filter((candidate) => candidate.kind === "site")) {
      const site = await getSite(subject.id);
      if (!site) continue;
      await updateSite({ code: site.code, version: site.version, input: parsedOrRefused(siteInputSchema.safeParse(withField({ ...site }, fix.field, fix.value)), options.rule) });
    }
  } else {
    throw new DomainError("invalid", `${options.rule}'s fix is made on the ${fix.form} itself: ${fix.text}`);
  }
  return finding;
}
