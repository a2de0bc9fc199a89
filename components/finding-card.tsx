import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

const SEVERITY_TONES = { error: "bad", warning: "warn", info: "info" } as const;

export interface FindingCardProps {
  severity: keyof typeof SEVERITY_TONES;
  /** The rule's catalogue code, e.g. R1. */
  rule: string;
  title: string;
  message: string;
  /** The behaviour behind the rule, shown under "Why?". */
  why: string;
  /** KB articles as Q-numbers, e.g. Q166765. */
  sources: readonly string[];
  /** What to do about it: fix text, an Apply button, links. */
  children?: ReactNode;
}

/** support.microsoft.com still answers the old /kb/<number> addresses. */
export function kbArticleHref(source: string): string {
  return `https://support.microsoft.com/kb/${source.replace(/^Q/i, "")}`;
}

/** One finding of a requirement review: severity, rule, what is wrong, and why, with its KB sources. */
export function FindingCard({ severity, rule, title, message, why, sources, children }: FindingCardProps) {
  return (
    <article aria-label={`${rule} ${severity}: ${title}`} className="rounded border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={SEVERITY_TONES[severity]}>{severity}</Badge>
        <span className="font-mono font-semibold">{rule}</span>
        <span className="font-medium">{title}</span>
      </div>
      <p className="mt-1">{message}</p>
      {children && <div className="mt-1">{children}</div>}
      <details className="mt-1">
        <summary className="cursor-pointer text-slate-700">Why?</summary>
        <p className="mt-1 text-slate-700">{why}</p>
        {sources.length > 0 && (
          <p className="mt-1 text-xs">
            KB sources:{" "}
            {sources.map((source, index) => (
              <span key={source}>
                {index > 0 && ", "}
                <a href={kbArticleHref(source)} target="_blank" rel="noreferrer">
                  {source}
                </a>
              </span>
            ))}
          </p>
        )}
      </details>
    </article>
  );
}
