"use server";

import { revalidatePath } from "next/cache";
import { confirmPasswordSchema, secondFactorSchema } from "@/lib/accounts/schema";
import { fromDomainError, fromZodError, type ActionState } from "@/lib/action-state";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/data/sign-in";
import { formDataToObject } from "@/lib/forms";

/** The enrolment secret is the user's own and is shown to them once, on this response only. */
export type EnrolmentState = ActionState | { status: "enrolling"; totpURI: string; secret: string; backupCodes: string[] };

export async function startTwoFactorAction(_state: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
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
  const parsed = secondFactorSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    await confirmTwoFactorEnrolment(parsed.data.code);
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/account");
  return { status: "success", message: "Two-factor sign-in is on. Keep your backup codes somewhere safe." };
}

export async function disableTwoFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = confirmPasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    await disableTwoFactor(parsed.data.password);
  } catch (error) {
    return fromDomainError(error, {});
  }
  revalidatePath("/account");
  return { status: "success", message: "Two-factor sign-in is off." };
}
