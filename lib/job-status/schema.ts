import { z } from "zod";
import { JOB_ID_PATTERN, REQUEST_ID_PATTERN, SMS_ID_PATTERN } from "../sms-id";
import { MAX_STATUS_MIF_BYTES } from "../status-mif/mif-tree";
import { wallClockSchema } from "../wall-clock";

/**
 * One status report, however it arrives (POST /despoolr.box, the job page's upload, `sms status
 * import`): the client, the job or request it reports on, the MIF text and the client's clock.
 */
export const statusReportInputSchema = z.object({
  smsId: z.string({ error: "SMS ID is required" }).trim().toUpperCase().regex(SMS_ID_PATTERN, { error: "SMS ID must be 8 characters, A-Z or 0-9" }),
  jobReference: z
    .string({ error: "Job is required: a job ID (8 characters) or request ID (7 characters)" })
    .trim()
    .toUpperCase()
    .refine((value) => JOB_ID_PATTERN.test(value) || REQUEST_ID_PATTERN.test(value), { error: "Job must be a job ID (8 characters) or request ID (7 characters), A-Z or 0-9" }),
  text: z
    .string({ error: "Status MIF is required" })
    .refine((value) => value.trim() !== "", { error: "Status MIF is empty" })
    // No MIF holds one, and PostgreSQL cannot store one: a 400, not a write that fails as a 503.
    .refine((value) => !value.includes("\u0000"), { error: "Status MIF may not contain a NUL character" })
    .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_STATUS_MIF_BYTES, { error: "Status MIF is larger than 64 KB (event 119, Q122178)" }),
  reportedAt: wallClockSchema("Reported at").optional(),
});
export type StatusReportInput = z.input<typeof statusReportInputSchema>;
export type StatusReport = z.output<typeof statusReportInputSchema>;
