"use client";

import { FormActions } from "@/components/ui/form-actions";
import { Checkbox, Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { isChecked, textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { FILE_SYSTEMS, SERVER_TYPES } from "@/lib/servers/schema";
import { TriStateSelect } from "@/components/ui/tri-state-select";

/** A logon or distribution server of a site (digest §2.7). */
export function ServerForm({
  action,
  initialValues,
  isNew,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: Record<string, unknown>;
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-3xl space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      {!isNew && (
        <>
          <input type="hidden" name="version" value={textOf(values.version)} />
          <input type="hidden" name="siteCode" value={textOf(values.siteCode)} />
        </>
      )}
      <div className="grid gap-4 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Field id="name" label="Server name" error={errors.name} hint="NetBIOS name, up to 15 characters.">
          <TextInput id="name" name={isNew ? "name" : undefined} readOnly={!isNew} defaultValue={textOf(values.name)} error={errors.name} hint maxLength={15} className="font-mono uppercase" />
        </Field>
        <Field id="packageShare" label="Package share" error={errors.packageShare} hint="UNC of the share that holds package directories, e.g. \\CNS-SMS\SMS_PKGD.">
          <TextInput id="packageShare" name="packageShare" defaultValue={textOf(values.packageShare)} error={errors.packageShare} hint className="font-mono" />
        </Field>
        <div className="space-y-2">
          <Checkbox id="isLogonServer" name="isLogonServer" label="Logon server (holds PCMINS.BOX)" defaultChecked={isChecked(values.isLogonServer)} error={errors.isLogonServer} />
          <Checkbox id="isDistributionServer" name="isDistributionServer" label="Distribution server" defaultChecked={isChecked(values.isDistributionServer)} error={errors.isDistributionServer} />
        </div>
        <Field id="serverType" label="Server type (instruction record)" error={errors.serverType}>
          <Select id="serverType" name="serverType" defaultValue={textOf(values.serverType) || "2"} error={errors.serverType}>
            {Object.entries(SERVER_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {value} {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="fileSystem" label="File system" error={errors.fileSystem}>
          <Select id="fileSystem" name="fileSystem" defaultValue={textOf(values.fileSystem) || "NTFS"} error={errors.fileSystem}>
            {FILE_SYSTEMS.map((fileSystem) => (
              <option key={fileSystem}>{fileSystem}</option>
            ))}
          </Select>
        </Field>
        <div className="space-y-2">
          <Checkbox id="hasServicesForMacintosh" name="hasServicesForMacintosh" label="Services for Macintosh" defaultChecked={isChecked(values.hasServicesForMacintosh)} error={errors.hasServicesForMacintosh} />
          <Field id="macintoshZone" label="Macintosh zone" error={errors.macintoshZone}>
            <TextInput id="macintoshZone" name="macintoshZone" defaultValue={textOf(values.macintoshZone)} error={errors.macintoshZone} maxLength={32} />
          </Field>
        </div>
      </div>
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2" aria-labelledby="server-facts-heading">
        <h2 id="server-facts-heading" className="font-semibold sm:col-span-2">
          Facts for the requirement review (leave blank when unknown)
        </h2>
        <TriStateSelect
          id="isRemovedFromHierarchy"
          label="Removed from the SMS hierarchy"
          value={values.isRemovedFromHierarchy}
          error={errors.isRemovedFromHierarchy}
          hint="Yes when the server was removed but the despooler still lists it under Transfer Packages (Q199994)."
        />
      </section>
      <FormActions isPending={isPending} submitLabel={isNew ? "Add server" : "Save server"} cancelHref={cancelHref} />
    </form>
  );
}
