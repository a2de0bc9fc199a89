"use server";

import { redirect } from "next/navigation";
import { changePasswordSchema, confirmPasswordSchema, secondFactorSchema } from "@/lib/accounts/schema";
import { fromDomainError, fromZodError, type ActionState } from "@/lib/action-state";
import { changeOwnPassword, confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/data/accounts/sign-in";
import { formDataToObject } from "@/lib/forms";
import { actionRefusal } from "../access";

/** The enrolment secret is the user's own and is shown to them once, on this response only. */
export type EnrolmentState = ActionState | { status: "enrolling"; totpURI: string; secret: string; backupCodes: string[] };

export async function startTwoFactorAction(_state: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const refusal = await actionRefusal("console:read");
  if (refusal) return fromDomainError(refusal, {});
  const parsed = confirmPasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    const { totpURI, backupCodes } = await startTwoFactorEnrolment(parsed.data.password);
    return { status: "enrolling", totpURI, secret: new URL(totpURI).searchParams.get("secret") ?? "", backupCodes };
  } catch (error) {
    return fromDomainError(error, {});
  }
}

export async function confirmTwoFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("console:read");
  if (refusal) return fromDomainError(refusal, {});
  const parsed = secondFactorSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    await confirmTwoFactorEnrolment(parsed.data.code);
  } catch (error) {
    return fromDomainError(error, {});
  }
  // Better Auth replaces the session when the first code is verified; a redirect carries the new
  // cookie to the next page load.
  redirect("/account?two-factor=on");
}

export async function disableTwoFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("console:read");
  if (refusal) return fromDomainError(refusal, {});
  const parsed = confirmPasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    await disableTwoFactor(parsed.data.password);
  } catch (error) {
    return fromDomainError(error, {});
  }
  redirect("/account?two-factor=off");
}

export async function changePasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const refusal = await actionRefusal("console:read");
  if (refusal) return fromDomainError(refusal, {});
  // Passwords are never sent back to the browser with the form's values.
  const parsed = changePasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    await changeOwnPassword(parsed.data);
  } catch (error) {
    return fromDomainError(error, {});
  }
  redirect("/account?password=changed");
}
