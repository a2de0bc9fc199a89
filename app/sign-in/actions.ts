"use server";

import { redirect } from "next/navigation";
import { secondFactorSchema, signInSchema } from "@/lib/accounts/schema";
import { fromDomainError, fromZodError, type ActionState } from "@/lib/action-state";
import { signIn, signOut, verifySecondFactor } from "@/lib/data/accounts/sign-in";
import { formDataToObject } from "@/lib/forms";
import { passwordChangeHref, safeNext } from "./next-path";

export async function signInAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formDataToObject(formData);
  const parsed = signInSchema.safeParse(values);
  // The password is never sent back to the browser with the form's values.
  const shown = { email: values.email, next: values.next };
  if (!parsed.success) return fromZodError(parsed.error, shown);
  let result;
  try {
    result = await signIn(parsed.data);
  } catch (error) {
    return fromDomainError(error, shown);
  }
  const next = safeNext(values.next);
  if (result === "second-factor") redirect(`/sign-in/second-factor?next=${encodeURIComponent(next)}`);
  if (result === "change-password") redirect(passwordChangeHref(next));
  redirect(next);
}

export async function secondFactorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formDataToObject(formData);
  const parsed = secondFactorSchema.safeParse(values);
  if (!parsed.success) return fromZodError(parsed.error, { next: values.next });
  try {
    await verifySecondFactor(parsed.data.code);
  } catch (error) {
    return fromDomainError(error, { next: values.next });
  }
  redirect(safeNext(values.next));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/sign-in");
}
