"use client";

import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { secondFactorAction } from "../actions";

export function SecondFactorForm({ next }: { next: string }) {
  const { state, formAction, isPending, errors, message, formKey, formRef } = useActionForm(secondFactorAction, { next });
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      <input type="hidden" name="next" value={next} />
      <Field id="code" label="Code" hint="The 6 digits your authenticator app shows now, or one of your backup codes." error={errors.code}>
        <TextInput id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required error={errors.code} hint autoFocus />
      </Field>
      <button type="submit" disabled={isPending} className="w-full rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-blue-300">
        {isPending ? "Checking…" : "Verify"}
      </button>
    </form>
  );
}
