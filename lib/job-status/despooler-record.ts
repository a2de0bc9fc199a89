import { DomainError } from "../errors";
import { JOB_ID_PATTERN, REQUEST_ID_PATTERN, SITE_CODE_PATTERN, SMS_ID_PATTERN } from "../sms-id";

/** The despooler instruction type PCM's result record carries (Q172899, Q169491). */
export const DESPOOLER_RECORD_TYPE = "MICROSOFT|SMS|DOMAIN_COMMISSAR_WIREMOVE";

export interface DespoolerRecord {
  siteCode: string;
  jobReference: string;
  smsId: string;
}

/**
 * Reads the .sni record that names a status MIF's job and client. Its layout is not documented
 * (digest §2.12); the console takes the fragment Q172899 shows: whitespace-separated fields, the
 * instruction type, the site code, the job ID, then anything, the SMS ID last
 * (docs/status-reports.md).
 */
export function parseDespoolerRecord(text: string): DespoolerRecord {
  const fields = text.slice(0, 4096).trim().split(/\s+/);
  const [type, siteCode, jobReference] = fields;
  const smsId = fields.at(-1);
  const refuse = (message: string) => new DomainError("invalid", `.sni record: ${message}`);
  if (type?.toUpperCase() !== DESPOOLER_RECORD_TYPE) throw refuse(`the first field must be ${DESPOOLER_RECORD_TYPE}`);
  if (!siteCode || !SITE_CODE_PATTERN.test(siteCode.toUpperCase())) throw refuse("the second field must be a site code (3 characters)");
  if (!jobReference || !(JOB_ID_PATTERN.test(jobReference.toUpperCase()) || REQUEST_ID_PATTERN.test(jobReference.toUpperCase()))) {
    throw refuse("the third field must be a job ID (8 characters) or request ID (7 characters)");
  }
  if (fields.length < 4 || !smsId || !SMS_ID_PATTERN.test(smsId.toUpperCase())) throw refuse("the last field must be the client's SMS ID (8 characters)");
  return { siteCode: siteCode.toUpperCase(), jobReference: jobReference.toUpperCase(), smsId: smsId.toUpperCase() };
}

/** Writes a record in the same layout, as Q172899 shows it. */
export function writeDespoolerRecord(record: DespoolerRecord): string {
  return `${DESPOOLER_RECORD_TYPE} ${record.siteCode} ${record.jobReference}   FV  FVx   x\r\n${record.siteCode} ${record.smsId}\r\n`;
}
