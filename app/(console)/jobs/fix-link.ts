import type { Finding } from "@/lib/rules/rule";

/** Where to make a finding's fix: the form and field it names, for the subject it concerns. */
export function fixHref(finding: Finding, job: { jobId: string; packageId: string }): string | null {
  const { form, field } = finding.fix;
  const anchor = field.replaceAll(".", "-");
  const subject = (kind: string) => finding.subjects.find((candidate) => candidate.kind === kind)?.id;
  switch (form) {
    case "job":
      return `/jobs/${job.jobId}/edit#${anchor}`;
    case "package":
      return `/packages/${job.packageId}/edit#${anchor}`;
    case "site":
      return subject("site") ? `/sites/${subject("site")}/edit#${anchor}` : null;
    case "computer":
      return subject("computer") ? `/computers/${subject("computer")}/edit#${anchor}` : null;
    case "server":
      return "/sites";
  }
}
