"use client";

import { type FormEvent, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import { MAX_SITE_DOCUMENT_BYTES, siteDocumentTooLargeMessage } from "@/lib/site-document/limits";
import { importSiteDocumentAction, type ImportState } from "./actions";

export function ImportForm() {
  const [actionState, formAction, isPending] = useActionState<ImportState, FormData>(importSiteDocumentAction, { status: "idle" });
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  // Next.js refuses a request body over its limit before the action runs, which would end on the
  // error page: a file over the limit is answered here, before it is sent.
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("document");
    const message = file instanceof File && file.size > MAX_SITE_DOCUMENT_BYTES ? siteDocumentTooLargeMessage(file) : null;
    setTooLarge(message);
    if (message) event.preventDefault();
  }
  const state: ImportState = tooLarge ? { status: "error", message: tooLarge, issues: [] } : actionState;
  return (
    <form action={formAction} onSubmit={checkSize} className="space-y-3">
      <Field id="document" label="Site document (JSON)">
        <input id="document" name="document" type="file" accept="application/json,.json" className={inputClass} />
      </Field>
      <Checkbox id="checkOnly" name="checkOnly" label="Only check the document; change nothing" />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Working…" : "Import"}
      </Button>
      <FormMessage status={state.status === "idle" ? "idle" : state.status === "error" ? "error" : "success"} message={state.status === "idle" ? undefined : state.message} />
      {state.status === "error" && state.issues.length > 0 && (
        <Table aria-label="Problems in the document">
          <thead>
            <tr>
              <Th>JSON path</Th>
              <Th>Problem</Th>
            </tr>
          </thead>
          <tbody>
            {state.issues.map((issue, index) => (
              <tr key={index}>
                <Td className="font-mono">{issue.path}</Td>
                <Td>{issue.message}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </form>
  );
}
