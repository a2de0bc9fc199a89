import { Badge } from "@/components/ui/badge";
import { JOB_STATE_LABELS } from "@/lib/jobs/lifecycle";
import type { JobState } from "@/lib/jobs/schema";

const TONES = { PENDING: "neutral", ACTIVE: "info", COMPLETE: "good", FAILED: "bad", CANCELED: "warn", EXPIRED: "warn" } as const;

export function JobStateBadge({ state }: { state: JobState | "EXPIRED" }) {
  return <Badge tone={TONES[state]}>{JOB_STATE_LABELS[state]}</Badge>;
}
