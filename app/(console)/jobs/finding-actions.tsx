"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Acknowledge a warning before Send, saying why it does not stop this job. */
export function AcknowledgeForm({ action, rule }: { action: Action; rule: string }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const id = `acknowledge-${rule}`;
  const error = state.status === "error" ? (state.fieldErrors.reason ?? state.message) : undefined;
  // After a refusal the reason typed stays in the field.
  const reason = state.status === "error" && typeof state.values.reason === "string" ? state.values.reason : "";
  return (
    <form key={reason} action={formAction} className="mt-2 flex flex-wrap items-end gap-2">
      <label htmlFor={id} className="grow text-xs text-slate-700">
        Why this warning does not stop the job
        <input
          id={id}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          defaultValue={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={isPending}>
        Acknowledge {rule}
      </Button>
      <p id={`${id}-error`} aria-live="polite" className="w-full text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}

/** Apply a finding's one-field fix (e.g. tick Automated Command Line) without opening the form. */
export function ApplyFixButton({ action, label }: { action: Action; label: string }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-2">
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? "Applying…" : label}
      </Button>
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
    </form>
  );
}
