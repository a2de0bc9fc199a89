import { Field, Select } from "@/components/ui/field";

/** "true"/"false" for a recorded yes or no, "" for not recorded, from a saved record or a submitted form. */
export function triStateValue(value: unknown): "" | "true" | "false" {
  if (value === true || value === "true") return "true";
  if (value === false || value === "false") return "false";
  return "";
}

/** A fact that is yes, no or not recorded (Unknown). */
export function TriStateSelect({ id, name, label, value, error, hint }: { id: string; name?: string; label: string; value: unknown; error?: string; hint?: string }) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <Select id={id} name={name ?? id} defaultValue={triStateValue(value)} error={error} hint={Boolean(hint)}>
        <option value="">Unknown</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </Select>
    </Field>
  );
}
