import "server-only";
import type { Actor, Permission } from "../../access/roles";
import { db, type Transaction } from "../../db";
import { DomainError, isDomainError } from "../../errors";
import { withRunPhaseDefaults } from "../../jobs/defaults";
import { describeValue, fieldLabel, valueAtPath, type FieldChange } from "../../jobs/field-changes";
import { JOB_STATE_LABELS } from "../../jobs/lifecycle";
import { jobInputSchema, type JobInput } from "../../jobs/schema";
import { packageInputSchema } from "../../packages/schema";
import type { Finding, FixForm } from "../../rules/rule";
import { siteInputSchema } from "../../sites/schema";
import { updateJob } from "./job-changes";
import { jobInputOf } from "./job-mapping";
import { reviewSavedJob, type JobReviewResult } from "../review/job-review";
import { recordAudit } from "../audit/audit";
import { countOf, listSome } from "../console/records";
import { getPackage, updatePackage } from "../packages/packages";
import { authorize } from "../accounts/session";
import { getSite, updateSite } from "../sites/sites";

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

/** A record a fix changes, named as the console names it. */
export interface FixedRecord {
  kind: "job" | "package" | "site";
  id: string;
  name: string;
  href: string;
}

/**
 * What applying a finding's fix would do: the record it changes, each field before and after and,
 * for a record other jobs share (a package, a site), what else uses it. Shown before the admin confirms.
 */
export interface FixImpact {
  rule: string;
  fixText: string;
  records: FixedRecord[];
  changes: FieldChange[];
  /** The fix changes a record beyond the job itself: it needs the admin's confirmation. */
  isShared: boolean;
  usedBy: string[];
}

interface FixPlan {
  finding: Finding;
  impact: FixImpact;
  apply(actor: Actor): Promise<void>;
}

const ACTIVE_OR_PENDING = { in: ["PENDING", "ACTIVE"] };

async function packageUses(jobId: string, packageId: string): Promise<string[]> {
  const where = { packageId, jobId: { not: jobId } };
  const [jobs, jobCount, clients, servers] = await Promise.all([
    db.job.findMany({ where, select: { jobId: true, state: true }, orderBy: { jobId: "asc" }, take: 5 }),
    db.job.count({ where }),
    db.jobTarget.groupBy({ by: ["smsId"], where: { job: { packageId, state: "ACTIVE", jobId: { not: jobId } } } }),
    db.packageServer.findMany({ where: { packageId }, select: { server: { select: { name: true, siteCode: true } } } }),
  ]);
  const uses = [
    jobCount === 0
      ? "No other job uses the package."
      : `${countOf(jobCount, "other job")} use the package: ${listSome(
          jobs.map((job) => `${job.jobId} (${JOB_STATE_LABELS[job.state as keyof typeof JOB_STATE_LABELS] ?? job.state})`),
          5,
        )}${jobCount > jobs.length ? ` and ${jobCount - jobs.length} more` : ""}.`,
  ];
  if (clients.length > 0) uses.push(`${countOf(clients.length, "client")} of Active jobs get the changed command line in their instruction files at their next poll.`);
  if (servers.length > 0) {
    const sites = [...new Set(servers.map((entry) => entry.server.siteCode))].sort();
    uses.push(`${countOf(servers.length, "distribution server")} at ${sites.length === 1 ? "site" : "sites"} ${sites.join(", ")} hold the package.`);
  }
  return uses;
}

async function siteUses(jobId: string, code: string): Promise<string[]> {
  const [computers, children, jobs] = await Promise.all([
    db.computer.count({ where: { siteCode: code } }),
    db.site.count({ where: { parentCode: code } }),
    db.job.count({ where: { jobId: { not: jobId }, state: ACTIVE_OR_PENDING, OR: [{ siteCode: code }, { targets: { some: { computer: { siteCode: code } } } }] } }),
  ]);
  const uses = [`Site ${code} has ${countOf(computers, "client")}: the setting applies to every one of them, for every job.`];
  if (children > 0) uses.push(`${countOf(children, "child site")} report to site ${code}.`);
  uses.push(jobs === 0 ? "No other Pending or Active job is from the site or targets its clients." : `${countOf(jobs, "other Pending or Active job")} ${jobs === 1 ? "is" : "are"} from the site or target its clients.`);
  return uses;
}

