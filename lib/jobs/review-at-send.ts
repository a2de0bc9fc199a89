import { z } from "zod";
import type { Finding, NotChecked } from "../rules/rule";

/** At most this many subjects per finding are kept with the job; the count says how many there were. */
export const KEPT_SUBJECTS = 50;

/**
 * The requirement review as it stood when the job was sent: what the sender saw, acknowledged and
 * sent with. Kept on the job, so a later review (the Send itself puts the package on servers, R54)
 * never rewrites it; later findings are shown apart, as "since Send".
 */
export interface ReviewAtSend {
  sentBy: string;
  /** ISO time (UTC) of the Send. */
  sentAt: string;
  targetCount: number;
  findings: (Finding & { subjectCount: number })[];
  acknowledgements: { rule: string; reason: string; actor: string; at: string }[];
  notChecked: NotChecked[];
}

export function freezeReview(input: {
  sentBy: string;
  sentAt: string;
  targetCount: number;
  findings: readonly Finding[];
  acknowledgements: ReviewAtSend["acknowledgements"];
  notChecked: readonly NotChecked[];
}): ReviewAtSend {
  return {
    sentBy: input.sentBy,
    sentAt: input.sentAt,
    targetCount: input.targetCount,
    findings: input.findings.map((finding) => ({ ...finding, subjects: finding.subjects.slice(0, KEPT_SUBJECTS), subjectCount: finding.subjects.length })),
    acknowledgements: [...input.acknowledgements],
    notChecked: [...input.notChecked],
  };
}

const text = z.string().max(10_000);
const ruleCode = z.string().regex(/^R\d{1,3}$/) as z.ZodType<`R${number}`>;
const storedSchema = z.object({
  sentBy: text,
  sentAt: text,
  targetCount: z.number().int().min(0),
  findings: z.array(
    z.object({
      rule: ruleCode,
      severity: z.enum(["error", "warning", "info"]),
      title: text,
      message: text,
      why: text,
      sources: z.array(text),
      subjects: z.array(z.object({ kind: z.enum(["computer", "commandLine", "package", "job", "site", "server"]), id: text })),
      subjectCount: z.number().int().min(0),
      fix: z.object({ form: z.enum(["job", "package", "site", "computer", "server"]), field: text, text, value: z.unknown().optional() }),
    }),
  ),
  acknowledgements: z.array(z.object({ rule: text, reason: text, actor: text, at: text })),
  notChecked: z.array(z.object({ rule: ruleCode, reason: text })),
});

/** The stored review of a sent job; null for a job sent before reviews were kept (or a damaged value). */
export function parseReviewAtSend(stored: string | null): ReviewAtSend | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? (parsed.data as ReviewAtSend) : null;
}

/** Findings of today's review that the review at Send did not have: new rules, or a rule grown more severe. */
export function findingsSinceSend(atSend: ReviewAtSend, current: readonly Finding[]): Finding[] {
  const rank = { info: 0, warning: 1, error: 2 } as const;
  const before = new Map(atSend.findings.map((finding) => [finding.rule, finding]));
  return current.filter((finding) => {
    const earlier = before.get(finding.rule);
    return !earlier || rank[finding.severity] > rank[earlier.severity];
  });
}
