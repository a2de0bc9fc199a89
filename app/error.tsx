"use client";

import { useEffect, useState } from "react";
import { databaseProblemOf } from "@/lib/health/database-problem";

/**
 * A page that could not be rendered. In production Next.js hides the error's message from the
 * browser, so when the cause is the database (disk full, lock held, unreachable, damaged) the page
 * asks /health, which names the failed check in the console's own words (issue 14, item 6).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseProblem, setDatabaseProblem] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/health", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? null : response.json()))
      .then((health: unknown) => setDatabaseProblem(databaseProblemOf(health)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [error]);
  return (
    <main className="mx-auto max-w-xl p-10" role="alert">
      <h1 className="text-2xl font-semibold">Something failed</h1>
      <p className="mt-2 text-slate-700">The console could not complete this request. Nothing was changed by the failed step.</p>
      {databaseProblem && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          The database is the cause: {databaseProblem}. The console works again as soon as that clears; no restart is needed.
        </p>
      )}
      {error.digest && <p className="mt-2 font-mono text-sm text-slate-500">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-4 rounded bg-blue-700 px-3 py-1.5 text-white">
        Try again
      </button>
    </main>
  );
}
