import { formatWallClock } from "../wall-clock-format";

/** One field of a record before and after a change, in the form's own words. */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** The job columns an admin edits, labelled as the job form labels them; bookkeeping columns are left out. */
const JOB_COLUMN_LABELS: Record<string, string> = {
  packageId: "Package",
  comment: "Comment",
  priority: "Priority",
  targetKind: "Target",
  targetMachinePath: "Machine path",
  targetSmsIds: "Computers",
  targetMachineGroupId: "Machine group",
  targetQueryId: "Query",
  limitToSiteCode: "Limit To Sites",
  includeSubsites: "Include subsites",
  targetPlatforms: "Platform filter",
  targetPcmVariants: "PCM filter",
  isSendPhase: "Send phase",
  sendEvenIfPreviouslySent: "Even if previously sent",
  putOnSpecifiedServers: "Put on specified distribution servers",
  serverGroupId: "Server group",
  refreshExistingServers: "Refresh existing distribution servers",
  isRunPhase: "Run Workstation Command",
  commandLineId: "Workstation command line",
  offerAfter: "Offer After",
  isMandatory: "Mandatory After",
  mandatoryAfter: "Mandatory date",
  notMandatoryOverSlowLink: "Not Mandatory over Slow Link",
  isExpiring: "Expire After",
  expireAfter: "Expiry date",
};
const JOB_BOOKKEEPING = new Set(["jobId", "siteCode", "state", "requestId", "version", "createdAt", "updatedAt", "reviewAtSend"]);

/** Labels of the form fields one-field fixes name (job, package and site forms). */
const FIELD_LABELS: Record<string, string> = {
  "runPhase.isEnabled": "Run Workstation Command",
  "runPhase.isMandatory": "Mandatory After",
  "runPhase.mandatoryAfter": "Mandatory date",
  "runPhase.notMandatoryOverSlowLink": "Not Mandatory over Slow Link",
  "runPhase.isExpiring": "Expire After",
  "sendPhase.isEnabled": "Send phase",
  "sendPhase.evenIfPreviouslySent": "Even if previously sent",
  "distributePhase.refreshExistingServers": "Refresh existing distribution servers",
  "target.kind": "Target",
  "target.machinePath": "Machine path",
  "target.platforms": "Platform filter",
  "target.smsIds": "Computers",
  isAutomated: "Automated Command Line",
  isSystemTask: "System (Background) Task",
  isSynchronousSystemExitRequired: "Synchronous system exit required",
  isUserInputRequired: "User input required",
  commandLine: "Command line",
  commandName: "Command name",
  sourceDirectory: "Source directory",
  isPcmEnabled: "Package Command Manager enabled",
  pcmPollingIntervalMinutes: "PCM polling interval (minutes)",
};

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A stored value as an admin reads it: Yes/No, a dash for nothing, dates in the console's format. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(describeValue).join(", ");
  if (typeof value === "string" && WALL_CLOCK.test(value)) return formatWallClock(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The form label of a field path such as "runPhase.isMandatory" or "commandLines.0.isAutomated". */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.split(".").at(-1) ?? field] ?? field;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Field-by-field differences between two stored job rows (the audit's before and after). */
export function jobRowChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((column) => !JOB_BOOKKEEPING.has(column));
  return columns
    .filter((column) => JSON.stringify(before[column] ?? null) !== JSON.stringify(after[column] ?? null))
    .map((column) => ({ label: JOB_COLUMN_LABELS[column] ?? column, before: describeValue(before[column]), after: describeValue(after[column]) }));
}

/** "Mandatory After: No → Yes; Mandatory date: — → Sat 1998-11-28 20:00" for a one-line detail. */
export function formatFieldChanges(changes: readonly FieldChange[]): string {
  return changes.map((change) => `${change.label}: ${change.before} → ${change.after}`).join("; ");
}

/** Reads a dotted path ("commandLines.0.isAutomated") from a plain record; undefined when it is not there. */
export function valueAtPath(record: unknown, field: string): unknown {
  let node: unknown = record;
  for (const segment of field.split(".")) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
