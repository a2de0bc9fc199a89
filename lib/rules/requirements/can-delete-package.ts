import type { JobState } from "../../jobs/schema";
import { sortedReview, toFinding } from "../finding";
import type { Finding, NotChecked, OperationReview, OperationRule } from "../rule";
import { jobSubject, serverSubject } from "../subjects";

export const deletePackageInUseRule: OperationRule = {
  kind: "operation",
  code: "R85",
  title: "Deleting a package in use",
  severity: "error",
  scope: "package",
  gate: null,
  sources: ["Q269768"],
  why:
    "Deleting a package by hand, instead of removing it with a Remove Package From Server job after cancelling its jobs, leaves references in clients' instruction files " +
    "that Maintenance Manager never cleans up; the fix is deleting .INS files on every logon server and resending.",
};

export interface DeletablePackage {
  packageId: string;
  jobs: readonly { jobId: string; state: JobState }[];
  /** Distribution servers that still hold the package; null when not recorded. */
  distributionServerNames: readonly string[] | null;
}

/** R85: a package may be deleted once its jobs are cancelled and no distribution server holds it. */
export function canDeletePackage(pkg: DeletablePackage): OperationReview {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const liveJobs = pkg.jobs.filter((job) => job.state !== "CANCELED");
  const servers = pkg.distributionServerNames ?? [];
  if (pkg.distributionServerNames === null) notChecked.push({ rule: deletePackageInUseRule.code, reason: "the distribution servers holding the package are not recorded" });
  if (liveJobs.length > 0 || servers.length > 0) {
    const uses = [
      liveJobs.length > 0 ? `${liveJobs.length} job${liveJobs.length === 1 ? "" : "s"} not cancelled` : null,
      servers.length > 0 ? `on ${servers.length} distribution server${servers.length === 1 ? "" : "s"}` : null,
    ].filter(Boolean);
    findings.push(
      toFinding(deletePackageInUseRule, {
        message: `Package ${pkg.packageId} is in use (${uses.join(", ")}): use a Remove Package From Server job and cancel its jobs first; manual deletion leaves references in clients' instruction files.`,
        subjects: [...liveJobs.map((job) => jobSubject(job.jobId)), ...servers.map(serverSubject)],
        fix: { form: "job", field: "state", text: "Cancel the package's jobs and remove it from its distribution servers, then delete it." },
      }),
    );
  }
  return { allowed: findings.length === 0, ...sortedReview(findings, notChecked) };
}
