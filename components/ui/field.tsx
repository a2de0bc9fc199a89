import type { ComponentProps, ReactNode } from "react";

export const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="text-sm text-red-700">
      {error}
    </p>
  );
}

/** aria props linking a control to its hint and error. */
export function describedBy(id: string, error?: string, hint?: boolean): Pick<ComponentProps<"input">, "aria-invalid" | "aria-describedby"> {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

export function TextInput({ id, error, hint, className = "", ...props }: ComponentProps<"input"> & { id: string; error?: string; hint?: boolean }) {
  return <input id={id} {...describedBy(id, error, hint)} {...props} className={`${inputClass} ${className}`} />;
}

export function TextArea({ id, error, hint, className = "", ...props }: ComponentProps<"textarea"> & { id: string; error?: string; hint?: boolean }) {
  return <textarea id={id} {...describedBy(id, error, hint)} {...props} className={`${inputClass} ${className}`} />;
}

export function Select({ id, error, hint, ...props }: ComponentProps<"select"> & { id: string; error?: string; hint?: boolean }) {
  return <select id={id} {...describedBy(id, error, hint)} {...props} className={inputClass} />;
}

export function Checkbox({ id, label, error, hint, ...props }: ComponentProps<"input"> & { id: string; label: ReactNode; error?: string; hint?: ReactNode }) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" {...describedBy(id, error, Boolean(hint))} {...props} className="mt-0.5 size-4 rounded border-slate-400" />
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}
