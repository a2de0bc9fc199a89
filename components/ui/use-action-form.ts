"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { IDLE, type ActionState } from "@/lib/action-state";

/**
 * A form bound to a server action. After a refusal the fields must show what was submitted (or the
 * current record, after a conflict). React applies a select's defaultValue only on mount, so the
 * form is re-keyed for every result and its fields mount afresh with the values to show; then the
 * first invalid field takes the focus.
 */
export function useActionForm(action: (state: ActionState, formData: FormData) => Promise<ActionState>, initialValues: Record<string, unknown>) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const [shown, setShown] = useState({ state, formKey: 0 });
  if (shown.state !== state) setShown({ state, formKey: shown.formKey + 1 });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "error") formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const values = state.status === "error" ? state.values : initialValues;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const message = state.status === "idle" ? undefined : state.message;
  return { state, formAction, isPending, values, errors, message, formKey: shown.formKey, formRef };
}
