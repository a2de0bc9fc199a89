"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import { importSiteDocumentAction, type ImportState } from "./actions";

export function ImportForm() {
  const [state, formAction, isPending] = useActionState<ImportState, FormData>(importSiteDocumentAction, { status: "idle" });
  return (
    <form action={formAction} className="space-y-3">
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
