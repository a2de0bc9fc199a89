import { normaliseWallClock, wallClockToEpochMs } from "../../wall-clock";
import type { JobFacts } from "../job-facts";
import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

const MINUTE_MS = 60_000;

function hasExpired({ context, hasRunPhase, expireAfter }: JobFacts): boolean {
  return hasRunPhase && expireAfter !== null && expireAfter <= normaliseWallClock(context.now);
}

/** R35 (Q107244, Q188042): the package must not expire before clients can see it. */
export const expiresBeforeClientsSeeIt: JobRule = {
  kind: "job",
  code: "R35",
  title: "Package expires before clients can see it",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q107244", "Q188042"],
  why:
    "PCM removes a package from its window once the client's clock passes Expire After. Clients learn of a package only when they poll, once per PCM polling interval, " +
    "so an expiry already past, or less than one polling interval after the offer (or now), can pass before a client ever sees the package. " +
    "Distribution time is not held by the console, so the window checked is a lower bound.",
  check(facts) {
    const { context, hasRunPhase, expireAfter, offerAfter, clientSites } = facts;
    if (!hasRunPhase || expireAfter === null) return null;
    const subjects = [jobSubject(context.job.jobId)];
    const fix = { form: "job" as const, field: "runPhase.expireAfter", text: "Move Expire After later, or untick it and cancel the job when it is no longer needed." };
    if (hasExpired(facts)) {
      return { finding: { message: `The package would expire before clients can see it: Expire After (${expireAfter}) is already past.`, subjects, fix } };
    }
    const pollingMinutes = Math.max(0, ...clientSites.map((site) => site.pcmPollingIntervalMinutes));
    const now = wallClockToEpochMs(normaliseWallClock(context.now));
    const start = Math.max(now, offerAfter ? wallClockToEpochMs(offerAfter) : now);
    if (wallClockToEpochMs(expireAfter) - start >= pollingMinutes * MINUTE_MS) return null;
    return {
      finding: {
        message: `The package would expire before clients can see it: it is offered for less than one PCM polling interval (${pollingMinutes} minutes).`,
        subjects,
        fix,
      },
    };
  },
  blocksRun(facts) {
    return hasExpired(facts) ? `The package expired at ${facts.expireAfter}.` : null;
  },
};
