"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, isValidBoundArgument, refusedArgument, type ActionState } from "@/lib/action-state";
import { computerInputSchema } from "@/lib/computers/schema";
import { createComputer, deleteComputer, getComputer, updateComputer } from "@/lib/data/inventory/computers";
import { isDomainError } from "@/lib/errors";
import { formDataToObject } from "@/lib/forms";
import { recordVersionSchema } from "@/lib/schema-fields";
import { SMS_ID_PATTERN } from "@/lib/sms-id";
import { actionRefusal } from "../access";

export async function createComputerAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  const values = formDataToObject(formData);
  const parsed = computerInputSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await createComputer({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/computers");
  redirect(`/computers/${parsed.data.smsId}`);
}

export async function updateComputerAction(smsId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(SMS_ID_PATTERN, smsId)) return refusedArgument("The SMS ID");
  const values: Record<string, unknown> = { ...formDataToObject(formData), smsId };
  const parsed = computerInputSchema.safeParse(values);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updateComputer({ smsId, version: version.data, input: parsed.data });
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") return fromDomainError(error, { ...(await getComputer(smsId)) });
    return fromDomainError(error, values);
  }
  revalidatePath(`/computers/${smsId}`);
  redirect(`/computers/${smsId}`);
}

export async function deleteComputerAction(smsId: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!isValidBoundArgument(SMS_ID_PATTERN, smsId)) return refusedArgument("The SMS ID");
  try {
    await deleteComputer({ smsId });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/computers");
  redirect("/computers");
}
