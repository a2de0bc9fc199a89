"use client";

import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { formDataToObject } from "@/lib/forms";
import type { ReviewSite } from "@/lib/rules/context";
import { reviewPackage } from "@/lib/rules/review-package";
import { CommandLineFields } from "./command-line-fields";
import { listOf, recordOf, textOf } from "@/components/ui/form-values";
import { reviewPackageOfFormValues } from "./form-review";
import type { PackageFormValues } from "./form-values";
import { CommandLineFindings, groupFindings, PackageFindings } from "./package-findings";
import { TriStateSelect } from "@/components/ui/tri-state-select";
import { InventoryFields, SharingFields } from "./property-set-fields";

type Row = { key: number; values: Record<string, unknown> };

let nextRowKey = 0;
const toRows = (values: PackageFormValues): Row[] => listOf(values.commandLines).map((line) => ({ key: nextRowKey++, values: recordOf(line) }));

const withoutCommandLine = (values: PackageFormValues, index: number): PackageFormValues => ({ ...values, commandLines: listOf(values.commandLines).filter((_, candidate) => candidate !== index) });
const withNewCommandLine = (values: PackageFormValues): PackageFormValues => ({ ...values, commandLines: [...listOf(values.commandLines), {}] });

/**
 * Package Properties with its workstation command lines, for both New and Edit. The requirement
 * findings follow the fields as they change: the form's values are read on every input and
 * reviewed in the browser by the same rules a job review runs.
 */
export function PackageForm({
  action,
  initialValues,
  sites,
  reviewSites,
  packageId,
  isNew,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: PackageFormValues;
  sites: { code: string; name: string }[];
  /** Every site with the facts the rules read (R12 looks at their versions, R56 at the package site's disk). */
  reviewSites: ReviewSite[];
  packageId: string | null;
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  const [rows, setRows] = useState<Row[]>(() => toRows(initialValues));
  // What the form holds now, as formDataToObject reads it; rows added or removed are mirrored here.
  const [current, setCurrent] = useState<PackageFormValues>(initialValues);
  // After a refusal the rows are what was submitted (or the current record, after a conflict).
  const [rowsFormKey, setRowsFormKey] = useState(formKey);
  if (rowsFormKey !== formKey) {
    setRowsFormKey(formKey);
    if (state.status === "error") {
      setRows(toRows(state.values));
      setCurrent(state.values);
    }
  }
  const sitesByCode = useMemo(() => new Map(reviewSites.map((site) => [site.code, site])), [reviewSites]);
  const reviewed = useMemo(() => reviewPackageOfFormValues(current, packageId), [current, packageId]);
  // A new package's form reviews nothing until the admin types: no error greets an untouched form (R19).
  const [isPristine, setIsPristine] = useState(isNew);
  const review = useMemo(() => (isPristine ? { findings: [], notChecked: [] } : reviewPackage(reviewed, sitesByCode)), [isPristine, reviewed, sitesByCode]);
  const groups = useMemo(() => groupFindings(review, reviewed.commandLines), [review, reviewed]);
  const readForm = (event: FormEvent<HTMLFormElement>) => {
    setIsPristine(false);
    setCurrent(formDataToObject(new FormData(event.currentTarget)));
  };

  return (
    <form key={formKey} ref={formRef} action={formAction} onInput={readForm} onChange={readForm} className="space-y-6" noValidate>
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
        <Field id="comments" label="Comments" error={errors.comments} hint="Shown to users in PCM and printed in the instruction file; the PDF's Comment.">
          <TextArea id="comments" name="comments" rows={3} defaultValue={textOf(values.comments)} error={errors.comments} hint />
        </Field>
        <Field id="product" label="Product" error={errors.product} hint="The PDF's Package Definition Product, e.g. Microsoft Office 95.">
          <TextInput id="product" name="product" defaultValue={textOf(values.product)} error={errors.product} hint maxLength={100} />
        </Field>
        <Field id="productVersion" label="Version" error={errors.productVersion} hint="The PDF's Package Definition Version, e.g. 7.0.">
          <TextInput id="productVersion" name="productVersion" defaultValue={textOf(values.productVersion)} error={errors.productVersion} hint maxLength={50} />
        </Field>
      </section>

      <SharingFields values={values.sharing} errors={errors} />
      <InventoryFields values={values.inventory} errors={errors} />

      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3" aria-labelledby="source-facts-heading">
        <h2 id="source-facts-heading" className="font-semibold md:col-span-3">
          Facts for the requirement review (leave blank when unknown)
        </h2>
        <Field id="sourceFileCount" label="Source file count" error={errors.sourceFileCount} hint="Files in the source directory; SMS cannot send an empty one (Q139590).">
          <TextInput id="sourceFileCount" name="sourceFileCount" type="number" min={0} defaultValue={textOf(values.sourceFileCount)} error={errors.sourceFileCount} hint />
        </Field>
        <Field id="sourceSizeMegabytes" label="Source size (MB)" error={errors.sourceSizeMegabytes} hint="The site server needs about four times this free (Q166725).">
          <TextInput id="sourceSizeMegabytes" name="sourceSizeMegabytes" type="number" min={0} defaultValue={textOf(values.sourceSizeMegabytes)} error={errors.sourceSizeMegabytes} hint />
        </Field>
        <TriStateSelect id="isSourceOnNtfs" label="Source is on an NTFS volume" value={values.isSourceOnNtfs} error={errors.isSourceOnNtfs} hint="Macintosh packages need NTFS (Q152338)." />
        <TriStateSelect id="hasLongFileNames" label="Source has long (non-8.3) file names" value={values.hasLongFileNames} error={errors.hasLongFileNames} hint="They need NTFS distribution servers (Q124959)." />
        <TriStateSelect
          id="hasSourceChangedSinceLastSend"
          label="Source changed since a job last sent it"
          value={values.hasSourceChangedSinceLastSend}
          error={errors.hasSourceChangedSinceLastSend}
          hint="No when unchanged or never sent."
        />
      </section>

      <PackageFindings review={review} packageFindings={groups.packageFindings} isPristine={isPristine} />

      <section className="space-y-4" aria-labelledby="command-lines-heading">
        <div className="flex items-center justify-between">
          <h2 id="command-lines-heading" className="text-lg font-semibold">
            Workstation command lines
          </h2>
          <Button
            variant="secondary"
            onClick={() => {
              setRows((shown) => [...shown, { key: nextRowKey++, values: {} }]);
              setCurrent(withNewCommandLine);
            }}
          >
            Add command line
          </Button>
        </div>
        {rows.length === 0 && <p className="text-sm text-slate-600">No command lines yet. A package needs one before a job can run it on workstations.</p>}
        {rows.map((row, index) => (
          <CommandLineFields
            key={row.key}
            index={index}
            values={row.values}
            errors={errors}
            onRemove={() => {
              setRows((shown) => shown.filter((candidate) => candidate.key !== row.key));
              setCurrent((held) => withoutCommandLine(held, index));
            }}
          >
            <CommandLineFindings findings={groups.commandLineFindings[index] ?? []} index={index} />
          </CommandLineFields>
        ))}
      </section>

      <FormActions isPending={isPending} submitLabel={isNew ? "Create package" : "Save package"} cancelHref={cancelHref} />
    </form>
  );
}
