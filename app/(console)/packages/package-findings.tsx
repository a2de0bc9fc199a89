"use client";

import type { MouseEvent } from "react";
import { applyFixToForm } from "@/components/apply-fix-to-form";
import { FindingCard } from "@/components/finding-card";
import type { ReviewCommandLine } from "@/lib/rules/context";
import { formatNotChecked } from "@/lib/rules/finding";
import type { Finding, FixValue, NotChecked, RuleReview } from "@/lib/rules/rule";
import { commandLineSubject, plural } from "@/lib/rules/subjects";

/** The findings for the package itself, and for each command line by its position in the form. */
export interface PackageFindingGroups {
  packageFindings: Finding[];
  commandLineFindings: Finding[][];
}

/** Places each finding beside every command line it concerns; the rest concern the package. */
export function groupFindings(review: RuleReview, commandLines: readonly ReviewCommandLine[]): PackageFindingGroups {
  const indexOfSubject = new Map(commandLines.map((line, index) => [commandLineSubject(line, index).id, index]));
  const groups: PackageFindingGroups = { packageFindings: [], commandLineFindings: commandLines.map(() => []) };
  for (const finding of review.findings) {
    const indexes = finding.subjects.flatMap((subject) => (subject.kind === "commandLine" ? (indexOfSubject.get(subject.id) ?? []) : []));
    if (indexes.length === 0) groups.packageFindings.push(finding);
    for (const index of new Set(indexes)) groups.commandLineFindings[index]?.push(finding);
  }
  return groups;
}

/** A fix is applied in the form when it is one package field away (and, beside a command line, that line's field). */
function applicableValue(finding: Finding, commandLineIndex: number | undefined): FixValue | undefined {
  const { form, field, value } = finding.fix;
  if (form !== "package" || value === undefined) return undefined;
  const fieldIndex = /^commandLines\.(\d+)\./.exec(field)?.[1];
  return fieldIndex === undefined || commandLineIndex === undefined || Number(fieldIndex) === commandLineIndex ? value : undefined;
}

function FindingItem({ finding, commandLineIndex }: { finding: Finding; commandLineIndex?: number }) {
  const value = applicableValue(finding, commandLineIndex);
  const apply = (event: MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (form && value !== undefined) applyFixToForm(form, finding.fix.field, value);
  };
  return (
    <li>
      <FindingCard {...finding}>
        <p>
          <span className="font-medium">Fix:</span> {finding.fix.text}{" "}
          {value !== undefined && (
            <button type="button" onClick={apply} className="ml-1 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-50">
              Apply
            </button>
          )}
        </p>
      </FindingCard>
    </li>
  );
}

/** The findings beside one command line. */
export function CommandLineFindings({ findings, index }: { findings: readonly Finding[]; index: number }) {
  if (findings.length === 0) return null;
  return (
    <ul aria-label={`Requirement findings for command line ${index + 1}`} className="mt-4 space-y-2">
      {findings.map((finding) => (
        <FindingItem key={finding.rule} finding={finding} commandLineIndex={index} />
      ))}
    </ul>
  );
}

function countOf(findings: readonly Finding[], severity: Finding["severity"]): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

/** The package-level findings, a count of all of them, and what could not be checked. */
export function PackageFindings({ review, packageFindings, isPristine = false }: { review: RuleReview; packageFindings: readonly Finding[]; isPristine?: boolean }) {
  const { findings, notChecked } = review;
  return (
    <section aria-labelledby="package-findings-heading" className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h2 id="package-findings-heading" className="font-semibold">
        Requirement findings
      </h2>
      <p role="status" className="text-sm text-slate-700">
        {isPristine
          ? "The requirement review starts as you fill in the form."
          : findings.length === 0
          ? "No findings for the package and its command lines as they stand."
          : `${plural(countOf(findings, "error"), "error")}, ${plural(countOf(findings, "warning"), "warning")}, ${plural(countOf(findings, "info"), "info")}; those about a command line are shown beside it.`}
      </p>
      {packageFindings.length > 0 && (
        <ul aria-label="Requirement findings for the package" className="space-y-2">
          {packageFindings.map((finding) => (
            <FindingItem key={finding.rule} finding={finding} />
          ))}
        </ul>
      )}
      <NotCheckedList notChecked={notChecked} />
    </section>
  );
}

function NotCheckedList({ notChecked }: { notChecked: readonly NotChecked[] }) {
  if (notChecked.length === 0) return null;
  return (
    <details className="text-sm text-slate-700">
      <summary className="cursor-pointer">
        {notChecked.length} {notChecked.length === 1 ? "rule" : "rules"} could not be checked: facts not recorded
      </summary>
      <ul className="mt-1 list-disc pl-6">
        {notChecked.map((entry, index) => (
          <li key={`${entry.rule}-${index}`}>{formatNotChecked(entry)}</li>
        ))}
      </ul>
    </details>
  );
}
