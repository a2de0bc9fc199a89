import { DomainError } from "../errors";
import { wallClockToEpochMs } from "../wall-clock";
import type { JobState } from "./schema";

/** The states a job can move to from each state, and what the move is called. */
export const JOB_TRANSITIONS = {
  send: { from: ["PENDING"], to: "ACTIVE" },
  cancel: { from: ["PENDING", "ACTIVE"], to: "CANCELED" },
  complete: { from: ["ACTIVE"], to: "COMPLETE" },
  fail: { from: ["ACTIVE"], to: "FAILED" },
} as const satisfies Record<string, { from: readonly JobState[]; to: JobState }>;

export type JobTransitionName = keyof typeof JOB_TRANSITIONS;

export const JOB_STATE_LABELS: Record<JobState | "EXPIRED", string> = {
  PENDING: "Pending",
  ACTIVE: "Active",
  COMPLETE: "Complete",
  FAILED: "Failed",
  CANCELED: "Canceled",
  EXPIRED: "Expired",
};

/** Refuses a move the lifecycle does not allow, saying why. */
export function requireTransition(name: JobTransitionName, state: JobState, jobId: string): JobState {
  const transition = JOB_TRANSITIONS[name];
  if (!(transition.from as readonly JobState[]).includes(state)) {
    throw new DomainError("conflict", `Job ${jobId} is ${JOB_STATE_LABELS[state]}; only ${transition.from.map((from) => JOB_STATE_LABELS[from]).join(" or ")} jobs can be ${name === "send" ? "sent" : name === "cancel" ? "canceled" : name === "complete" ? "marked complete" : "marked failed"}`);
  }
  return transition.to;
}

/** Only Pending jobs can be edited: Send freezes the definition (digest §2.5). */
export function requireEditable(state: JobState, jobId: string): void {
  if (state !== "PENDING") throw new DomainError("conflict", `Job ${jobId} is ${JOB_STATE_LABELS[state]}; only Pending jobs can be edited`);
}

/** Deleting an Active job would leave stale instructions on the clients (Q168130, Q269768): cancel it first. */
export function requireDeletable(state: JobState, jobId: string): void {
  if (state === "ACTIVE") throw new DomainError("conflict", `Job ${jobId} is Active; cancel it before deleting it`);
}

/** Active jobs whose Expire After has passed are Expired: time moves them, not an admin. */
export function effectiveJobState(job: { state: JobState; isExpiring: boolean; expireAfter: string | null }, now: string): JobState | "EXPIRED" {
  if (job.state === "ACTIVE" && isExpired(job, now)) return "EXPIRED";
  return job.state;
}

export function isExpired(job: { isExpiring: boolean; expireAfter: string | null }, now: string): boolean {
  return job.isExpiring && job.expireAfter !== null && wallClockToEpochMs(now) >= wallClockToEpochMs(job.expireAfter);
}
