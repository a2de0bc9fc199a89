"use client";

import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { Checkbox, Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { isChecked, listOf, recordOf, textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import type { JobFormChoices } from "@/lib/data/jobs/jobs";
import { isServerJobType, JOB_PRIORITIES, JOB_TYPE_LABELS, JOB_TYPES, SERVER_TARGET_KINDS, WORKSTATION_TARGET_KINDS, type JobType, type TargetKind } from "@/lib/jobs/schema";
import { PCM_VARIANT_LABELS, PCM_VARIANTS, PLATFORM_LABELS, PLATFORMS } from "@/lib/platforms";
import { defaultMandatoryAfter } from "@/lib/jobs/defaults";
import { DEFAULT_SERVERS_TEXT } from "@/lib/jobs/phases";
import { JOB_REPEAT_LABELS, JOB_REPEATS } from "@/lib/jobs/schedule";
import { ceilToMinute } from "@/lib/wall-clock";
import { searchComputersAction } from "./actions";
import { ComputerPicker } from "./computer-picker";
import { DraftFindings } from "./draft-findings";
import { WallClockInput } from "./wall-clock-input";

const TARGET_LABELS: Record<TargetKind, string> = {
  MACHINE_PATH: "Machine path (site|domain|computername)",
  COMPUTERS: "A list of computers",
  MACHINE_GROUP: "A machine group",
  QUERY: "A query over inventory",
  SERVER_GROUP: "A server group",
  SERVERS: "A list of servers",
};

/** Job Properties and Details: job type, package, target, and the phases the type has. */
export function JobForm({
  action,
  initialValues,
  choices,
  now,
  isNew,
  cancelHref,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: Record<string, unknown>;
  choices: JobFormChoices;
  now: string;
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="space-y-6" noValidate>
      <FormMessage status={state.status} message={message} />
      <JobFields values={values} errors={errors} choices={choices} now={now} isNew={isNew} />
      <DraftFindings key={formKey} formRef={formRef} />
      <FormActions isPending={isPending} submitLabel={isNew ? "Create job" : "Save job"} cancelHref={cancelHref} />
    </form>
  );
}

function JobFields({ values, errors, choices, now, isNew }: { values: Record<string, unknown>; errors: Record<string, string>; choices: JobFormChoices; now: string; isNew: boolean }) {
  const target = recordOf(values.target);
  const send = recordOf(values.sendPhase);
  const distribute = recordOf(values.distributePhase);
  const run = recordOf(values.runPhase);
  const [packageId, setPackageId] = useState(textOf(values.packageId));
  const [jobType, setJobType] = useState<JobType>((JOB_TYPES as readonly string[]).includes(textOf(values.jobType)) ? (textOf(values.jobType) as JobType) : "RUN_COMMAND_ON_WORKSTATION");
  const isServerJob = isServerJobType(jobType);
  const targetKinds: readonly TargetKind[] = isServerJob ? SERVER_TARGET_KINDS : WORKSTATION_TARGET_KINDS;
  const [kind, setKind] = useState<TargetKind>((textOf(target.kind) as TargetKind) || "COMPUTERS");
  const [isRunPhase, setIsRunPhase] = useState(isChecked(run.isEnabled));
  const [isMandatory, setIsMandatory] = useState(isChecked(run.isMandatory));
  const [isExpiring, setIsExpiring] = useState(isChecked(run.isExpiring));
  const [offerAfter, setOfferAfter] = useState(textOf(run.offerAfter));
  const [mandatoryAfter, setMandatoryAfter] = useState(textOf(run.mandatoryAfter));
  const [expireAfter, setExpireAfter] = useState(textOf(run.expireAfter));
  const schedule = recordOf(values.schedule);
  const [activateAt, setActivateAt] = useState(textOf(schedule.activateAt));
  const pkg = choices.packages.find((candidate) => candidate.packageId === packageId);
  const serverNames = Array.isArray(target.serverNames) ? target.serverNames.join("\n") : textOf(target.serverNames);
  const serverNamesError = Object.entries(errors).find(([key]) => key.startsWith("target.serverNames"))?.[1];
  const smsIds = Array.isArray(target.smsIds) ? target.smsIds.join("\n") : textOf(target.smsIds);
  const platforms = listOf(target.platforms).map(String);
  const pcmVariants = listOf(target.pcmVariants).map(String);
  const serverGroups = choices.machineGroups.filter((group) => group.serverCount > 0);
  const smsIdsError = Object.entries(errors).find(([key]) => key.startsWith("target.smsIds"))?.[1];

  return (
    <>
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-2" aria-labelledby="job-package">
        <h2 id="job-package" className="font-semibold md:col-span-2">
          Job details
        </h2>
        <Field id="jobType" label="Job type" error={errors.jobType} hint={isServerJob ? "Acts on servers: Send and Distribute phases only; no client's instruction file changes." : undefined}>
          <Select
            id="jobType"
            name="jobType"
            value={jobType}
            error={errors.jobType}
            hint={isServerJob}
            onChange={(event) => {
              const next = event.target.value as JobType;
              setJobType(next);
              // Each type has its own kinds of target: keep the chosen one only if it still fits.
              const allowed: readonly TargetKind[] = isServerJobType(next) ? SERVER_TARGET_KINDS : WORKSTATION_TARGET_KINDS;
              if (!allowed.includes(kind)) setKind(allowed[0] as TargetKind);
            }}
          >
            {JOB_TYPES.map((value) => (
              <option key={value} value={value}>
                {JOB_TYPE_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="packageId" label="Package" error={errors.packageId}>
          <Select id="packageId" name="packageId" value={packageId} onChange={(event) => setPackageId(event.target.value)} error={errors.packageId}>
            <option value="">Choose a package</option>
            {choices.packages.map((candidate) => (
              <option key={candidate.packageId} value={candidate.packageId}>
                {candidate.packageId}: {candidate.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="siteCode" label="Originating site" error={errors.siteCode} hint={isNew ? "Allocates the job and request IDs." : "A job stays with the site that allocated its ID."}>
          <Select id="siteCode" name="siteCode" defaultValue={textOf(values.siteCode)} error={errors.siteCode} hint disabled={!isNew}>
            {choices.sites.map((site) => (
              <option key={site.code} value={site.code}>
                {site.code}: {site.name}
              </option>
            ))}
          </Select>
          {!isNew && <input type="hidden" name="siteCode" value={textOf(values.siteCode)} />}
        </Field>
        <Field id="priority" label="Priority" error={errors.priority}>
          <Select id="priority" name="priority" defaultValue={textOf(values.priority) || "MEDIUM"} error={errors.priority}>
            {JOB_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority.charAt(0) + priority.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
        </Field>
        <WallClockInput id="schedule-activateAt" name="schedule.activateAt" label="Activation time (Schedule)" value={activateAt} onChange={setActivateAt} now={now} error={errors["schedule.activateAt"]} />
        <Field id="schedule-repeat" label="Repeat" error={errors["schedule.repeat"]} hint="Leave the activation time empty to send the job by hand.">
          <Select id="schedule-repeat" name="schedule.repeat" defaultValue={textOf(schedule.repeat) || "NEVER"} error={errors["schedule.repeat"]} hint>
            {JOB_REPEATS.map((repeat) => (
              <option key={repeat} value={repeat}>
                {JOB_REPEAT_LABELS[repeat]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="comment" label="Job comment" error={errors.comment}>
          <TextInput id="comment" name="comment" defaultValue={textOf(values.comment)} error={errors.comment} maxLength={255} />
        </Field>
        {!isNew && <input type="hidden" name="version" value={textOf(values.version)} />}
      </section>

      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-2" aria-labelledby="job-target">
        <h2 id="job-target" className="font-semibold md:col-span-2">
          Job target
        </h2>
        <Field id="target-kind" label="Target" error={errors["target.kind"]}>
          <Select id="target-kind" name="target.kind" value={kind} onChange={(event) => setKind(event.target.value as TargetKind)} error={errors["target.kind"]}>
            {targetKinds.map((value) => (
              <option key={value} value={value}>
                {TARGET_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "MACHINE_PATH" && (
          <Field id="target-machinePath" label="Machine path" error={errors["target.machinePath"]} hint="site|domain|computername with pipes, * for any part (Q161520: colons fail with event 319).">
            <TextInput id="target-machinePath" name="target.machinePath" defaultValue={textOf(target.machinePath)} error={errors["target.machinePath"]} hint className="font-mono" placeholder="BPC|CORP|*" />
          </Field>
        )}
        {kind === "COMPUTERS" && (
          <ComputerPicker defaultValue={smsIds} error={smsIdsError} searchAction={searchComputersAction} />
        )}
        {kind === "MACHINE_GROUP" && (
          <Field id="target-machineGroupId" label="Machine group" error={errors["target.machineGroupId"]}>
            <Select id="target-machineGroupId" name="target.machineGroupId" defaultValue={textOf(target.machineGroupId)} error={errors["target.machineGroupId"]}>
              <option value="">Choose a machine group</option>
              {/* A group of servers only is a server group for the Distribute phase, not a target. */}
              {choices.machineGroups
                .filter((group) => group.memberCount > 0 || group.queryName !== null || group.serverCount === 0 || String(group.id) === textOf(target.machineGroupId))
                .map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name} ({group.queryName !== null ? `computers of query ${group.queryName}` : `${group.memberCount} computers`})
                  </option>
                ))}
            </Select>
          </Field>
        )}
        {kind === "QUERY" && (
          <Field id="target-queryId" label="Query" error={errors["target.queryId"]} hint="A saved query's computers when the job is sent; define queries under Queries.">
            <Select id="target-queryId" name="target.queryId" defaultValue={textOf(target.queryId)} error={errors["target.queryId"]} hint>
              <option value="">Every computer in inventory</option>
              {choices.queries.map((query) => (
                <option key={query.id} value={query.id}>
                  {query.name}: {query.description}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {kind === "SERVER_GROUP" && (
          <Field id="target-machineGroupId" label="Server group" error={errors["target.machineGroupId"]}>
            <Select id="target-machineGroupId" name="target.machineGroupId" defaultValue={textOf(target.machineGroupId)} error={errors["target.machineGroupId"]}>
              <option value="">Choose a server group</option>
              {serverGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name} ({group.serverCount} servers)
                </option>
              ))}
            </Select>
          </Field>
        )}
        {kind === "SERVERS" && (
          <Field id="target-serverNames" label="Servers (names, one per line)" error={serverNamesError}>
            <TextArea id="target-serverNames" name="target.serverNames" rows={3} defaultValue={serverNames} error={serverNamesError} className="font-mono uppercase" />
          </Field>
        )}
        {!isServerJob && (
        <>
        <div className="grid grid-cols-2 gap-2">
          <Field id="target-limitToSiteCode" label="Limit To Sites" error={errors["target.limitToSiteCode"]}>
            <Select id="target-limitToSiteCode" name="target.limitToSiteCode" defaultValue={textOf(target.limitToSiteCode)} error={errors["target.limitToSiteCode"]}>
              <option value="">All sites</option>
              {choices.sites.map((site) => (
                <option key={site.code} value={site.code}>
                  {site.code}
                </option>
              ))}
            </Select>
          </Field>
          <div className="pt-6">
            <Checkbox id="target-includeSubsites" name="target.includeSubsites" label="Include subsites" defaultChecked={isChecked(target.includeSubsites)} />
          </div>
        </div>
        <fieldset id="target-platforms" className="md:col-span-2">
          <legend className="text-sm font-medium">Only these platforms (none ticked: every platform)</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-4">
            {PLATFORMS.map((platform) => (
              <label key={platform} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="target.platforms[]" value={platform} defaultChecked={platforms.includes(platform)} className="size-4" />
                {PLATFORM_LABELS[platform]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="md:col-span-2">
          <legend className="text-sm font-medium">Only these PCM variants (none ticked: every PCM)</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {PCM_VARIANTS.map((variant) => (
              <label key={variant} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="target.pcmVariants[]" value={variant} defaultChecked={pcmVariants.includes(variant)} className="size-4" />
                {PCM_VARIANT_LABELS[variant]}
              </label>
            ))}
          </div>
        </fieldset>
        </>
        )}
      </section>

      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-2" aria-labelledby="job-phases">
        <h2 id="job-phases" className="font-semibold md:col-span-2">
          Send and Distribute phases
        </h2>
        <div className="space-y-2">
          <Checkbox id="sendPhase-isEnabled" name="sendPhase.isEnabled" label="Send phase: send the package to the target sites" defaultChecked={isChecked(send.isEnabled)} />
          <Checkbox id="sendPhase-evenIfPreviouslySent" name="sendPhase.evenIfPreviouslySent" label="Even if previously sent" hint="Source changes only reach sites this way (Q160567)." defaultChecked={isChecked(send.evenIfPreviouslySent)} />
        </div>
        <div className="space-y-2">
          <Checkbox id="distributePhase-putOnSpecifiedServers" name="distributePhase.putOnSpecifiedServers" label="Put on Specified Distribution Servers" defaultChecked={isChecked(distribute.putOnSpecifiedServers)} />
          <Field id="distributePhase-serverGroupId" label="Server group" error={errors["distributePhase.serverGroupId"]}>
            <Select id="distributePhase-serverGroupId" name="distributePhase.serverGroupId" defaultValue={textOf(distribute.serverGroupId)} error={errors["distributePhase.serverGroupId"]}>
              <option value="">{DEFAULT_SERVERS_TEXT}</option>
              {serverGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name} ({group.serverCount} servers)
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox id="distributePhase-refreshExistingServers" name="distributePhase.refreshExistingServers" label="Refresh Existing Distribution Servers" defaultChecked={isChecked(distribute.refreshExistingServers)} />
        </div>
      </section>

      {!isServerJob && (
      <section className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3" aria-labelledby="job-run">
        <h2 id="job-run" className="font-semibold md:col-span-3">
          Run phase
        </h2>
        <div className="space-y-2 md:col-span-3">
          <Checkbox id="runPhase-isEnabled" name="runPhase.isEnabled" label="Run Workstation Command" checked={isRunPhase} onChange={(event) => setIsRunPhase(event.target.checked)} />
        </div>
        <Field id="runPhase-commandLineId" label="Workstation command line" error={errors["runPhase.commandLineId"]}>
          <Select id="runPhase-commandLineId" name="runPhase.commandLineId" defaultValue={textOf(run.commandLineId)} error={errors["runPhase.commandLineId"]} disabled={!isRunPhase}>
            <option value="">{pkg ? "Choose a command line" : "Choose a package first"}</option>
            {pkg?.commandLines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.commandName}
              </option>
            ))}
          </Select>
        </Field>
        <WallClockInput id="runPhase-offerAfter" name="runPhase.offerAfter" label="Offer After" value={offerAfter} onChange={setOfferAfter} now={now} error={errors["runPhase.offerAfter"]} disabled={!isRunPhase} />
        <div className="space-y-2">
          <Checkbox
            id="runPhase-isMandatory"
            name="runPhase.isMandatory"
            label="Mandatory After"
            checked={isMandatory}
            disabled={!isRunPhase}
            onChange={(event) => {
              setIsMandatory(event.target.checked);
              // As in SMS, a new mandatory date defaults to one week ahead (Q238315).
              if (event.target.checked && !mandatoryAfter) setMandatoryAfter(ceilToMinute(defaultMandatoryAfter(undefined, now)).slice(0, 16));
            }}
          />
          <WallClockInput id="runPhase-mandatoryAfter" name="runPhase.mandatoryAfter" label="Mandatory date" value={mandatoryAfter} onChange={setMandatoryAfter} now={now} error={errors["runPhase.mandatoryAfter"]} disabled={!isRunPhase || !isMandatory} />
          <Checkbox id="runPhase-notMandatoryOverSlowLink" name="runPhase.notMandatoryOverSlowLink" label="Not Mandatory over Slow Link" defaultChecked={isChecked(run.notMandatoryOverSlowLink)} disabled={!isRunPhase} />
        </div>
        <div className="space-y-2">
          <Checkbox id="runPhase-isExpiring" name="runPhase.isExpiring" label="Expire After" checked={isExpiring} disabled={!isRunPhase} onChange={(event) => setIsExpiring(event.target.checked)} />
          <WallClockInput id="runPhase-expireAfter" name="runPhase.expireAfter" label="Expiry date" value={expireAfter} onChange={setExpireAfter} now={now} error={errors["runPhase.expireAfter"]} disabled={!isRunPhase || !isExpiring} />
        </div>
      </section>
      )}
    </>
  );
}
