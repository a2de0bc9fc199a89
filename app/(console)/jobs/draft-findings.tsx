"use client";

import { useEffect, useRef, useState } from "react";
import { applyFixToForm } from "@/components/apply-fix-to-form";
import { FindingCard } from "@/components/finding-card";
import { jobFormToObject } from "@/lib/forms";
import type { Finding } from "@/lib/rules/rule";

type DraftReview = { isComplete: boolean; findings: Finding[]; targetCount: number };

/**
 * The requirement findings for the job as it is being written, refreshed as fields change, so a
 * problem is seen before the job is saved, let alone sent.
 */
export function DraftFindings({ formRef }: { formRef: React.RefObject<HTMLFormElement | null> }) {
  const [review, setReview] = useState<DraftReview | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const refresh = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        const request = ++latest.current;
        const response = await fetch("/jobs/review-draft", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(jobFormToObject(new FormData(form))) });
        if (response.ok && request === latest.current) setReview((await response.json()) as DraftReview);
      }, 400);
    };
    refresh();
    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    return () => {
      form.removeEventListener("input", refresh);
      form.removeEventListener("change", refresh);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [formRef]);

  return (
    <section aria-labelledby="draft-findings" aria-live="polite" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="draft-findings" className="mb-2 font-semibold">
        Requirement findings
      </h2>
      {!review || !review.isComplete ? (
        <p className="text-sm text-slate-600">Findings appear once the package, target and run phase are filled in.</p>
      ) : review.findings.length === 0 ? (
        <p className="text-sm text-green-800">No findings for {review.targetCount} targets.</p>
      ) : (
        <ul className="space-y-2">
          {review.findings.map((finding) => (
            <li key={finding.rule} aria-label={`${finding.rule} ${finding.severity}`}>
              <FindingCard {...finding}>
                <p>
                  <span className="font-medium">Fix:</span> {finding.fix.text}{" "}
                  {finding.fix.form === "job" && finding.fix.value !== undefined && (
                    <button
                      type="button"
                      onClick={() => formRef.current && applyFixToForm(formRef.current, finding.fix.field, finding.fix.value!)}
                      className="ml-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-50"
                    >
                      Apply
                    </button>
                  )}
                </p>
              </FindingCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
