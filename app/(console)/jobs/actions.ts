"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, isValidBoundArgument, refusedArgument, type ActionState } from "@/lib/action-state";
import { createJob, deleteJob, updateJob } from "@/lib/data/job-changes";
import { changeJobState } from "@/lib/data/job-lifecycle";
import { applyFix } from "@/lib/data/apply-fix";
import { acknowledgeWarning, sendJob } from "@/lib/data/job-review";
import { getJob } from "@/lib/data/jobs";
import { isDomainError } from "@/lib/errors";
import { formDataToObject, jobFormToObject } from "@/lib/forms";
import type { JobTransitionName } from "@/lib/jobs/lifecycle";
import { jobInputSchema } from "@/lib/jobs/schema";
import { recordVersionSchema } from "@/lib/schema-fields";
import { JOB_ID_PATTERN } from "@/lib/sms-id";
import { currentWallClock } from "@/lib/wall-clock";
import { jobToFormValues } from "./form-values";
import { actionRefusal } from "../access";

const RULE_CODE_PATTERN = /^R\d{1,2}$/;

function readJobForm(formData: FormData) {
  const values = formDataToObject(formData);
  return { values, parsed: jobInputSchema.safeParse(jobFormToObject(formData)) };
}

export async function createJobAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  const { values, parsed } = readJobForm(formData);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let jobId: string;
  try {
    jobId = await createJob({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/jobs");
  redirect(`/jobs/${jobId}`);
}

export async function updateJobAction(jobId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  const { values, parsed } = readJobForm(formData);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updateJob({ jobId, version: version.data, input: parsed.data });
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") {
      const current = await getJob(jobId);
      return fromDomainError(error, current ? jobToFormValues(current) : values);
    }
    return fromDomainError(error, values);
  }
  revalidatePath("/jobs");
  redirect(`/jobs/${jobId}`);
}

export async function deleteJobAction(jobId: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  try {
    await deleteJob({ jobId });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/jobs");
  redirect("/jobs");
}

export async function sendJobAction(jobId: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  try {
    const result = await sendJob({ jobId, now: currentWallClock() });
    revalidatePath(`/jobs/${jobId}`);
    return { status: "success", message: `Sent as request ${result.requestId} to ${result.targetCount} targets.` };
  } catch (error) {
    return fromDomainError(error, {});
  }
}

export async function changeJobStateAction(jobId: string, transition: Exclude<JobTransitionName, "send">, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  if (!isValidBoundArgument(/^(cancel|complete|fail)$/, transition)) return refusedArgument("The change");
  const note = formData.get("note");
  try {
    await changeJobState({ jobId, transition, note: typeof note === "string" ? note.slice(0, 500) : "" });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath(`/jobs/${jobId}`);
  return { status: "success", message: `Job ${jobId} ${transition === "cancel" ? "canceled" : transition === "complete" ? "marked complete" : "marked failed"}.` };
}

export async function acknowledgeWarningAction(jobId: string, rule: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  if (!isValidBoundArgument(RULE_CODE_PATTERN, rule)) return refusedArgument("The rule");
  const reason = String(formData.get("reason") ?? "");
  try {
    await acknowledgeWarning({ jobId, rule, reason, now: currentWallClock() });
  } catch (error) {
    return fromDomainError(error, { reason });
  }
  revalidatePath(`/jobs/${jobId}`);
  return { status: "success", message: `${rule} acknowledged.` };
}

export async function applyFixAction(jobId: string, rule: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  if (!isValidBoundArgument(RULE_CODE_PATTERN, rule)) return refusedArgument("The rule");
  try {
    const finding = await applyFix({ jobId, rule, now: currentWallClock() });
    revalidatePath(`/jobs/${jobId}`);
    return { status: "success", message: `Applied: ${finding.fix.text}` };
  } catch (error) {
    return fromDomainError(error, {});
  }
}
