"use client";

import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Select, TextInput, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Table, Td, Th } from "@/components/ui/table";
import type { DefinitionProblem } from "@/lib/pdf/definition";
import { PLATFORM_LABELS } from "@/lib/platforms";
import { importPackageDefinitionAction, type PdfImportState } from "./actions";

const TONE = { error: "bad", warning: "warn", info: "info" } as const;

function ProblemTable({ problems }: { problems: DefinitionProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Table aria-label="Problems in the PDF">
      <thead>
        <tr>
          <Th>Line</Th>
          <Th>Severity</Th>
          <Th>Problem</Th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={index}>
            <Td className="font-mono">{problem.line || "—"}</Td>
            <Td>
              <Badge tone={TONE[problem.severity]}>{problem.severity}</Badge>
            </Td>
            <Td>{problem.message}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Import PDF: choose a file and a site, see the package it defines, then create it (or go back). */
export function ImportPdfForm({ sites }: { sites: { code: string; name: string }[] }) {
  const [state, formAction, isPending] = useActionState<PdfImportState, FormData>(importPackageDefinitionAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const siteCode = state.status === "idle" ? (sites.length === 1 ? sites[0]!.code : "") : state.siteCode;
  if (state.status === "preview") {
    const pkg = state.package;
    return (
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="pdf" value={state.pdf} />
        <input type="hidden" name="fileName" value={state.fileName} />
        <input type="hidden" name="siteCode" value={state.siteCode} />
        <h2 className="text-lg font-semibold">Preview of {state.fileName}</h2>
        <p className="text-sm text-slate-700">Nothing has been created yet. Check the package and its command lines, then create it.</p>
        <Field id="name" label="Package name">
          <TextInput id="name" name="name" defaultValue={pkg.name} maxLength={100} />
        </Field>
        <dl className="grid gap-x-6 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">Site</dt>
          <dd className="font-mono">{state.siteCode}</dd>
          <dt className="font-medium text-slate-600">Product</dt>
          <dd>{pkg.product || "—"}</dd>
          <dt className="font-medium text-slate-600">Version</dt>
          <dd>{pkg.productVersion || "—"}</dd>
          <dt className="font-medium text-slate-600">Comment</dt>
          <dd>{pkg.comments || "—"}</dd>
          <dt className="font-medium text-slate-600">Inventory</dt>
          <dd>{pkg.inventory ? `${pkg.inventory.isInventoried ? "Inventoried" : "Not inventoried"}; detection rule ${pkg.inventory.detectionRule || "—"} over ${pkg.inventory.files.map((file) => file.fileName).join(", ") || "no files"}` : "Not set up"}</dd>
        </dl>
        <Table aria-label="Command lines to create">
          <thead>
            <tr>
              <Th>Command name</Th>
              <Th>Command line</Th>
              <Th>UserInputRequired</Th>
              <Th>Properties</Th>
              <Th>Supported Platforms</Th>
            </tr>
          </thead>
          <tbody>
            {pkg.commandLines.map((line) => (
              <tr key={line.commandName}>
                <Td>{line.commandName}</Td>
                <Td className="font-mono">{line.commandLine}</Td>
                <Td>{line.isUserInputRequired === undefined ? "Not defined" : line.isUserInputRequired ? "TRUE" : "FALSE"}</Td>
                <Td>{[line.isSystemTask && "System (Background) Task", line.isSynchronousSystemExitRequired && "SynchronousSystemExitRequired"].filter(Boolean).join(", ") || "—"}</Td>
                <Td>{line.supportedPlatforms.map((platform) => PLATFORM_LABELS[platform]).join(", ")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <ProblemTable problems={state.problems} />
        <div className="flex gap-2">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Creating…" : "Create package"}
          </Button>
          <ButtonLink href="/packages/import">Choose another file</ButtonLink>
        </div>
      </form>
    );
  }
  return (
    <form action={formAction} className="max-w-2xl space-y-4">
      <FormMessage status={state.status === "error" ? "error" : "idle"} message={state.status === "error" ? state.message : undefined} />
      <Field id="file" label="Package Definition File (.PDF)" error={errors.file} hint="An SMS 1.x PDF such as OFF95STD.PDF; at most 256 KB.">
        <input id="file" name="file" type="file" accept=".pdf,.PDF" className={inputClass} aria-invalid={errors.file ? true : undefined} aria-describedby="file-hint" />
      </Field>
      <Field id="siteCode" label="Site" error={errors.siteCode} hint="The site allocates the package ID.">
        <Select id="siteCode" name="siteCode" defaultValue={siteCode} error={errors.siteCode} hint>
          <option value="">Choose a site</option>
          {sites.map((site) => (
            <option key={site.code} value={site.code}>
              {site.code}: {site.name}
            </option>
          ))}
        </Select>
      </Field>
      {state.status === "error" && <ProblemTable problems={state.problems} />}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Reading…" : "Preview"}
      </Button>
    </form>
  );
}
