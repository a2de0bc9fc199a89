/**
 * What a job action just did, carried to the job page in `?done=`: the action's own form is often
 * gone after it (an applied fix removes its finding), so the page says it. Anything else in the
 * query string is ignored.
 */
export type JobNotice = { kind: "created" | "saved" | "sent" | "canceled" | "completed" | "failed" | "acknowledged-several" } | { kind: "fixed" | "acknowledged"; rule: string };

const NOTICE_PATTERN = /^(created|saved|sent|canceled|completed|failed|acknowledged-several)$|^(fixed|acknowledged)-(R\d{1,2})$/;

export function jobNoticeHref(jobId: string, notice: JobNotice): string {
  return `/jobs/${jobId}?done=${"rule" in notice ? `${notice.kind}-${notice.rule}` : notice.kind}`;
}

export function parseJobNotice(value: unknown): JobNotice | null {
  const match = typeof value === "string" ? NOTICE_PATTERN.exec(value) : null;
  if (!match) return null;
  if (match[1]) return { kind: match[1] as "created" };
  return { kind: match[2] as "fixed" | "acknowledged", rule: match[3]! };
}

/** The sentence the job page shows for a notice. */
export function describeJobNotice(notice: JobNotice, job: { jobId: string; requestId: string | null; targetCount: number }): string {
  switch (notice.kind) {
    case "created":
      return `Job ${job.jobId} created. Review the findings below, then Send.`;
    case "saved":
      return `Job ${job.jobId} saved. It is reviewed afresh.`;
    case "sent":
      return `Job ${job.jobId} sent as request ${job.requestId ?? "—"} to ${job.targetCount} target${job.targetCount === 1 ? "" : "s"}.`;
    case "canceled":
      return `Job ${job.jobId} canceled. Its record leaves every target's instruction file.`;
    case "completed":
      return `Job ${job.jobId} marked complete.`;
    case "failed":
      return `Job ${job.jobId} marked failed.`;
    case "fixed":
      return `${notice.rule}'s fix applied. The change is in the job's History.`;
    case "acknowledged":
      return `Warning ${notice.rule} acknowledged.`;
    case "acknowledged-several":
      return "The ticked warnings acknowledged, each with the one reason given.";
  }
}
