"use client";

import { useActionState, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

/** One lifecycle step (send, cancel, ...) with an inline confirmation and an optional note. */
export function JobActionButton({
  action,
  label,
  confirmation,
  variant = "secondary",
  withNote = false,
  isNoteRequired = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  confirmation: string;
  variant?: ButtonVariant;
  withNote?: boolean;
  /** Cancel and the overrides (Mark complete / failed) need a reason: the job's History shows it. */
  isNoteRequired?: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-2">
      {isConfirming ? (
        <div className="space-y-2 rounded border border-slate-300 bg-slate-50 p-2 text-sm">
          <p>{confirmation}</p>
          {withNote && (
            <label className="block">
              <span className="text-xs text-slate-600">{isNoteRequired ? "Reason (shown in the job's History)" : "Note for the job's History (optional)"}</span>
              <input name="note" maxLength={500} required={isNoteRequired} minLength={isNoteRequired ? 3 : undefined} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
            </label>
          )}
          <div className="flex gap-2">
            <Button type="submit" variant={variant === "secondary" ? "primary" : variant} disabled={isPending}>
              {isPending ? "Working…" : `Yes, ${label.toLowerCase()}`}
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <Button variant={variant} onClick={() => setIsConfirming(true)}>
          {label}
        </Button>
      )}
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
    </form>
  );
}
