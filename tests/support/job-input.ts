import { db } from "@/lib/db";
import { jobInputSchema, type JobInput } from "@/lib/jobs/schema";

/** A valid job definition for the demo's Office package, changed as a test needs. */
export async function demoJobInput(change: Record<string, unknown> = {}): Promise<JobInput> {
  const line = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC0000A", commandName: "Complete" } });
  const base = {
    packageId: "BPC0000A",
    siteCode: "BPC",
    comment: "",
    priority: "MEDIUM",
    target: { kind: "COMPUTERS", smsIds: ["MDM00005"] },
    sendPhase: { isEnabled: true },
    distributePhase: { putOnSpecifiedServers: true },
    runPhase: { isEnabled: true, commandLineId: line.id, offerAfter: "1998-11-20T08:00:00", isExpiring: true, expireAfter: "1999-03-01T00:00:00" },
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    merged[key] = value && typeof value === "object" && !Array.isArray(value) ? { ...(base as unknown as Record<string, object>)[key], ...value } : value;
  }
  return jobInputSchema.parse(merged);
}
