"use client";

import { useActionState } from "react";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction, type EnrolmentState } from "./actions";

const submitClass = "rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:bg-blue-300";

function PasswordForm({ action, label, isPending, error }: { action: (formData: FormData) => void; label: string; isPending: boolean; error?: string }) {
  return (
    <form action={action} className="max-w-sm space-y-3" noValidate>
      <Field id="password" label="Your password" error={error}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required error={error} />
      </Field>
      <button type="submit" className={submitClass} disabled={isPending}>
        {label}
      </button>
    </form>
  );
}

export function EnableTwoFactor() {
  const [state, action, isPending] = useActionState<EnrolmentState, FormData>(startTwoFactorAction, IDLE);
  const [confirmState, confirmAction, isConfirming] = useActionState(confirmTwoFactorAction, IDLE);
  if (state.status === "enrolling") {
    return (
      <div className="space-y-4">
        <p className="text-sm">
          Add this key to your authenticator app (type: time-based, 6 digits, 30 seconds), then enter the code it shows.
        </p>
        <p className="font-mono text-sm break-all" aria-label="Authenticator key">
          {state.secret}
        </p>
        <details className="text-sm">
          <summary>otpauth link</summary>
          <p className="font-mono break-all">{state.totpURI}</p>
        </details>
        <div className="text-sm">
          <p className="font-medium">Backup codes (each works once; they are not shown again):</p>
          <ul className="grid grid-cols-2 gap-1 font-mono">
            {state.backupCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
        <form action={confirmAction} className="max-w-sm space-y-3" noValidate>
          <FormMessage status={confirmState.status} message={confirmState.status === "error" ? confirmState.message : undefined} />
          <Field id="code" label="Code from the app" error={confirmState.status === "error" ? confirmState.fieldErrors.code : undefined}>
            <TextInput id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
          </Field>
          <button type="submit" className={submitClass} disabled={isConfirming}>
            Turn on two-factor sign-in
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <PasswordForm action={action} label="Set up an authenticator" isPending={isPending} error={state.status === "error" ? state.fieldErrors.password : undefined} />
    </div>
  );
}

export function DisableTwoFactor() {
  const [state, action, isPending] = useActionState(disableTwoFactorAction, IDLE);
  return (
    <div className="space-y-3">
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <PasswordForm action={action} label="Turn off two-factor sign-in" isPending={isPending} error={state.status === "error" ? state.fieldErrors.password : undefined} />
    </div>
  );
}
