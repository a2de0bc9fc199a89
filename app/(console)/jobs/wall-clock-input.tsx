"use client";

import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { normaliseWallClock, parseWallClock, wallClockOfText } from "@/lib/wall-clock";
import { describeDistance, wallClockInputText, weekdayOf } from "@/lib/wall-clock-format";

/**
 * A date and time on the site server's wall clock, with its day of week and its distance from
 * now beside it as it changes, typed as YYYY-MM-DD HH:MM (24-hour) whatever the browser's locale.
 * SMS did no time-zone conversion, and neither does this field.
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
  const normalised = value ? normaliseWallClock(wallClockOfText(value)) : "";
  const isValid = normalised !== "" && parseWallClock(normalised) !== null;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {/* Text, not datetime-local: the browser's picker shows AM/PM in a 12-hour locale, and SMS admins read 24-hour site times. */}
      <input
        id={id}
        name={name}
        type="text"
        value={wallClockInputText(value)}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        placeholder="YYYY-MM-DD HH:MM"
        autoComplete="off"
        spellCheck={false}
        maxLength={19}
        {...describedBy(id, error, true)}
        className={`${inputClass} max-w-xs font-mono disabled:bg-slate-100 disabled:text-slate-400`}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {isValid ? `${weekdayOf(normalised)}, ${describeDistance(normalised, now)} · ` : ""}24-hour, site server&apos;s wall clock, no time-zone conversion
      </p>
      <FieldError id={id} error={error} />
    </div>
  );
}
