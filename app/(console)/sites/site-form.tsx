"use client";

import { FormActions } from "@/components/ui/form-actions";
import { Checkbox, Field, FieldError, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { ISO_WEEKDAY_NAMES, MAX_SERVICE_PACK, SMS_VERSIONS, UTC_OFFSET_BOUNDS } from "@/lib/sites/schema";
import { isChecked as checked, listOf, textOf as text } from "@/components/ui/form-values";
import { TriStateSelect } from "@/components/ui/tri-state-select";

/** The first error about the business days: the list itself, or one of its entries. */
function businessDaysError(errors: Record<string, string>): string | undefined {
  return errors.businessDays ?? Object.entries(errors).find(([path]) => path.startsWith("businessDays."))?.[1];
}

/** When users work at the site's computers, and the site server's disk and clock: what the requirement rules read. */
function SiteFactsFields({ values, errors }: { values: Record<string, unknown>; errors: Record<string, string> }) {
  const businessDays = listOf(values.businessDays).map(String);
  const daysError = businessDaysError(errors);
  return (
    <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" aria-labelledby="site-facts-heading">
      <h2 id="site-facts-heading" className="font-semibold sm:col-span-2">
        Facts for the requirement review (leave blank when unknown)
      </h2>
      <fieldset className="sm:col-span-2" aria-describedby={daysError ? "businessDays-error" : "businessDays-hint"}>
        <legend className="text-sm font-medium text-slate-800">Business days</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {ISO_WEEKDAY_NAMES.map((day, index) => (
            <label key={day} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="businessDays[]" value={index + 1} defaultChecked={businessDays.includes(String(index + 1))} className="size-4" />
              {day}
            </label>
          ))}
        </div>
        <p id="businessDays-hint" className="mt-1 text-xs text-slate-600">
          When users work at this site&apos;s computers; restarts should fall outside these hours.
        </p>
        <FieldError id="businessDays" error={daysError} />
      </fieldset>
      <Field id="businessHoursStart" label="Business hours start (site wall clock)" error={errors.businessHoursStart}>
        <TextInput id="businessHoursStart" name="businessHoursStart" type="time" defaultValue={text(values.businessHoursStart)} error={errors.businessHoursStart} />
      </Field>
      <Field id="businessHoursEnd" label="Business hours end (site wall clock)" error={errors.businessHoursEnd}>
        <TextInput id="businessHoursEnd" name="businessHoursEnd" type="time" defaultValue={text(values.businessHoursEnd)} error={errors.businessHoursEnd} />
      </Field>
      <Field id="siteServerFreeDiskMegabytes" label="Site server free disk space (MB)" error={errors.siteServerFreeDiskMegabytes} hint="SMS needs about four times a package's source size (Q166725).">
        <TextInput id="siteServerFreeDiskMegabytes" name="siteServerFreeDiskMegabytes" type="number" min={0} defaultValue={text(values.siteServerFreeDiskMegabytes)} error={errors.siteServerFreeDiskMegabytes} hint />
      </Field>
      <Field id="utcOffsetMinutes" label="UTC offset (minutes)" error={errors.utcOffsetMinutes} hint="The site server's standard time, e.g. -300 for US Eastern, 60 for Central Europe.">
        <TextInput id="utcOffsetMinutes" name="utcOffsetMinutes" type="number" min={UTC_OFFSET_BOUNDS.min} max={UTC_OFFSET_BOUNDS.max} defaultValue={text(values.utcOffsetMinutes)} error={errors.utcOffsetMinutes} hint />
      </Field>
      <TriStateSelect id="isDaylightSavingAdjusted" label="Site server clock adjusts for daylight saving time" value={values.isDaylightSavingAdjusted} error={errors.isDaylightSavingAdjusted} />
    </section>
  );
}

/** Site Properties: version, hierarchy and the Clients settings PCM depends on (digest §2.6). */
export function SiteForm({
  action,
  initialValues,
  parentChoices,
  isNew,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: Record<string, unknown>;
  parentChoices: { code: string; name: string }[];
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-3xl space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      {!isNew && <input type="hidden" name="version" value={text(values.version)} />}
      <div className="grid gap-4 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Field id="code" label="Site code" error={errors.code} hint="3 characters, A-Z or 0-9; not CON, PRN, AUX or NUL.">
          <TextInput id="code" name={isNew ? "code" : undefined} defaultValue={text(values.code)} readOnly={!isNew} error={errors.code} hint maxLength={3} className="font-mono uppercase" />
        </Field>
        <Field id="name" label="Site name" error={errors.name}>
          <TextInput id="name" name="name" defaultValue={text(values.name)} error={errors.name} maxLength={50} />
        </Field>
        <Field id="parentCode" label="Parent site" error={errors.parentCode}>
          <Select id="parentCode" name="parentCode" defaultValue={text(values.parentCode)} error={errors.parentCode}>
            <option value="">None (central site)</option>
            {parentChoices.map((site) => (
              <option key={site.code} value={site.code}>
                {site.code}: {site.name}
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field id="smsVersion" label="SMS version" error={errors.smsVersion}>
            <Select id="smsVersion" name="smsVersion" defaultValue={text(values.smsVersion) || "1.2"} error={errors.smsVersion}>
              {SMS_VERSIONS.map((version) => (
                <option key={version}>{version}</option>
              ))}
            </Select>
          </Field>
          <Field id="servicePack" label="Service pack" error={errors.servicePack}>
            <Select id="servicePack" name="servicePack" defaultValue={text(values.servicePack) || "0"} error={errors.servicePack}>
              {Array.from({ length: MAX_SERVICE_PACK + 1 }, (_, servicePack) => (
                <option key={servicePack} value={servicePack}>
                  {servicePack === 0 ? "None" : `SP${servicePack}`}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field id="pcmPollingIntervalMinutes" label="PCM polling interval (minutes)" error={errors.pcmPollingIntervalMinutes} hint="Site Properties > Clients. PCM service jobs need 20 minutes or more (Q166765).">
          <TextInput id="pcmPollingIntervalMinutes" name="pcmPollingIntervalMinutes" type="number" min={1} max={1440} defaultValue={text(values.pcmPollingIntervalMinutes)} error={errors.pcmPollingIntervalMinutes} hint />
        </Field>
        <Field id="inventoryIntervalDays" label="Inventory interval (days)" error={errors.inventoryIntervalDays} hint="SMS took inventory every 7 days by default (Q176969).">
          <TextInput id="inventoryIntervalDays" name="inventoryIntervalDays" type="number" min={1} max={365} defaultValue={text(values.inventoryIntervalDays) || "7"} error={errors.inventoryIntervalDays} hint />
        </Field>
        <Checkbox id="isPcmEnabled" name="isPcmEnabled" label="Package Command Manager client component enabled" defaultChecked={checked(values.isPcmEnabled)} error={errors.isPcmEnabled} />
      </div>
      <SiteFactsFields values={values} errors={errors} />
      <FormActions isPending={isPending} submitLabel={isNew ? "Create site" : "Save site"} cancelHref={cancelHref} />
    </form>
  );
}
