import type { ReviewCommandLine } from "./context";
import type { Subject } from "./rule";

/** Subjects and form-field paths the rules point at, spelled once. */
export const jobSubject = (jobId: string | null): Subject => ({ kind: "job", id: jobId ?? "new job" });
export const packageSubject = (packageId: string): Subject => ({ kind: "package", id: packageId });
export const siteSubject = (code: string): Subject => ({ kind: "site", id: code });
export const serverSubject = (name: string): Subject => ({ kind: "server", id: name });
export const computerSubject = (smsId: string): Subject => ({ kind: "computer", id: smsId });

/** A saved command line by its ID; one not saved yet (ID 0 or less) by its position in the form. */
export function commandLineSubject(line: ReviewCommandLine, index: number): Subject {
  return { kind: "commandLine", id: line.id > 0 ? String(line.id) : `new-${index}` };
}

/** The package form's field path: `commandLines.0.isAutomated`. */
export function commandLineField(index: number, field: keyof ReviewCommandLine): string {
  return `commandLines.${Math.max(index, 0)}.${field}`;
}

/** "37 of 120 targets". */
export function ofTargets(count: number, total: number): string {
  return `${count} of ${total} target${total === 1 ? "" : "s"}`;
}

/** "1 site", "3 sites". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
