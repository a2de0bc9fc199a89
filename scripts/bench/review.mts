// npm run bench:review: times the requirement review of a job with 10,000 targets.
// Prints figures; asserts nothing (target: under 200 ms).
import { performance } from "node:perf_hooks";
import { createRunVerdicts } from "../../lib/rules/will-target-run-command.ts";
import { reviewJob } from "../../lib/rules/review-job.ts";
import { syntheticReviewContext } from "../../lib/rules/synthetic-context.ts";

const TARGETS = 10_000;
const RUNS = 30;
const context = syntheticReviewContext(TARGETS);

const measure = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

const cold = measure(() => reviewJob(context));
const timings = Array.from({ length: RUNS }, () => measure(() => reviewJob(context))).sort((a, b) => a - b);
const verdicts = measure(() => {
  const verdictOf = createRunVerdicts(context);
  for (const target of context.targets) verdictOf(target.smsId);
});
const review = reviewJob(context);

console.log(`Job review benchmark: ${TARGETS.toLocaleString("en-US")} targets, ${RUNS} runs\n`);
console.log(`first (cold) review            ${cold.toFixed(1).padStart(8)} ms`);
console.log(`median review                  ${timings[Math.floor(RUNS / 2)]!.toFixed(1).padStart(8)} ms`);
console.log(`slowest warm review            ${timings[RUNS - 1]!.toFixed(1).padStart(8)} ms`);
console.log(`run verdicts for every target  ${verdicts.toFixed(1).padStart(8)} ms`);
console.log(`\n${review.findings.length} findings, ${review.notChecked.length} rules not checked; peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
