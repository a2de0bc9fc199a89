// The status intake's public API, for callers written before the split (job-status.ts). New code
// imports from the file that defines the thing (intake.ts, reading.ts, passes.ts).
export { MAX_REPORTS_PER_COMMIT, receiveStatusReport, type StatusReportVia } from "./intake";
export { statusReportPass, readUnreadStatusReports, releaseDueStatusReports, UNREAD_AFTER_MS } from "./passes";
export { DESPOOLER_ACTOR, type StatusIntakeResult, type StatusReportRefusal } from "./reading";
