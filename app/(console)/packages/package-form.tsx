"use client";

import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { CommandLineFields } from "./command-line-fields";
import { listOf, recordOf, textOf } from "@/components/ui/form-values";
import type { PackageFormValues } from "./form-values";

type Row = { key: number; values: Record<string, unknown> };

let nextRowKey = 0;
const toRows = (values: PackageFormValues): Row[] => listOf(values.commandLines).map((line) => ({ key: nextRowKey++, values: recordOf(line) }));

/** Package Properties with its workstation command lines, for both New and Edit. */
export function PackageForm({
  action,
  initialValues,
  sites,
  isNew,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: PackageFormValues;
  sites: { code: string; name: string }[];
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  const [rows, setRows] = useState<Row[]>(() => toRows(initialValues));
  // After a refusal the rows are what was submitted (or the current record, after a conflict).
  const [rowsFormKey, setRowsFormKey] = useState(formKey);
  if (rowsFormKey !== formKey) {
    setRowsFormKey(formKey);
    if (state.status === "error") setRows(toRows(state.values));
  }

  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <FormMessage status={state.status} message={message} />
      {!isNew && <input type="hidden" name="version" value={textOf(values.version)} />}
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-2">
        <Field id="name" label="Package name" error={errors.name}>
          <TextInput id="name" name="name" defaultValue={textOf(values.name)} error={errors.name} maxLength={100} required />
        </Field>
        <Field id="siteCode" label="Site" error={errors.siteCode} hint={isNew ? "The site allocates the package ID." : "A package stays with the site that allocated its ID."}>
          {isNew ? (
            <Select id="siteCode" name="siteCode" defaultValue={textOf(values.siteCode)} error={errors.siteCode} hint>
              <option value="">Choose a site</option>
              {sites.map((site) => (
                <option key={site.code} value={site.code}>
                  {site.code}: {site.name}
                </option>
              ))}
            </Select>
          ) : (
            <>
              <TextInput id="siteCode" value={textOf(values.siteCode)} readOnly hint className="bg-slate-100" />
              <input type="hidden" name="siteCode" value={textOf(values.siteCode)} />
            </>
          )}
        </Field>
        <Field id="sourceDirectory" label="Workstation source directory" error={errors.sourceDirectory} hint="Local or UNC, e.g. \\SERVER\SOURCE\OFFICE43.">
          <TextInput id="sourceDirectory" name="sourceDirectory" defaultValue={textOf(values.sourceDirectory)} error={errors.sourceDirectory} hint className="font-mono" />
        </Field>
        <Field id="comments" label="Comments" error={errors.comments} hint="Shown to users in PCM and printed in the instruction file.">
          <TextArea id="comments" name="comments" rows={3} defaultValue={textOf(values.comments)} error={errors.comments} hint />
        </Field>
      </section>

      <section className="space-y-4" aria-labelledby="command-lines-heading">
        <div className="flex items-center justify-between">
          <h2 id="command-lines-heading" className="text-lg font-semibold">
            Workstation command lines
          </h2>
          <Button variant="secondary" onClick={() => setRows((current) => [...current, { key: nextRowKey++, values: {} }])}>
            Add command line
          </Button>
        </div>
        {rows.length === 0 && <p className="text-sm text-slate-600">No command lines yet. A package needs one before a job can run it on workstations.</p>}
        {rows.map((row, index) => (
          <CommandLineFields key={row.key} index={index} values={row.values} errors={errors} onRemove={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))} />
        ))}
      </section>

      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : isNew ? "Create package" : "Save package"}
        </Button>
        <ButtonLink href={cancelHref}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