const auditedFix = (tx: Transaction, actor: Actor, jobId: string, impact: FixImpact) =>
  recordAudit(tx, {
    actor,
    action: "job.apply-fix",
    objectType: "job",
    objectId: jobId,
    before: null,
    after: { rule: impact.rule, records: impact.records.map((record) => `${record.kind} ${record.id}`), changes: impact.changes },
    detail: `${impact.rule}'s fix on ${impact.records.map((record) => `${record.kind} ${record.id}`).join(", ")}: ${impact.changes.map((change) => `${change.label}: ${change.before} → ${change.after}`).join("; ")}`,
  });

async function planFix(options: { jobId: string; rule: string; now: string }, result: JobReviewResult | null): Promise<FixPlan> {
  if (!result) throw new DomainError("not_found", `Job ${options.jobId} does not exist`);
  const finding = result.review.findings.find((candidate) => candidate.rule === options.rule);
  if (!finding) throw new DomainError("conflict", `${options.rule} no longer applies to job ${options.jobId}`);
  const { fix } = finding;
  if (fix.value === undefined) throw new DomainError("invalid", `${options.rule} has no one-field fix: ${fix.text}`);
  const base = { rule: options.rule, fixText: fix.text };

  if (fix.form === "job") {
    const job = await db.job.findUniqueOrThrow({ where: { jobId: options.jobId } });
    const current = jobInputOf(job) as unknown as Record<string, unknown>;
    const changed = withField(current, fix.field, fix.value) as unknown as JobInput;
    const input = parsedOrRefused(jobInputSchema.safeParse(withRunPhaseDefaults(changed, options.now)), options.rule);
    const impact: FixImpact = {
      ...base,
      records: [{ kind: "job", id: options.jobId, name: `job ${options.jobId}`, href: `/jobs/${options.jobId}` }],
      changes: [{ label: fieldLabel(fix.field), before: describeValue(valueAtPath(current, fix.field)), after: describeValue(fix.value) }],
      isShared: false,
      usedBy: [],
    };
    return { finding, impact, apply: () => updateJob({ jobId: options.jobId, version: job.version, input, appliedFix: { rule: options.rule } }) };
  }
  if (fix.form === "package") {
    const job = await db.job.findUniqueOrThrow({ where: { jobId: options.jobId }, select: { packageId: true } });
    const pkg = await getPackage(job.packageId);
    if (!pkg) throw new DomainError("not_found", `Package ${job.packageId} does not exist`);
    const values = { ...pkg, commandLines: pkg.commandLines.map((line) => ({ ...line, isUserInputRequired: line.isUserInputRequired ?? undefined })) };
    const input = parsedOrRefused(packageInputSchema.safeParse(withField(values, fix.field, fix.value)), options.rule);
    // A command line's field is named by the command line, never by its position or ID.
    const line = /^commandLines\.(\d+)\./.exec(fix.field);
    const commandName = line ? pkg.commandLines[Number(line[1])]?.commandName : undefined;
    const impact: FixImpact = {
      ...base,
      records: [{ kind: "package", id: pkg.packageId, name: `package ${pkg.packageId} (${pkg.name})`, href: `/packages/${pkg.packageId}` }],
      changes: [{ label: `${commandName ? `Command line "${commandName}": ` : ""}${fieldLabel(fix.field)}`, before: describeValue(valueAtPath(values, fix.field)), after: describeValue(fix.value) }],
      isShared: true,
      usedBy: await packageUses(options.jobId, pkg.packageId),
    };
    return {
      finding,
      impact,
      apply: (actor) => updatePackage({ packageId: pkg.packageId, version: pkg.version, input, alsoInTransaction: (tx) => auditedFix(tx, actor, options.jobId, impact) }),
    };
  }
  if (fix.form === "site") {
    const sites = (await Promise.all(finding.subjects.filter((candidate) => candidate.kind === "site").map((subject) => getSite(subject.id)))).filter((site) => site !== null);
    if (sites.length === 0) throw new DomainError("conflict", `${options.rule} names no site to change; reload the review`);
    const inputs = sites.map((site) => ({ site, input: parsedOrRefused(siteInputSchema.safeParse(withField({ ...site }, fix.field, fix.value)), options.rule) }));
    const impact: FixImpact = {
      ...base,
      records: sites.map((site) => ({ kind: "site", id: site.code, name: `site ${site.code} (${site.name})`, href: `/sites/${site.code}` })),
      changes: sites.map((site) => ({ label: `Site ${site.code}: ${fieldLabel(fix.field)}`, before: describeValue(valueAtPath(site, fix.field)), after: describeValue(fix.value) })),
      isShared: true,
      usedBy: (await Promise.all(sites.map((site) => siteUses(options.jobId, site.code)))).flat(),
    };
    return {
      finding,
      impact,
      apply: async (actor) => {
        // One site at a time, each with its own audit rows; the job's History names the change on each.
        for (const { site, input } of inputs) {
          const own = { ...impact, records: impact.records.filter((record) => record.id === site.code), changes: impact.changes.filter((change) => change.label.startsWith(`Site ${site.code}:`)) };
          await updateSite({ code: site.code, version: site.version, input, alsoInTransaction: (tx) => auditedFix(tx, actor, options.jobId, own) });
        }
      },
    };
  }
  throw new DomainError("invalid", `${options.rule}'s fix is made on the ${fix.form} itself: ${fix.text}`);
}

