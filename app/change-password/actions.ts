"use server";

import { redirect } from "next/navigation";
import { changePasswordSchema } from "@/lib/accounts/schema";
import { fromDomainError, fromZodError, type ActionState } from "@/lib/action-state";
import { sessionActor } from "@/lib/data/accounts/session";
import { changeOwnPassword } from "@/lib/data/accounts/sign-in";
import { DomainError } from "@/lib/errors";
import { formDataToObject } from "@/lib/forms";
import { safeNext } from "../sign-in/next-path";

/**
 * Replaces a password an administrator set. Not behind `actionRefusal`: until this succeeds the data
 * layer refuses the user every permission. Any signed-in user may; `changeOwnPassword` checks the
 * current password.
 */
export async function changeGivenPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formDataToObject(formData);
  // Passwords are never sent back to the browser with the form's values.
  const shown = { next: values.next };
  if (!(await sessionActor())) return fromDomainError(new DomainError("unauthenticated", "Sign in to continue."), shown);
  const parsed = changePasswordSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, shown);
  try {
    await changeOwnPassword(parsed.data);
  } catch (error) {
    return fromDomainError(error, shown);
  }
  redirect(safeNext(values.next));
}
