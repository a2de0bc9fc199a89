import { parseArgs } from "node:util";
import { reviewSavedJob } from "@/lib/data/review/job-review";
import { loadReviewPackage, loadReviewSites } from "@/lib/data/review/review-context";
import { DomainError } from "@/lib/errors";
import { formatNotChecked } from "@/lib/rules/finding";
import { reviewPackage } from "@/lib/rules/review-package";
import type { RuleReview } from "@/lib/rules/rule";
import { formatFix, toCheckJson } from "@/lib/rules/to-check-json";
import { currentWallClock } from "@/lib/wall-clock";
import { UsageError, type Command } from "../command";

function printReview(review: RuleReview, heading: string) {
  console.log(heading);
  if (review.findings.length === 0) console.log("  No findings.");
  for (const finding of review.findings) {
    console.log(`\n  ${finding.rule} ${finding.severity.toUpperCase()}: ${finding.message}`);
    console.log(`    Why: ${finding.why}`);
    console.log(`    Fix: ${formatFix(finding.fix)}`);
    console.log(`    Sources: ${finding.sources.join(", ")}`);
    if (finding.subjects.length > 0) {
      const shown = finding.subjects.slice(0, 10).map((subject) => `${subject.kind} ${subject.id}`);
      console.log(`    Concerns: ${shown.join(", ")}${finding.subjects.length > 10 ? ` and ${finding.subjects.length - 10} more` : ""}`);
    }
  }
  if (review.notChecked.length > 0) {
    console.log("\n  Not checked (facts not recorded):");
    for (const entry of review.notChecked) console.log(`    ${formatNotChecked(entry)}`);
  }
}

const hasErrors = (review: RuleReview) => review.findings.some((finding) => finding.severity === "error");

export const checkCommand: Command = {
  name: "check",
  usage: `Usage: sms check --job JOBID [--json]
       sms check --package PACKAGEID [--json]

Runs the requirement review the console shows before Send: findings per rule (error, warning,
info) with why, the KB sources, what to fix and the subjects they concern. Exits 1 when there
are errors, 0 otherwise. --json prints
  { "job": "BPC000AA", "findings": [ { "rule", "severity", "message", "why", "sources", "subjects", "fix" } ] }
(with "package" instead of "job" for --package).`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { job: { type: "string" }, package: { type: "string" }, json: { type: "boolean" } } });
    if (positionals.length > 0) throw new UsageError(`check takes options only (got "${positionals[0]}")`);
    if (Boolean(values.job) === Boolean(values.package)) throw new UsageError("check needs exactly one of --job JOBID or --package PACKAGEID");
    let review: RuleReview;
    if (values.job) {
      const jobId = values.job.toUpperCase();
      const result = await reviewSavedJob({ jobId, now: currentWallClock() });
      if (!result) throw new DomainError("not_found", `Job ${jobId} does not exist`);
      review = result.review;
      if (values.json) console.log(JSON.stringify(toCheckJson(review, jobId), null, 2));
      else printReview(review, `Job ${jobId}: ${result.targetCount} targets`);
    } else {
      const packageId = values.package!.toUpperCase();
      const pkg = await loadReviewPackage(packageId);
      if (!pkg) throw new DomainError("not_found", `Package ${packageId} does not exist`);
      review = reviewPackage(pkg, await loadReviewSites());
      if (values.json) {
        const { job: _job, ...json } = toCheckJson(review, packageId);
        console.log(JSON.stringify({ package: packageId, ...json }, null, 2));
      } else printReview(review, `Package ${packageId}: ${pkg.name}`);
    }
    return hasErrors(review) ? 1 : 0;
  },
};
