"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, isValidBoundArgument, refusedArgument, type ActionState } from "@/lib/action-state";
import { createJob, deleteJob, updateJob } from "@/lib/data/jobs/job-changes";
import { changeJobState } from "@/lib/data/jobs/job-lifecycle";
import { applyFix } from "@/lib/data/jobs/apply-fix";
import { leaveOutFindingComputers } from "@/lib/data/jobs/narrow-target";
import { acknowledgeWarning, acknowledgeWarnings, sendJob } from "@/lib/data/review/job-review";
import { getJob } from "@/lib/data/jobs/jobs";
import { isDomainError } from "@/lib/errors";
import { formDataToObject, jobFormToObject, formOrEmpty } from "@/lib/forms";
import type { JobTransitionName } from "@/lib/jobs/lifecycle";
import { jobNoticeHref } from "@/lib/jobs/job-notice";
import { jobInputSchema } from "@/lib/jobs/schema";
import { listComputers } from "@/lib/data/inventory/computers";
import { recordVersionSchema, text } from "@/lib/schema-fields";
import { z } from "zod";
import { JOB_ID_PATTERN } from "@/lib/sms-id";
import { currentWallClock } from "@/lib/wall-clock";
import { jobToFormValues } from "./form-values";
import { actionRefusal } from "../access";

const RULE_CODE_PATTERN = /^R\d{1,2}$/;

function readJobForm(formData: FormData) {
  const values = formDataToObject(formData);
  return { values, parsed: jobInputSchema.safeParse(jobFormToObject(formData)) };
}

export async function createJobAction(_state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
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
  redirect(jobNoticeHref(jobId, { kind: "created" }));
}

export async function updateJobAction(jobId: string, _state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
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
  redirect(jobNoticeHref(jobId, { kind: "saved" }));
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
    await sendJob({ jobId, now: currentWallClock() });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath(`/jobs/${jobId}`);
  redirect(jobNoticeHref(jobId, { kind: "sent" }));
}

const DONE_BY_TRANSITION = { cancel: "canceled", complete: "completed", fail: "failed" } as const;

export async function changeJobStateAction(jobId: string, transition: Exclude<JobTransitionName, "send">, _state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  if (!isValidBoundArgument(/^(cancel|complete|fail)$/, transition)) return refusedArgument("The change");
  const note = typeof formData.get("note") === "string" ? String(formData.get("note")).slice(0, 500) : "";
  try {
    await changeJobState({ jobId, transition, note });
  } catch (error) {
    return fromDomainError(error, { note });
  }
  revalidatePath(`/jobs/${jobId}`);
  redirect(jobNoticeHref(jobId, { kind: DONE_BY_TRANSITION[transition] }));
}

export async function acknowledgeWarningAction(jobId: string, rule: string, _state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
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
  redirect(jobNoticeHref(jobId, { kind: "acknowledged", rule }));
}

/** A fix on a shared record (package, site) is applied only with the confirmation the page asked for. */
export async function applyFixAction(jobId: string, rule: string, _state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  if (!isValidBoundArgument(RULE_CODE_PATTERN, rule)) return refusedArgument("The rule");
  try {
    await applyFix({ jobId, rule, now: currentWallClock(), isSharedChangeConfirmed: formData.get("confirm") === "shared-record" });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath(`/jobs/${jobId}`);
  redirect(jobNoticeHref(jobId, { kind: "fixed", rule }));
}

/** Leaves the computers a finding names out of a list-of-computers target. */
export async function leaveOutComputersAction(jobId: string, rule: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  if (!isValidBoundArgument(RULE_CODE_PATTERN, rule)) return refusedArgument("The rule");
  try {
    await leaveOutFindingComputers({ jobId, rule, now: currentWallClock() });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath(`/jobs/${jobId}`);
  redirect(jobNoticeHref(jobId, { kind: "fixed", rule }));
}

/** Several warnings acknowledged at once, with one reason. */
export async function acknowledgeWarningsAction(jobId: string, _state: ActionState, submitted: FormData): Promise<ActionState> {
  const formData = formOrEmpty(submitted);
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(JOB_ID_PATTERN, jobId)) return refusedArgument("The job ID");
  const reason = String(formData.get("reason") ?? "");
  const rules = formData.getAll("rules").filter((rule): rule is string => typeof rule === "string" && RULE_CODE_PATTERN.test(rule));
  try {
    await acknowledgeWarnings({ jobId, rules, reason, now: currentWallClock() });
  } catch (error) {
    return fromDomainError(error, { reason });
  }
  revalidatePath(`/jobs/${jobId}`);
  redirect(jobNoticeHref(jobId, { kind: "acknowledged-several" }));
}

export type ComputerSearchState = { status: "idle" } | { status: "error"; message: string } | { status: "success"; message: string; computers: { smsId: string; name: string; siteCode: string; platform: string }[]; total: number };

const computerSearchSchema = z.object({ search: text("Search", 31) });

/** The job form's computer picker: computers whose SMS ID starts with, or name contains, the text. Reads only. */
export async function searchComputersAction(_state: ComputerSearchState, formData: FormData): Promise<ComputerSearchState> {
  // Only the job form uses it, and only those who may change jobs see that form.
  const refusal = await actionRefusal("jobs:write");
  if (refusal) return { status: "error", message: refusal.message };
  const parsed = computerSearchSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Search is not valid" };
  if (!parsed.data.search) return { status: "idle" };
  try {
    const page = await listComputers({ search: parsed.data.search, page: 1 });
    return { status: "success", message: `${page.total} computer${page.total === 1 ? "" : "s"} found`, computers: page.items.slice(0, 10).map(({ smsId, name, siteCode, platform }) => ({ smsId, name, siteCode, platform })), total: page.total };
  } catch (error) {
    const state = fromDomainError(error, {});
    return { status: "error", message: state.status === "error" ? state.message : "Search failed" };
  }
}
