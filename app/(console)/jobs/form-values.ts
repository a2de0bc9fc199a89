import type { JobDetail } from "@/lib/data/jobs/jobs";

/** The job form's values for a saved job (the form also renders raw submitted values). */
export function jobToFormValues(job: JobDetail): Record<string, unknown> {
  return { ...job.definition, target: { ...job.definition.target, smsIds: job.definition.target.smsIds.join("\n"), serverNames: job.definition.target.serverNames.join("\n") }, version: job.version };
}
