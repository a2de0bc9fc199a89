"use client";

import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeGivenPasswordAction } from "./actions";

export function ChangeGivenPasswordForm({ next, minLength }: { next: string; minLength: number }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(changeGivenPasswordAction, { next });
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      <input type="hidden" name="next" value={String(values.next ?? next)} />
      <Field id="currentPassword" label="Password you were given" error={errors.currentPassword}>
        <TextInput id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} autoFocus />
      </Field>
      <Field id="newPassword" label="New password" hint={`At least ${minLength} characters; a passphrase is easiest.`} error={errors.newPassword}>
        <TextInput id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} error={errors.newPassword} hint />
      </Field>
      <Field id="confirmPassword" label="Confirm new password" error={errors.confirmPassword}>
        <TextInput id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      </Field>
      <button type="submit" disabled={isPending} className="w-full rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-blue-300">
        {isPending ? "Changing…" : "Change password and continue"}
      </button>
    </form>
  );
}
