"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, refusedArgument, type ActionState } from "@/lib/action-state";
import { createUser, disableUser, enableUser, resetUserPassword, revokeUserSessions, setUserRole } from "@/lib/data/accounts/users";
import { formDataToObject } from "@/lib/forms";
import { createUserFormSchema, disableUserSchema, resetPasswordFormSchema, setRoleSchema } from "@/lib/users/schema";
import { actionRefusal } from "../access";
import { isUserId } from "./user-id";

/** Submitted values to show again after a refusal: never the passwords. */
function formValues(formData: FormData): Record<string, unknown> {
  const { password: _password, confirmPassword: _confirmPassword, ...values } = formDataToObject(formData);
  return values;
}

/** The action's own check, before it reads the form; the data layer checks again. */
async function refusal(): Promise<ActionState | null> {
  const refused = await actionRefusal("users:manage", { type: "user" });
  return refused && fromDomainError(refused, {});
}

export async function createUserAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refusal();
  if (refused) return refused;
  const values = formValues(formData);
  const parsed = createUserFormSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, values);
  const { confirmPassword: _confirmPassword, ...input } = parsed.data;
  let userId: string;
  try {
    userId = await createUser({ input });
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/users");
  redirect(`/users/${userId}`);
}

/** The shared tail of the user page's actions: run the change, refresh the page, say what happened. */
async function changeUser(userId: string, values: Record<string, unknown>, change: () => Promise<string>): Promise<ActionState> {
  let message: string;
  try {
    message = await change();
  } catch (error) {
    return fromDomainError(error, values);
  }
  revalidatePath("/users");
  revalidatePath(`/users/${userId}`);
  return { status: "success", message };
}

export async function setUserRoleAction(userId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refusal();
  if (refused) return refused;
  const values = formValues(formData);
  if (!isUserId(userId)) return refusedArgument("The user");
  const parsed = setRoleSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  return changeUser(userId, values, async () => {
    await setUserRole({ userId, role: parsed.data.role });
    return "Role saved. It applies from the user's next request.";
  });
}

export async function disableUserAction(userId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refusal();
  if (refused) return refused;
  const values = formValues(formData);
  if (!isUserId(userId)) return refusedArgument("The user");
  const parsed = disableUserSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, values);
  return changeUser(userId, values, async () => {
    await disableUser({ userId, reason: parsed.data.reason });
    return "User disabled; their sessions have ended.";
  });
}

export async function enableUserAction(userId: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refused = await refusal();
  if (refused) return refused;
  if (!isUserId(userId)) return refusedArgument("The user");
  return changeUser(userId, {}, async () => {
    await enableUser({ userId });
    return "User enabled; they can sign in again.";
  });
}

export async function resetUserPasswordAction(userId: string, _state: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refusal();
  if (refused) return refused;
  if (!isUserId(userId)) return refusedArgument("The user");
  const parsed = resetPasswordFormSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  return changeUser(userId, {}, async () => {
    await resetUserPassword({ userId, password: parsed.data.password });
    return "Password reset; the user's sessions have ended.";
  });
}

export async function revokeUserSessionsAction(userId: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const refused = await refusal();
  if (refused) return refused;
  if (!isUserId(userId)) return refusedArgument("The user");
  return changeUser(userId, {}, async () => {
    const count = await revokeUserSessions({ userId });
    return `Signed out everywhere: ${count} session${count === 1 ? "" : "s"} ended.`;
  });
}
