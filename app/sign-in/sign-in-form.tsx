"use client";

import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(signInAction, { email: "", next });
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      <input type="hidden" name="next" value={String(values.next ?? next)} />
      <Field id="email" label="Email" error={errors.email}>
        <TextInput id="email" name="email" type="email" autoComplete="username" required defaultValue={String(values.email ?? "")} error={errors.email} autoFocus />
      </Field>
      <Field id="password" label="Password" error={errors.password}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
      </Field>
      <button type="submit" disabled={isPending} className="w-full rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-blue-300">
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
