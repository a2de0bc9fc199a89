"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form-actions";
import { Field, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { listOf, recordOf, textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";
import { MAX_QUERY_CONDITIONS, OPERATORS_OF_KIND, QUERY_ATTRIBUTE_NAMES, QUERY_ATTRIBUTES, QUERY_JOINERS, QUERY_OPERATOR_LABELS, type QueryAttribute, type QueryOperator } from "@/lib/queries/schema";
import type { QueryPreviewState } from "./actions";

interface ConditionRow {
  key: number;
  joiner: string;
  attribute: QueryAttribute;
  operator: string;
  value: string;
}

const isAttribute = (value: string): value is QueryAttribute => (QUERY_ATTRIBUTE_NAMES as readonly string[]).includes(value);

/** A fresh condition on an attribute: its first operator and, for a choice, its first value. */
function conditionOn(attribute: QueryAttribute, key: number, joiner = "AND"): ConditionRow {
  const definition = QUERY_ATTRIBUTES[attribute];
  return { key, joiner, attribute, operator: OPERATORS_OF_KIND[definition.kind][0]!, value: "choices" in definition ? definition.choices[0]![0] : "" };
}

function rowsOf(values: Record<string, unknown>): ConditionRow[] {
  const rows = listOf(values.conditions).map((entry, index) => {
    const condition = recordOf(entry);
    const attribute = textOf(condition.attribute);
    return { key: index, joiner: textOf(condition.joiner) || "AND", attribute: isAttribute(attribute) ? attribute : "platform", operator: textOf(condition.operator), value: textOf(condition.value) };
  });
  return rows.length ? rows : [conditionOn("platform", 0)];
}

export function QueryForm({ action, previewAction, initialValues, isNew, cancelHref }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; previewAction: (state: QueryPreviewState, formData: FormData) => Promise<QueryPreviewState>; initialValues: Record<string, unknown>; isNew: boolean; cancelHref: string }) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-5xl space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      {!isNew && <input type="hidden" name="version" value={textOf(values.version)} />}
      <div className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-2">
        <Field id="name" label="Query name" error={errors.name}>
          <TextInput id="name" name="name" defaultValue={textOf(values.name)} error={errors.name} maxLength={50} />
        </Field>
        <Field id="comment" label="Comment" error={errors.comment}>
          <TextInput id="comment" name="comment" defaultValue={textOf(values.comment)} error={errors.comment} maxLength={255} />
        </Field>
      </div>
      <Conditions initialRows={rowsOf(values)} errors={errors} formRef={formRef} previewAction={previewAction} />
      <FormActions isPending={isPending} submitLabel={isNew ? "Create query" : "Save query"} cancelHref={cancelHref} />
    </form>
  );
}

