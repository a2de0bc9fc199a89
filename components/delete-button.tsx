"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/action-state";

/** Delete with an inline confirmation; a refusal (still in use) is shown in place. */
export function DeleteButton({ action, what }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; what: string }) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-2">
      {isConfirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm">
          <span>Delete {what}? This cannot be undone.</span>
          <Button type="submit" variant="danger" disabled={isPending}>
            {isPending ? "Deleting…" : `Yes, delete ${what}`}
          </Button>
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button variant="danger" onClick={() => setIsConfirming(true)}>
          Delete
        </Button>
      )}
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
    </form>
  );
}
