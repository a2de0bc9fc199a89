"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { Checkbox, Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { MAX_SERVICE_PACK, SMS_VERSIONS } from "@/lib/sites/schema";
import { isChecked as checked, textOf as text } from "@/components/ui/form-values";


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
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : isNew ? "Create site" : "Save site"}
        </Button>
        <ButtonLink href={cancelHref}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
