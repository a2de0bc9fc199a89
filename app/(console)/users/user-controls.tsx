"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import { IDLE, type ActionState } from "@/lib/action-state";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/access/roles";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const panelClass = "space-y-3 rounded border border-slate-200 bg-white p-4";

export function RoleForm({ action, role }: { action: Action; role: Role }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, { role });
  return (
    <form key={formKey} ref={formRef} action={formAction} className={panelClass} noValidate>
      <h2 className="font-semibold">Role</h2>
      <FormMessage status={state.status} message={message} />
      <Field id="role" label="Role" error={errors.role}>
        <Select id="role" name="role" defaultValue={textOf(values.role)} error={errors.role}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save role"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ action, passwordMinLength }: { action: Action; passwordMinLength: number }) {
  const { state, formAction, isPending, errors, message, formKey, formRef } = useActionForm(action, {});
  return (
    <form key={formKey} ref={formRef} action={formAction} className={panelClass} noValidate>
      <h2 className="font-semibold">Reset password</h2>
      <FormMessage status={state.status} message={message} />
      <Field id="password" label="New password" error={errors.password} hint={`At least ${passwordMinLength} characters. The user's sessions end, and they choose their own password at next sign-in.`}>
        <TextInput id="password" name="password" type="password" autoComplete="new-password" error={errors.password} hint />
      </Field>
      <Field id="confirmPassword" label="Confirm new password" error={errors.confirmPassword}>
        <TextInput id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Reset password"}
      </Button>
    </form>
  );
}

export function DisableForm({ action, what }: { action: Action; what: string }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, {});
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <form key={formKey} ref={formRef} action={formAction} className={panelClass} noValidate>
      <h2 className="font-semibold">Disable</h2>
      <FormMessage status={state.status} message={message} />
      <Field id="reason" label="Reason (optional)" error={errors.reason}>
        <TextInput id="reason" name="reason" defaultValue={textOf(values.reason)} error={errors.reason} maxLength={200} />
      </Field>
      {isConfirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm">
          <span>Disable {what}? They are signed out at once and cannot sign in until enabled.</span>
          <Button type="submit" variant="danger" disabled={isPending}>
            {isPending ? "Disabling…" : `Yes, disable ${what}`}
          </Button>
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Keep enabled
          </Button>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setIsConfirming(true)}>
          Disable user
        </Button>
      )}
    </form>
  );
}

/** A one-button action (enable, sign out everywhere) with its result shown beside it. */
export function ActionButton({ action, label, pendingLabel, variant = "secondary" }: { action: Action; label: string; pendingLabel: string; variant?: "primary" | "secondary" | "danger" }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" variant={variant} disabled={isPending}>
        {isPending ? pendingLabel : label}
      </Button>
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
    </form>
  );
}
