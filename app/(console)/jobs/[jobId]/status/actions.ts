"use server";

import { formOrEmpty } from "@/lib/forms";

import { revalidatePath } from "next/cache";
import { fromDomainError, isValidBoundArgument, refusedArgument, type ActionState } from "@/lib/action-state";
import { currentActor } from "@/lib/data/accounts/session";
import { receiveStatusReport } from "@/lib/data/job-status/status-reports/intake";
import { JOB_ID_PATTERN } from "@/lib/sms-id";
import { MAX_STATUS_MIF_BYTES } from "@/lib/status-mif/mif-tree";
import { currentWallClock } from "@/lib/wall-clock";
import { actionRefusal } from "../../../access";

/** Upload one client's status MIF for this job, as if the client had posted it to DESPOOLR.BOX. */
export async function uploadStatusReportAction(jobId: string, _state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  const smsId = String(formData.get("smsId") ?? "").slice(0, 20);
  const values = { smsId };
  const file = formData.get("mif");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choose a status MIF file.", fieldErrors: { mif: "Status MIF file is required" }, values };
  if (file.size > MAX_STATUS_MIF_BYTES) return { status: "error", message: "Status MIF is larger than 64 KB (event 119, Q122178).", fieldErrors: { mif: "Status MIF is larger than 64 KB (event 119, Q122178)" }, values };
  const actor = await currentActor();
  try {
    const result = await receiveStatusReport({
      input: { smsId, jobReference: jobId, text: Buffer.from(await file.arrayBuffer()).toString("latin1") },
      via: { source: "upload", receivedFrom: `${actor?.name ?? "unknown"}: ${file.name.slice(0, 100)}` },
      now: currentWallClock(),
    });
    revalidatePath(`/jobs/${jobId}/status`);
    revalidatePath(`/jobs/${jobId}`);
    if (result.outcome === "refused") return { status: "error", message: result.message, fieldErrors: {}, values };
    return { status: "success", message: result.message };
  } catch (error) {
    return fromDomainError(error, values);
  }
}
