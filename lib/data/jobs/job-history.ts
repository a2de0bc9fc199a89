import "server-only";
import { db } from "../../db";
import { jobRowChanges, type FieldChange } from "../../jobs/field-changes";
import { JOB_STATE_LABELS } from "../../jobs/lifecycle";
import { authorize } from "../accounts/session";

export interface JobHistoryEntry {
  /** ISO time (UTC) the change was recorded. */
  at: string;
  change: string;
  actor: string;
  note: string;
  /** Field by field, for edits and applied fixes. */
  changes: FieldChange[];
}

const stateLabel = (state: string) => JOB_STATE_LABELS[state as keyof typeof JOB_STATE_LABELS] ?? state;

function parsed(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The changes an apply-fix row of a shared record stored, or the difference of a job row before and after. */
function changesOf(before: string | null, after: string | null): FieldChange[] {
  const stored = parsed(after) as { changes?: unknown } | null;
  if (stored && Array.isArray(stored.changes)) {
    return stored.changes.filter((change): change is FieldChange => typeof change === "object" && change !== null && "label" in change && "before" in change && "after" in change);
  }
  return jobRowChanges(parsed(before), after === null ? null : stored);
}

/**
 * A job's History, oldest first: state changes with their notes, warning acknowledgements, and
 * each edit or applied fix with its field-by-field changes (from the job's audit rows, so the
 * History and the audit trail never disagree).
 */
export async function listJobHistory(options: { jobId: string }): Promise<JobHistoryEntry[]> {
  await authorize("console:read");
  const { jobId } = options;
  const [transitions, acknowledgements, edits] = await Promise.all([
    db.jobTransition.findMany({ where: { jobId }, orderBy: { id: "asc" } }),
    db.warningAcknowledgement.findMany({ where: { jobId }, orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { objectType: "job", objectId: jobId, action: { in: ["job.update", "job.apply-fix"] }, outcome: "success" }, orderBy: { id: "asc" }, take: 500 }),
  ]);
  const entries: JobHistoryEntry[] = [
    ...transitions.map((transition) => ({
      at: transition.at.toISOString(),
      change: `${transition.fromState ? `${stateLabel(transition.fromState)} → ` : ""}${stateLabel(transition.toState)}`,
      actor: transition.actor,
      note: transition.note,
      changes: [],
    })),
    ...acknowledgements.map((entry) => ({ at: entry.at.toISOString(), change: `Warning ${entry.rule} acknowledged`, actor: entry.actor, note: entry.reason, changes: [] })),
    ...edits.map((event) => {
      const rule = event.action === "job.apply-fix" ? /^(R\d+)'s fix/.exec(event.detail ?? "")?.[1] : undefined;
      return {
        at: event.at.toISOString(),
        change: event.action === "job.apply-fix" ? `Fix${rule ? ` for ${rule}` : ""} applied` : "Edited",
        actor: event.actorName,
        note: /\d+ warning acknowledgements? withdrawn[^.]*/.exec(event.detail ?? "")?.[0] ?? "",
        changes: changesOf(event.before, event.after),
      };
    }),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
