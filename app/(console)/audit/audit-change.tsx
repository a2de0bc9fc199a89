/** The object before and after a change, pretty-printed, folded away until asked for. */
function pretty(json: string | null): string {
  if (json === null) return "";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function AuditChange({ before, after }: { before: string | null; after: string | null }) {
  if (before === null && after === null) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-blue-800">Before / after</summary>
      <div className="mt-1 grid gap-2 md:grid-cols-2">
        <div>
          <p className="font-semibold">Before</p>
          <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{before === null ? "(none)" : pretty(before)}</pre>
        </div>
        <div>
          <p className="font-semibold">After</p>
          <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{after === null ? "(none)" : pretty(after)}</pre>
        </div>
      </div>
    </details>
  );
}
