"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, FieldError } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/action-state";
import { INSTRUCTION_BOX_ACCESS_LABELS, INSTRUCTION_BOX_ACCESS_MODES, type InstructionBoxAccessMode } from "@/lib/instruction-box/access-token";
import type { InstructionBoxAccessState } from "./actions";

const MODE_HINTS: Record<InstructionBoxAccessMode, string> = {
  open: "Any machine that can reach the console reads any client's file of this site, as Everyone could read the share.",
  token: "A fetch without the site's token, or with a wrong one, is refused (401) and written to the audit trail.",
};

/** Switches a site's PCMINS.BOX access and generates its token; a new token is shown here once. */
export function InstructionBoxAccessForm({
  action,
  siteCode,
  mode,
  hasToken,
}: {
  action: (state: InstructionBoxAccessState, formData: FormData) => Promise<InstructionBoxAccessState>;
  siteCode: string;
  mode: InstructionBoxAccessMode;
  hasToken: boolean;
}) {
  const [state, formAction, isPending] = useActionState<InstructionBoxAccessState, FormData>(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const generatedToken = state.status === "success" && "generatedToken" in state ? state.generatedToken : null;
  return (
    <div className="max-w-3xl space-y-4">
      <FormMessage status={state.status} message={state.status === "idle" ? undefined : state.message} />
      {generatedToken && (
        <section aria-labelledby="new-token-heading" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="new-token-heading" className="font-semibold">
            New token for site {siteCode}
          </h2>
          <p>Copy it now: the console keeps only its hash and cannot show it again. Leaving or reloading this page hides it.</p>
          <label htmlFor="generated-token" className="block font-medium">
            Token
          </label>
          <input id="generated-token" readOnly value={generatedToken} autoComplete="off" spellCheck={false} className="block w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm" onFocus={(event) => event.currentTarget.select()} />
        </section>
      )}
      {/* Re-mounted when the saved setting changes, so the choices show what is stored now. */}
      <form key={`${mode}-${hasToken}`} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
        <fieldset aria-describedby={errors.mode ? "mode-error" : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-800">Who may read this site&apos;s instruction files</legend>
          <div className="space-y-2">
            {INSTRUCTION_BOX_ACCESS_MODES.map((choice) => (
              <div key={choice}>
                <div className="flex items-start gap-2">
                  <input id={`mode-${choice}`} type="radio" name="mode" value={choice} defaultChecked={choice === mode} aria-describedby={`mode-${choice}-hint`} className="mt-0.5 size-4" />
                  <label htmlFor={`mode-${choice}`} className="text-sm text-slate-800">
                    {INSTRUCTION_BOX_ACCESS_LABELS[choice]}
                  </label>
                </div>
                <p id={`mode-${choice}-hint`} className="ml-6 text-xs text-slate-600">
                  {MODE_HINTS[choice]}
                </p>
              </div>
            ))}
          </div>
          <FieldError id="mode" error={errors.mode} />
        </fieldset>
        <Checkbox
          id="rotateToken"
          name="rotateToken"
          label={hasToken ? "Generate a new token (the current one stops working at once)" : "Generate a token now"}
          hint={hasToken ? undefined : "Choosing token access generates one anyway."}
          error={errors.rotateToken}
        />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save access"}
        </Button>
      </form>
    </div>
  );
}
