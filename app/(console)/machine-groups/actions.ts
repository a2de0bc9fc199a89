"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, refusedArgument, type ActionState } from "@/lib/action-state";
import { createMachineGroup, deleteMachineGroup, getMachineGroup, updateMachineGroup } from "@/lib/data/inventory/machine-groups";
import { isDomainError } from "@/lib/errors";
import { formDataToObject, splitList } from "@/lib/forms";
import { machineGroupInputSchema } from "@/lib/machine-groups/schema";
import { recordVersionSchema } from "@/lib/schema-fields";
import { groupToFormValues } from "./form-values";
import { actionRefusal } from "../access";

function readForm(formData: FormData) {
  const values = formDataToObject(formData);
  const input = { ...values, members: splitList(values.members ?? ""), servers: splitList(values.servers ?? "") };
  return { values, parsed: machineGroupInputSchema.safeParse(input) };
}

export async function createMachineGroupAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  const { values, parsed } = readForm(formData);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let id: number;
  try {
    id = await createMachineGroup({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/machine-groups");
  redirect(`/machine-groups/${id}`);
}

export async function updateMachineGroupAction(id: number, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!Number.isSafeInteger(id) || id < 1) return refusedArgument("The machine group");
  const { values, parsed } = readForm(formData);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updateMachineGroup({ id, version: version.data, input: parsed.data });
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") {
      const current = await getMachineGroup(id);
      return fromDomainError(error, current ? groupToFormValues(current) : values);
    }
    return fromDomainError(error, values);
  }
  revalidatePath("/machine-groups");
  redirect(`/machine-groups/${id}`);
}

export async function deleteMachineGroupAction(id: number, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!Number.isSafeInteger(id) || id < 1) return refusedArgument("The machine group");
  try {
    await deleteMachineGroup({ id });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/machine-groups");
  redirect("/machine-groups");
}
