"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

/** An operator's upload of one client's status MIF (a .mif or DESPOOLR.BOX's .pck). */
export function UploadStatusReport({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const smsId = state.status === "error" ? String(state.values.smsId ?? "") : "";
  return (
    <form action={formAction} className="space-y-2" aria-label="Upload a status MIF">
      <Field id="status-sms-id" label="Client SMS ID" error={errors.smsId}>
        <input id="status-sms-id" name="smsId" required maxLength={8} defaultValue={smsId} className={`${inputClass} font-mono uppercase`} aria-invalid={Boolean(errors.smsId)} aria-describedby={errors.smsId ? "status-sms-id-error" : undefined} />
      </Field>
      <Field id="status-mif" label="Status MIF file (64 KB at most)" error={errors.mif}>
        <input id="status-mif" name="mif" type="file" required accept=".mif,.pck,text/plain" className="block text-sm" aria-invalid={Boolean(errors.mif)} aria-describedby={errors.mif ? "status-mif-error" : undefined} />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Uploading…" : "Upload status MIF"}
      </Button>
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
    </form>
  );
}
