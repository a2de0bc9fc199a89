"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { dumpUploadedFileAction, type DumpState } from "./actions";

export function UploadForm() {
  const [state, formAction, isPending] = useActionState<DumpState, FormData>(dumpUploadedFileAction, { status: "idle" });
  return (
    <>
      <form action={formAction} className="mb-4 max-w-xl space-y-3 rounded border border-slate-200 bg-white p-4">
        <Field id="file" label="Instruction file (.INS)">
          <input id="file" name="file" type="file" accept=".ins,.INS,application/octet-stream" className={inputClass} />
        </Field>
        <Checkbox id="detailed" name="detailed" label="Detailed dump (/d): flags, OS bits and server types in words" />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Reading…" : "Dump"}
        </Button>
        <FormMessage status={state.status === "error" ? "error" : "idle"} message={state.status === "error" ? state.message : undefined} />
      </form>
      {state.status === "dumped" && (
        <>
          {state.notes.map((note) => (
            <p key={note} className="mb-2 text-sm text-amber-800">
              {note}
            </p>
          ))}
          <pre aria-label="PCMDUMP output" className="overflow-x-auto rounded border border-slate-300 bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100">
            {state.dump}
          </pre>
        </>
      )}
    </>
  );
}