function Conditions({ initialRows, errors, formRef, previewAction }: { initialRows: ConditionRow[]; errors: Record<string, string>; formRef: React.RefObject<HTMLFormElement | null>; previewAction: (state: QueryPreviewState, formData: FormData) => Promise<QueryPreviewState> }) {
  const [rows, setRows] = useState(initialRows);
  const [nextKey, setNextKey] = useState(initialRows.length);
  const change = (key: number, patch: Partial<ConditionRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const preview = useLivePreview(rows, formRef, previewAction);
  const listError = errors.conditions;
  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="query-conditions">
      <h2 id="query-conditions" className="font-semibold">
        Conditions
      </h2>
      <p className="text-xs text-slate-600">Each condition is joined to the one before by AND or OR; AND binds tighter, so “A AND B OR C” means “(A and B) or C”, as in SMS 1.2 queries. Patterns use * for any characters and ? for one.</p>
      {listError && <p className="text-sm text-red-700">{listError}</p>}
      <ol className="space-y-2">
        {rows.map((row, index) => {
          const definition = QUERY_ATTRIBUTES[row.attribute];
          const number = index + 1;
          const prefix = `conditions.${index}`;
          const operators: readonly QueryOperator[] = OPERATORS_OF_KIND[definition.kind];
          const rowErrors = ["joiner", "attribute", "operator", "value"].map((field) => errors[`${prefix}.${field}`] ?? (preview.status === "error" ? preview.fieldErrors[`${prefix}.${field}`] : undefined)).filter(Boolean);
          return (
            <li key={row.key} className="flex flex-wrap items-start gap-2">
              {index === 0 ? (
                <span className="w-20 pt-1.5 text-sm text-slate-600">Where</span>
              ) : (
                <select aria-label={`Joiner of condition ${number}`} name={`${prefix}.joiner`} value={row.joiner} onChange={(event) => change(row.key, { joiner: event.target.value })} className="w-20 rounded border border-slate-300 px-2 py-1.5 text-sm">
                  {QUERY_JOINERS.map((joiner) => (
                    <option key={joiner} value={joiner}>
                      {joiner}
                    </option>
                  ))}
                </select>
              )}
              <select aria-label={`Attribute of condition ${number}`} name={`${prefix}.attribute`} value={row.attribute} onChange={(event) => isAttribute(event.target.value) && change(row.key, { ...conditionOn(event.target.value, row.key, row.joiner) })} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
                {QUERY_ATTRIBUTE_NAMES.map((attribute) => (
                  <option key={attribute} value={attribute}>
                    {QUERY_ATTRIBUTES[attribute].label}
                  </option>
                ))}
              </select>
              <select aria-label={`Operator of condition ${number}`} name={`${prefix}.operator`} value={row.operator} onChange={(event) => change(row.key, { operator: event.target.value })} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
                {operators.map((operator) => (
                  <option key={operator} value={operator}>
                    {QUERY_OPERATOR_LABELS[operator]}
                  </option>
                ))}
              </select>
              {"choices" in definition ? (
                <select aria-label={`Value of condition ${number}`} name={`${prefix}.value`} value={row.value} onChange={(event) => change(row.key, { value: event.target.value })} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
                  {definition.choices.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input aria-label={`Value of condition ${number}`} name={`${prefix}.value`} value={row.value} placeholder={definition.example} maxLength={100} onChange={(event) => change(row.key, { value: event.target.value })} aria-invalid={rowErrors.length > 0 || undefined} className="min-w-48 rounded border border-slate-300 px-2 py-1.5 text-sm" />
              )}
              {rows.length > 1 && (
                <Button variant="secondary" aria-label={`Remove condition ${number}`} onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}>
                  Remove
                </Button>
              )}
              {rowErrors.length > 0 && <p className="w-full text-sm text-red-700">{rowErrors.join("; ")}</p>}
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_QUERY_CONDITIONS && (
        <Button
          variant="secondary"
          onClick={() => {
            setRows((current) => [...current, conditionOn("platform", nextKey)]);
            setNextKey(nextKey + 1);
          }}
        >
          Add condition
        </Button>
      )}
      <PreviewPanel preview={preview} />
    </section>
  );
}

/** Asks the server for the draft's count after every change; a slower, older answer never replaces a newer one. */
function useLivePreview(rows: ConditionRow[], formRef: React.RefObject<HTMLFormElement | null>, previewAction: (state: QueryPreviewState, formData: FormData) => Promise<QueryPreviewState>): QueryPreviewState {
  const [preview, setPreview] = useState<QueryPreviewState>({ status: "idle" });
  const [, startTransition] = useTransition();
  const latest = useRef(0);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const request = ++latest.current;
    const formData = new FormData(form);
    startTransition(async () => {
      const answer = await previewAction({ status: "idle" }, formData);
      if (request === latest.current) setPreview(answer);
    });
  }, [rows, formRef, previewAction]);
  return preview;
}

function PreviewPanel({ preview }: { preview: QueryPreviewState }) {
  return (
    <section className="rounded border border-slate-200 bg-slate-50 p-3" aria-live="polite" aria-labelledby="query-preview">
      <h3 id="query-preview" className="text-sm font-semibold">
        Matching computers
      </h3>
      {preview.status === "idle" && <p className="text-sm text-slate-600">Counting…</p>}
      {preview.status === "error" && <p className="text-sm text-slate-700">{preview.message}</p>}
      {preview.status === "success" && (
        <>
          <p className="text-sm">{preview.message}</p>
          {preview.computers.length > 0 && (
            <ul className="mt-1 text-sm">
              {preview.computers.map((computer) => (
                <li key={computer.smsId}>
                  <Link href={`/computers/${computer.smsId}`} className="font-mono">
                    {computer.smsId}
                  </Link>{" "}
                  {computer.name} ({computer.siteCode}, {computer.platform})
                </li>
              ))}
              {preview.total > preview.computers.length && <li className="text-slate-600">and {(preview.total - preview.computers.length).toLocaleString("en-US")} more</li>}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
