"use client";

import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { state, formAction, isPending, errors, message, formKey, formRef } = useActionForm(changePasswordAction, {});
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-sm space-y-3" noValidate>
      <FormMessage status={state.status} message={message} />
      <Field id="currentPassword" label="Current password" error={errors.currentPassword}>
        <TextInput id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      </Field>
      <Field id="newPassword" label="New password" hint={`At least ${minLength} characters; a passphrase is easiest.`} error={errors.newPassword}>
        <TextInput id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} error={errors.newPassword} hint />
      </Field>
      <Field id="confirmPassword" label="Confirm new password" error={errors.confirmPassword}>
        <TextInput id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      </Field>
      <button type="submit" disabled={isPending} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-blue-300">
        {isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
