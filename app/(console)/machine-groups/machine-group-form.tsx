"use client";

import { FormActions } from "@/components/ui/form-actions";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { textOf } from "@/components/ui/form-values";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionState } from "@/lib/action-state";

/** Errors on list entries arrive as members.3; show them all under the list. */
function listErrors(errors: Record<string, string>, list: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([key]) => key === list || key.startsWith(`${list}.`))
    .map(([, message]) => message);
  return messages.length ? messages.join("; ") : undefined;
}

export function MachineGroupForm({
  action,
  initialValues,
  isNew,
  cancelHref,
  queries,
}: {
  /** Saved queries a dynamic group can take its computers from. */
  queries: { name: string; description: string }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initialValues: Record<string, unknown>;
  isNew: boolean;
  cancelHref: string;
}) {
  const { state, formAction, isPending, values, errors, message, formKey, formRef } = useActionForm(action, initialValues);
  const memberErrors = listErrors(errors, "members");
  const serverErrors = listErrors(errors, "servers");
  return (
    <form key={formKey} ref={formRef} action={formAction} className="max-w-3xl space-y-4" noValidate>
      <FormMessage status={state.status} message={message} />
      {!isNew && <input type="hidden" name="version" value={textOf(values.version)} />}
      <div className="grid gap-4 rounded border border-slate-200 bg-white p-4">
        <Field id="name" label="Machine group name" error={errors.name}>
          <TextInput id="name" name="name" defaultValue={textOf(values.name)} error={errors.name} maxLength={50} />
        </Field>
        <Field id="comment" label="Comment" error={errors.comment}>
          <TextInput id="comment" name="comment" defaultValue={textOf(values.comment)} error={errors.comment} maxLength={255} />
        </Field>
        <Field id="query" label="Computers from a query" error={errors.query} hint="A dynamic group: its computers are the query's result whenever it is used, as an MECM collection's query rule. Leave the member list empty.">
          <Select id="query" name="query" defaultValue={textOf(values.query)} error={errors.query} hint>
            <option value="">None: the member computers listed below</option>
            {queries.map((query) => (
              <option key={query.name} value={query.name}>
                {query.name}: {query.description}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="members" label="Member computers (SMS IDs, one per line)" error={memberErrors} hint="Targets for Run Command On Workstation jobs.">
          <TextArea id="members" name="members" rows={8} defaultValue={textOf(values.members)} error={memberErrors} hint className="font-mono uppercase" />
        </Field>
        <Field id="servers" label="Servers (names, one per line)" error={serverErrors} hint="Makes this group a server group for a job's Distribute phase.">
          <TextArea id="servers" name="servers" rows={3} defaultValue={textOf(values.servers)} error={serverErrors} hint className="font-mono uppercase" />
        </Field>
      </div>
      <FormActions isPending={isPending} submitLabel={isNew ? "Create machine group" : "Save machine group"} cancelHref={cancelHref} />
    </form>
  );
}
