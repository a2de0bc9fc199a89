"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, refusedArgument, type ActionState } from "@/lib/action-state";
import { createQuery, deleteQuery, getQuery, previewQuery, updateQuery, type QueryPreview } from "@/lib/data/inventory/queries";
import { isDomainError } from "@/lib/errors";
import { formDataToObject } from "@/lib/forms";
import { queryConditionsSchema, queryInputSchema } from "@/lib/queries/schema";
import { recordVersionSchema } from "@/lib/schema-fields";
import { queryToFormValues } from "./form-values";
import { actionRefusal } from "../access";

function readForm(formData: FormData) {
  const values = formDataToObject(formData);
  return { values, parsed: queryInputSchema.safeParse(values) };
}

export async function createQueryAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  const { values, parsed } = readForm(formData);
  if (!parsed.success) return fromZodError(parsed.error, values);
  let id: number;
  try {
    id = await createQuery({ input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/queries");
  redirect(`/queries/${id}?saved=created`);
}

export async function updateQueryAction(id: number, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!Number.isSafeInteger(id) || id < 1) return refusedArgument("The query");
  const { values, parsed } = readForm(formData);
  const version = recordVersionSchema.safeParse(values.version);
  if (!parsed.success) return fromZodError(parsed.error, values);
  if (!version.success) return fromZodError(version.error, values);
  try {
    await updateQuery({ id, version: version.data, input: parsed.data });
  } catch (error) {
    if (isDomainError(error) && error.code === "conflict") {
      const current = await getQuery(id);
      return fromDomainError(error, current ? queryToFormValues(current) : values);
    }
    return fromDomainError(error, values);
  }
  revalidatePath("/queries");
  redirect(`/queries/${id}?saved=updated`);
}

export async function deleteQueryAction(id: number, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return fromDomainError(refusal, {});
  if (!Number.isSafeInteger(id) || id < 1) return refusedArgument("The query");
  try {
    await deleteQuery({ id });
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/queries");
  redirect("/queries");
}

export type QueryPreviewState = { status: "idle" } | { status: "error"; message: string; fieldErrors: Record<string, string> } | ({ status: "success"; message: string } & QueryPreview);

/** The draft query's live count and first computers, as the form changes; reads only, for the query form's users. */
export async function previewQueryAction(_state: QueryPreviewState, formData: FormData): Promise<QueryPreviewState> {
  const refusal = await actionRefusal("sites:write");
  if (refusal) return { status: "error", message: refusal.message, fieldErrors: {} };
  const parsed = queryConditionsSchema.safeParse(formDataToObject(formData).conditions);
  if (!parsed.success) {
    const { fieldErrors } = fromZodError(parsed.error, {}) as Extract<ActionState, { status: "error" }>;
    return { status: "error", message: "Complete the conditions to see which computers match.", fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([key, message]) => [key === "form" ? "conditions" : `conditions.${key}`, message])) };
  }
  try {
    const preview = await previewQuery({ conditions: parsed.data });
    return { status: "success", message: `${preview.total.toLocaleString("en-US")} computer${preview.total === 1 ? "" : "s"} match now`, ...preview };
  } catch (error) {
    const { message } = fromDomainError(error, {}) as Extract<ActionState, { status: "error" }>;
    return { status: "error", message, fieldErrors: {} };
  }
}
