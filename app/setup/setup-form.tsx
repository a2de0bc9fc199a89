"use client";

import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";

export function SetupForm({ action, token, passwordMinLength }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; token: string; passwordMinLength: number }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, {});
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      <input type="hidden" name="token" value={token} />
      <Field id="email" label="Email" error={errors.email}>
        <TextInput id="email" name="email" type="email" autoComplete="username" defaultValue={textOf(values.email)} error={errors.email} maxLength={254} />
      </Field>
      <Field id="name" label="Name" error={errors.name}>
        <TextInput id="name" name="name" autoComplete="name" defaultValue={textOf(values.name)} error={errors.name} maxLength={100} />
      </Field>
      <Field id="password" label="Password" error={errors.password} hint={`At least ${passwordMinLength} characters; a passphrase of several words is easiest.`}>
        <TextInput id="password" name="password" type="password" autoComplete="new-password" error={errors.password} hint />
      </Field>
      <Field id="confirmPassword" label="Confirm password" error={errors.confirmPassword}>
        <TextInput id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create administrator"}
      </Button>
    </form>
  );
}
