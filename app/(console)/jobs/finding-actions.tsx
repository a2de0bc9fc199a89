"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";
import type { FixImpact } from "@/lib/data/jobs/apply-fix";

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

/**
 * Apply a finding's one-field fix without opening the form. A fix on the job alone is one click; a
 * fix on a shared record (a package, a site) first says what it changes and what else uses the
 * record, and applies only when the admin confirms.
 */
export function ApplyFixButton({ action, label, impact }: { action: Action; label: string; impact: FixImpact }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const [isConfirming, setIsConfirming] = useState(false);
  const records = impact.records.map((record) => record.name).join(", ");
  return (
    <form action={formAction} className="mt-2 space-y-2">
      {impact.isShared && isConfirming ? (
        <div role="group" aria-label={`Confirm ${impact.rule}'s fix`} className="space-y-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          <p className="font-medium">This fix changes {records}, not only this job.</p>
          <ul className="list-disc pl-5">
            {impact.changes.map((change) => (
              <li key={change.label}>
                {change.label}: {change.before} → {change.after}
              </li>
            ))}
          </ul>
          <p className="font-medium">What else uses it:</p>
          <ul className="list-disc pl-5">
            {impact.usedBy.map((use) => (
              <li key={use}>{use}</li>
            ))}
          </ul>
          <input type="hidden" name="confirm" value="shared-record" />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" disabled={isPending}>
              {isPending ? "Applying…" : `Yes, change ${impact.records.map((record) => `${record.kind} ${record.id}`).join(", ")}`}
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)}>
              Back
            </Button>
          </div>
        </div>
      ) : impact.isShared ? (
        <Button variant="secondary" onClick={() => setIsConfirming(true)}>
          {label}…
        </Button>
      ) : (
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? "Applying…" : label}
        </Button>
      )}
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
    </form>
  );
}

/** Acknowledge several warnings at once with one reason, each ticked by default. */
export function AcknowledgeSeveralForm({ action, rules }: { action: Action; rules: readonly string[] }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const error = state.status === "error" ? (state.fieldErrors.reason ?? state.fieldErrors.rules ?? state.message) : undefined;
  const reason = state.status === "error" && typeof state.values.reason === "string" ? state.values.reason : "";
  return (
    <form key={reason} action={formAction} aria-label="Acknowledge several warnings" className="mb-3 space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 font-medium">Acknowledge several warnings with one reason</legend>
        {rules.map((rule) => (
          <label key={rule} className="flex items-center gap-1">
            <input type="checkbox" name="rules" value={rule} defaultChecked className="size-4" />
            {rule}
          </label>
        ))}
      </fieldset>
      <label htmlFor="acknowledge-several-reason" className="block text-xs text-slate-700">
        Why these warnings do not stop the job
        <input
          id="acknowledge-several-reason"
          name="reason"
          required
          minLength={3}
          maxLength={500}
          defaultValue={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "acknowledge-several-error" : undefined}
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={isPending}>
        Acknowledge the ticked warnings
      </Button>
      <p id="acknowledge-several-error" aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}
