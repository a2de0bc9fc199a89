import type { TargetStatusValue } from "./target-status";

export type TargetCounts = Record<TargetStatusValue, number>;

/** SMS's Job Status columns (Q186414): overall, Sending, Working and Cancel status. */
export interface JobStatusSummary {
  overall: string;
  sending: string;
  working: string;
  cancel: string;
}

/**
 * The job's statuses from its targets (digest §2.5, §3.9): Working stays Active while any target is
 * None (Q156250) and shows Retrying while any target retries; Complete needs every target Complete.
 * The console sends at activation, so Sending is Complete from then on.
 */
export function summariseJobStatus(jobState: string, counts: TargetCounts): JobStatusSummary {
  const total = counts.NONE + counts.COMPLETE + counts.RETRYING;
  const working = total > 0 && counts.COMPLETE === total ? "Complete" : counts.RETRYING > 0 ? "Retrying" : "Active";
  switch (jobState) {
    case "PENDING":
      return { overall: "Pending", sending: "None", working: "None", cancel: "None" };
    case "CANCELED":
      return { overall: "Canceled", sending: "Complete", working: total > 0 ? working : "None", cancel: "Complete" };
    case "COMPLETE":
      return { overall: "Complete", sending: "Complete", working, cancel: "None" };
    case "FAILED":
      return { overall: "Failed", sending: "Complete", working, cancel: "None" };
    default:
      return { overall: working, sending: "Complete", working, cancel: "None" };
  }
}
