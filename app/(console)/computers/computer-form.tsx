"use client";

import { FormActions } from "@/components/ui/form-actions";
import { Checkbox, Field, Select, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { isChecked, textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { wallClockInputText } from "@/lib/wall-clock-format";
import { NETWORK_LINKS, NT_ROLES, PCM_SERVICE_START_TYPES } from "@/lib/computers/schema";
import { PCM_VARIANT_LABELS, PCM_VARIANTS, PLATFORM_LABELS, PLATFORMS } from "@/lib/platforms";
import { DISABLE_RANDOM_PCM_SERVERS_VALUES } from "@/lib/rules/context";
import { MAX_SERVICE_PACK, SMS_VERSIONS } from "@/lib/sites/schema";
import { TriStateSelect } from "@/components/ui/tri-state-select";

function Choice({ id, label, values, errors, options, blank }: { id: string; label: string; values: Record<string, unknown>; errors: Record<string, string>; options: readonly (readonly [string, string])[]; blank?: string }) {
  return (
    <Field id={id} label={label} error={errors[id]}>
      <Select id={id} name={id} defaultValue={textOf(values[id])} error={errors[id]}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const pairs = (values: readonly string[]) => values.map((value) => [value, value] as const);

/** A saved list reads "Q195937, Q193784", or "none" when none is installed; submitted text stays as typed. */
function hotfixesText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return textOf(value);
}

/** The facts the requirement rules read about this client; each one may be left unknown. */
function ComputerFactsFields({ values, errors }: { values: Record<string, unknown>; errors: Record<string, string> }) {
  const triState = (id: string, label: string, hint?: string) => <TriStateSelect id={id} label={label} value={values[id]} error={errors[id]} hint={hint} />;
  return (
    <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3" aria-labelledby="computer-facts-heading">
      <h2 id="computer-facts-heading" className="font-semibold md:col-span-3">
        Facts for the requirement review (leave blank when unknown)
      </h2>
      <Field id="installedPcmHotfixes" label="Installed PCM hotfixes" error={errors.installedPcmHotfixes} hint='Post-SP4 fixes by KB number, e.g. Q195937, Q193784; "none" when none is installed.'>
        <TextInput id="installedPcmHotfixes" name="installedPcmHotfixes" defaultValue={hotfixesText(values.installedPcmHotfixes)} error={errors.installedPcmHotfixes} hint className="font-mono uppercase" />
      </Field>
      <Field id="clockOffsetSeconds" label="Clock offset (seconds)" error={errors.clockOffsetSeconds} hint="Client clock minus the site server's, after time zones; positive when the client is ahead.">
        <TextInput id="clockOffsetSeconds" name="clockOffsetSeconds" type="number" min={-86400} max={86400} defaultValue={textOf(values.clockOffsetSeconds)} error={errors.clockOffsetSeconds} hint />
      </Field>
      <Field id="utcOffsetMinutes" label="UTC offset (minutes)" error={errors.utcOffsetMinutes} hint="The client's standard time, e.g. -300 for US Eastern.">
        <TextInput id="utcOffsetMinutes" name="utcOffsetMinutes" type="number" min={-720} max={840} defaultValue={textOf(values.utcOffsetMinutes)} error={errors.utcOffsetMinutes} hint />
      </Field>
      <Field id="pcmServiceAccount" label="PCM service account" error={errors.pcmServiceAccount} hint="DOMAIN\ACCOUNT the PCM service logs on as.">
        <TextInput id="pcmServiceAccount" name="pcmServiceAccount" defaultValue={textOf(values.pcmServiceAccount)} error={errors.pcmServiceAccount} hint className="font-mono" />
      </Field>
      <Choice id="disableRandomPcmServers" label="DisableRandomPCMServers (Sms.ini)" values={values} errors={errors} options={pairs(DISABLE_RANDOM_PCM_SERVERS_VALUES)} blank="Unknown" />
      {triState("isPcmwin32AutoStart", "Pcmwin32 loads at logon", "Site client setting, or a load= line in Smsrun32.ini.")}
      {triState("hasInteractiveUsers", "Someone logs on at this computer", "No for a server or kiosk nobody uses interactively.")}
      {triState("usersAreLocalAdministrators", "Its users are local administrators")}
      {triState("isPcmServiceDirectoryUserWritable", "Users can write to the PCM service directory")}
      {triState("hasDuplicateSmsId", "SMS ID also found on another computer", "As SMSIDDUP reports it.")}
      {triState("isDaylightSavingAdjusted", "Clock adjusts for daylight saving time")}
      {triState("isNetwareNetxClient", "NetWare NETX client", "MS-DOS and Windows 3.x clients only.")}
    </section>
  );
}

/** A computer's inventory record, including the PCM service facts the requirement rules need. */
export function ComputerForm({
  action,
  initialValues,
  sites,
  isNew,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: Record<string, unknown>;
  sites: { code: string; name: string }[];
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  const text = (id: string, label: string, props: { hint?: string; className?: string; type?: string; placeholder?: string; shown?: (value: string) => string } = {}) => (
    <Field id={id} label={label} error={errors[id]} hint={props.hint}>
      <TextInput id={id} name={id} type={props.type} defaultValue={(props.shown ?? String)(textOf(values[id]))} placeholder={props.placeholder} error={errors[id]} hint={Boolean(props.hint)} className={props.className} />
    </Field>
  );
  const box = (id: string, label: string) => <Checkbox id={id} name={id} label={label} defaultChecked={isChecked(values[id])} error={errors[id]} />;
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      {!isNew && <input type="hidden" name="version" value={textOf(values.version)} />}
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3">
        {isNew ? text("smsId", "SMS ID", { hint: "8 characters; the first three are the creating site's code.", className: "font-mono uppercase" }) : null}
        {text("name", "Computer name")}
        <Choice id="siteCode" label="Site" values={values} errors={errors} options={sites.map((site) => [site.code, `${site.code}: ${site.name}`] as const)} blank="Choose a site" />
        {text("logonServer", "Logon server", { className: "font-mono uppercase" })}
        <Choice id="platform" label="Platform" values={values} errors={errors} options={PLATFORMS.map((platform) => [platform, PLATFORM_LABELS[platform]] as const)} blank="Choose a platform" />
        {text("osVersion", "OS version")}
        <Choice id="ntRole" label="Windows NT role" values={values} errors={errors} options={pairs(NT_ROLES)} blank="Not Windows NT" />
        {text("ntDomain", "NT domain", { hint: "Empty when the computer is not a domain member." })}
        <Choice id="smsClientVersion" label="SMS client version" values={values} errors={errors} options={pairs(SMS_VERSIONS)} />
        <Choice id="smsClientServicePack" label="SMS client service pack" values={values} errors={errors} options={Array.from({ length: MAX_SERVICE_PACK + 1 }, (_, pack) => [String(pack), pack ? `SP${pack}` : "None"] as const)} />
        <Choice id="networkLink" label="Network link" values={values} errors={errors} options={pairs(NETWORK_LINKS)} />
        {text("lastInventoryAt", "Last inventory (site wall clock)", { placeholder: "YYYY-MM-DD HH:MM", hint: "24-hour, the site server's wall clock.", className: "font-mono", shown: wallClockInputText })}
      </section>
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3">
        <h2 className="font-semibold md:col-span-3">Package Command Manager</h2>
        <Choice id="pcmVariant" label="PCM" values={values} errors={errors} options={PCM_VARIANTS.map((variant) => [variant, PCM_VARIANT_LABELS[variant]] as const)} blank="Choose a PCM" />
        <div className="space-y-2">
          {box("isPcmServiceInstalled", "PCM service (Pcmsvc32) installed")}
          {box("isPcmServiceRunning", "PCM service running")}
        </div>
        {text("pcmServiceFileDate", "Pcmsvc32.exe file date", { type: "date" })}
        {text("pcmServiceInstallDirectory", "PCM service install directory", { className: "font-mono" })}
        <Choice id="pcmServiceStartType" label="PCM service start type" values={values} errors={errors} options={pairs(PCM_SERVICE_START_TYPES)} blank="Unknown" />
        <div className="space-y-2 md:col-span-3">
          <p className="text-sm font-medium">PCM service account rights</p>
          {box("pcmServiceAccountIsLocalAdmin", "Member of the local Administrators group")}
          {box("pcmServiceAccountCanLogOnAsService", "Log on as a service")}
          {box("pcmServiceAccountCanReadShares", "Reads the logon server's PCMINS.BOX and the package shares")}
          {box("pcmServiceAccountIsDomainAdmin", "Domain Admin")}
        </div>
      </section>
      <ComputerFactsFields values={values} errors={errors} />
      <FormActions isPending={isPending} submitLabel={isNew ? "Add computer" : "Save computer"} cancelHref={cancelHref} />
    </form>
  );
}
