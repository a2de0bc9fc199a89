"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-10" role="alert">
      <h1 className="text-2xl font-semibold">Something failed</h1>
      <p className="mt-2 text-slate-700">The console could not complete this request. Nothing was changed by the failed step.</p>
      {error.digest && <p className="mt-2 font-mono text-sm text-slate-500">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-4 rounded bg-blue-700 px-3 py-1.5 text-white">
        Try again
      </button>
    </main>
  );
}
