"use client";

import { Field, Select, TextInput } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import { textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { ROLE_LABELS, ROLES } from "@/lib/access/roles";

/** The new-user form: the administrator chooses the first password and tells the user. */
export function UserForm({ action, passwordMinLength }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; passwordMinLength: number }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, { role: "viewer" });
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      <div className="grid gap-4 rounded border border-slate-200 bg-white p-4">
        <Field id="email" label="Email" error={errors.email}>
          <TextInput id="email" name="email" type="email" autoComplete="off" defaultValue={textOf(values.email)} error={errors.email} maxLength={254} />
        </Field>
        <Field id="name" label="Name" error={errors.name}>
          <TextInput id="name" name="name" defaultValue={textOf(values.name)} error={errors.name} maxLength={100} />
        </Field>
        <Field id="role" label="Role" error={errors.role} hint="Administrators manage users and sites; Operators work with packages and jobs; Viewers only read.">
          <Select id="role" name="role" defaultValue={textOf(values.role)} error={errors.role} hint>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="password" label="Password" error={errors.password} hint={`At least ${passwordMinLength} characters. Tell the user in person or another safe way; they choose their own at first sign-in.`}>
          <TextInput id="password" name="password" type="password" autoComplete="new-password" error={errors.password} hint />
        </Field>
        <Field id="confirmPassword" label="Confirm password" error={errors.confirmPassword}>
          <TextInput id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} />
        </Field>
      </div>
      <FormActions isPending={isPending} submitLabel="Create user" cancelHref="/users" />
    </form>
  );
}
