"use client";

import type { ReactNode } from "react";
import { Checkbox, Field, FieldError, Select, TextInput } from "@/components/ui/field";
import { PLATFORM_LABELS, PLATFORMS } from "@/lib/platforms";
import { isChecked, listOf, textOf } from "@/components/ui/form-values";
import { TriStateSelect } from "@/components/ui/tri-state-select";

/** One workstation command line: the Command Line Properties dialog of SMS 1.2 (digest §2.3), with its findings as children. */
export function CommandLineFields({
  index,
  values,
  errors,
  onRemove,
  children,
}: {
  index: number;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  onRemove: () => void;
  children?: ReactNode;
}) {
  const name = (field: string) => `commandLines.${index}.${field}`;
  const id = (field: string) => `commandLines-${index}-${field}`;
  const platforms = listOf(values.supportedPlatforms).map(String);
  const userInput = values.isUserInputRequired === undefined || values.isUserInputRequired === "" ? "" : String(values.isUserInputRequired);
  return (
    <fieldset className="rounded border border-slate-300 bg-slate-50 p-4" aria-labelledby={id("legend")}>
      <div className="mb-3 flex items-center justify-between">
        <legend id={id("legend")} className="font-medium">
          Command line {index + 1}
        </legend>
        <button type="button" onClick={onRemove} className="text-sm text-red-700 underline">
          Remove command line {index + 1}
        </button>
      </div>
      {values.id !== undefined && <input type="hidden" name={name("id")} value={textOf(values.id)} />}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={id("commandName")} label="Command name" error={errors[name("commandName")]} hint="Shown in PCM under Command Name (the .INS WCL Name).">
          <TextInput id={id("commandName")} name={name("commandName")} defaultValue={textOf(values.commandName)} error={errors[name("commandName")]} hint maxLength={100} />
        </Field>
        <Field id={id("commandLine")} label="Command line" error={errors[name("commandLine")]} hint="Relative to the package source directory, e.g. setup\setup.exe /q.">
          <TextInput id={id("commandLine")} name={name("commandLine")} defaultValue={textOf(values.commandLine)} error={errors[name("commandLine")]} hint maxLength={255} className="font-mono" />
        </Field>
      </div>
      <div className="mt-4 grid gap-2 md:grid-cols-2">
        <Checkbox id={id("isAutomated")} name={name("isAutomated")} label="Automated Command Line" defaultChecked={isChecked(values.isAutomated)} error={errors[name("isAutomated")]} />
        <Checkbox
          id={id("isSystemTask")}
          name={name("isSystemTask")}
          label="System (Background) Task"
          hint="Run only by the PCM service (Pcmsvc32), never by the desktop PCM."
          defaultChecked={isChecked(values.isSystemTask)}
          error={errors[name("isSystemTask")]}
        />
        <Checkbox
          id={id("isSynchronousSystemExitRequired")}
          name={name("isSynchronousSystemExitRequired")}
          label="SynchronousSystemExitRequired (a Package Definition File (PDF) key)"
          defaultChecked={isChecked(values.isSynchronousSystemExitRequired)}
          error={errors[name("isSynchronousSystemExitRequired")]}
        />
        <Checkbox
          id={id("restartsComputer")}
          name={name("restartsComputer")}
          label="Restarts the computer"
          hint="Console flag for off-hours scheduling checks."
          defaultChecked={isChecked(values.restartsComputer)}
          error={errors[name("restartsComputer")]}
        />
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Field id={id("isUserInputRequired")} label="UserInputRequired (PDF-only setting)" error={errors[name("isUserInputRequired")]}>
          <Select id={id("isUserInputRequired")} name={name("isUserInputRequired")} defaultValue={userInput} error={errors[name("isUserInputRequired")]}>
            <option value="">Not defined in the PDF</option>
            <option value="false">FALSE: no user input</option>
            <option value="true">TRUE: requires user input</option>
          </Select>
        </Field>
        <TriStateSelect
          id={id("requiresAdministratorRights")}
          name={name("requiresAdministratorRights")}
          label="Needs local administrator rights"
          value={values.requiresAdministratorRights}
          error={errors[name("requiresAdministratorRights")]}
          hint="The program installs into places users cannot write (for the requirement review; leave Unknown when unsure)."
        />
      </div>
      <fieldset className="mt-4" aria-describedby={errors[name("supportedPlatforms")] ? `${id("supportedPlatforms")}-error` : undefined}>
        <legend className="text-sm font-medium">Supported Platforms</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2 lg:grid-cols-4">
          {PLATFORMS.map((platform) => (
            <label key={platform} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`${name("supportedPlatforms")}[]`} value={platform} defaultChecked={platforms.includes(platform)} className="size-4" />
              {PLATFORM_LABELS[platform]}
            </label>
          ))}
        </div>
        <FieldError id={id("supportedPlatforms")} error={errors[name("supportedPlatforms")]} />
      </fieldset>
      {children}
    </fieldset>
  );
}
