"use server";

import { redirect } from "next/navigation";
import { fromDomainError, fromZodError, refusedArgument, type ActionState } from "@/lib/action-state";
import { createFirstAdministrator } from "@/lib/data/accounts/first-run";
import { formDataToObject } from "@/lib/forms";
import { firstAdministratorSchema } from "@/lib/users/schema";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Creates the first administrator. Nobody is signed in yet: the one-time setup token printed by
 * `npm start` is the authorization, checked and consumed by the data layer, which audits the result.
 */
export async function createFirstAdministratorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const { password: _password, confirmPassword: _confirmPassword, token, ...values } = formDataToObject(formData);
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return refusedArgument("The setup link");
  const parsed = firstAdministratorSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await createFirstAdministrator({ token, input: parsed.data });
  } catch (error) {
    return fromDomainError(error, values);
  }
  redirect("/sign-in");
}