/** What each one-field fix of a reviewed job would change, and what else uses it, by rule. */
export async function describeFixes(options: { jobId: string; now: string; result: JobReviewResult }): Promise<Map<string, FixImpact>> {
  await authorize("console:read");
  const impacts = new Map<string, FixImpact>();
  for (const finding of options.result.review.findings) {
    if (finding.fix.value === undefined || !(finding.fix.form in FIX_PERMISSION)) continue;
    try {
      impacts.set(finding.rule, (await planFix({ jobId: options.jobId, rule: finding.rule, now: options.now }, options.result)).impact);
    } catch (error) {
      // A fix the form would refuse is offered as a link to the field only.
      if (!isDomainError(error)) throw error;
    }
  }
  return impacts;
}

/**
 * Applies a finding's one-field fix (tick Automated Command Line, make the job mandatory, raise a
 * site's polling interval) through the same validation and data-layer function a form uses. A fix
 * on a shared record (a package, a site) is refused until the admin has confirmed it, having been
 * shown what else uses the record; it lands in the job's History and the audit trail.
 */
export async function applyFix(options: { jobId: string; rule: string; now: string; isSharedChangeConfirmed?: boolean }): Promise<FixImpact> {
  // Fixing is work on jobs; the record the fix changes is checked again below, by its own permission.
  const actor = await authorize("jobs:write", { type: "job", id: options.jobId });
  const plan = await planFix(options, await reviewSavedJob({ jobId: options.jobId, now: options.now }));
  const permission = FIX_PERMISSION[plan.finding.fix.form];
  if (permission) await authorize(permission, { type: plan.finding.fix.form });
  if (plan.impact.isShared && !options.isSharedChangeConfirmed) {
    throw new DomainError("conflict", `${options.rule}'s fix changes ${plan.impact.records.map((record) => record.name).join(", ")}, not only this job. ${plan.impact.usedBy.join(" ")} Confirm the change to apply it.`);
  }
  await plan.apply(actor);
  return plan.impact;
}
