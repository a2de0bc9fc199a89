// One "console instance" of the two-instance test, on the data layer: its own process, its own
// Prisma client and connection pool, as a second `next start` would have. Prints JSON on stdout.
//   create <count> <concurrency> [at]  create jobs on site BPC at once; prints their IDs
//   cancel <jobId,...> [at]            cancel each job; prints how many this process canceled
// [at]: a time (ms since the epoch) to start at, so two workers race from the same moment.
//   send <jobId>                   activate a job (what Send does after the review)
//   schedule <activateAt>              create a job the scheduler sends at that wall-clock time, its
//                                      warnings acknowledged as an admin would; prints its ID and review
//   counters                           the site's job counter and job count
import { db } from "../../lib/db.ts";
import { createJob } from "../../lib/data/jobs/job-changes.ts";
import { activateJob, changeJobState } from "../../lib/data/jobs/job-lifecycle.ts";
import { acknowledgeWarnings, reviewSavedJob } from "../../lib/data/review/job-review.ts";
import type { DomainError } from "../../lib/errors.ts";
import { jobInputSchema } from "../../lib/jobs/schema.ts";
import { bindProcessActor } from "../../lib/data/accounts/session.ts";

// Each instance acts as one operator, named after its process, as a signed-in user would.
bindProcessActor({ userId: null, name: `instance-${process.pid}`, role: "operator", address: null, sessionId: null });

async function jobInput(change: { schedule?: { activateAt: string } } = {}) {
  const line = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC0000A", commandName: "Complete" } });
  return jobInputSchema.parse({
    packageId: "BPC0000A",
    siteCode: "BPC",
    target: { kind: "COMPUTERS", smsIds: ["MDM00005"] },
    sendPhase: { isEnabled: true },
    // Refreshing the servers already holding the package, so the review raises no R54 for them.
    distributePhase: { putOnSpecifiedServers: true, refreshExistingServers: change.schedule !== undefined },
    runPhase: { isEnabled: true, commandLineId: line.id, offerAfter: "1998-11-20T08:00:00" },
    ...change,
  });
}

/** Runs the work for every item with at most `concurrency` at once. */
async function pooled<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

const [task, ...args] = process.argv.slice(2);
const startAt = async (at: string | undefined) => {
  if (at) await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
};
let output: unknown;
if (task === "create") {
  const input = await jobInput();
  await startAt(args[2]);
  output = await pooled(Array.from({ length: Number(args[0]) }), Number(args[1] ?? 8), () => createJob({ input }));
} else if (task === "cancel") {
  await db.site.count(); // connect before the start
  await startAt(args[1]);
  const outcomes = await pooled(args[0]!.split(","), 8, async (jobId) => {
    try {
      await changeJobState({ jobId, transition: "cancel", note: "raced by the two-instance test" });
      return "canceled";
    } catch (error) {
      // A refusal (the other instance canceled it first), by its code: tsx may load lib/errors twice.
      if (error instanceof Error && error.name === "DomainError") return (error as DomainError).code;
      throw error;
    }
  });
  output = { canceled: outcomes.filter((outcome) => outcome === "canceled").length, refused: outcomes.filter((outcome) => outcome !== "canceled").length };
} else if (task === "send") {
  output = await activateJob({ jobId: args[0]! });
} else if (task === "schedule") {
  const activateAt = args[0]!;
  const jobId = await createJob({ input: await jobInput({ schedule: { activateAt } }) });
  // Reviewed as the scheduler will review it, at its activation time.
  const first = (await reviewSavedJob({ jobId, now: activateAt }))!;
  if (first.unacknowledgedWarnings.length > 0) await acknowledgeWarnings({ jobId, rules: first.unacknowledgedWarnings, reason: "Scheduled by the two-instance test", now: activateAt });
  const review = (await reviewSavedJob({ jobId, now: activateAt }))!;
  output = { jobId, errors: review.errors, unacknowledgedWarnings: review.unacknowledgedWarnings };
} else if (task === "counters") {
  const site = await db.site.findUniqueOrThrow({ where: { code: "BPC" }, select: { nextJobNumber: true } });
  output = { nextJobNumber: site.nextJobNumber, jobs: await db.job.count({ where: { siteCode: "BPC" } }) };
} else {
  throw new Error(`unknown task ${task}`);
}
await db.$disconnect();
process.stdout.write(JSON.stringify(output));
