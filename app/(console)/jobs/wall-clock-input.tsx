"use client";

import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { normaliseWallClock, parseWallClock } from "@/lib/wall-clock";
import { describeDistance, weekdayOf } from "@/lib/wall-clock-format";

/**
 * A date and time on the site server's wall clock, with its day of week and its distance from
 * now beside it as it changes. SMS did no time-zone conversion, and neither does this field.
 */
export function WallClockInput({
  id,
  name,
  label,
  value,
  onChange,
  now,
  error,
  disabled,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  now: string;
  error?: string;
  disabled?: boolean;
}) {
  const normalised = value ? normaliseWallClock(value) : "";
  // Dates with seconds (from the CLI or an import) keep them; the picker shows minutes otherwise.
  const hasSeconds = /T\d{2}:\d{2}:(?!00)\d{2}$/.test(normalised);
  const isValid = normalised !== "" && parseWallClock(normalised) !== null;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="datetime-local"
        step={hasSeconds ? 1 : 60}
        value={hasSeconds ? normalised : value.slice(0, 16)}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        {...describedBy(id, error, true)}
        className={`${inputClass} max-w-xs font-mono disabled:bg-slate-100 disabled:text-slate-400`}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {isValid ? `${weekdayOf(normalised)}, ${describeDistance(normalised, now)} · ` : ""}site server&apos;s wall clock, no time-zone conversion
      </p>
      <FieldError id={id} error={error} />
    </div>
  );
}
