export function FormMessage({ status, message }: { status: "idle" | "success" | "error"; message?: string }) {
  return (
    <div aria-live="polite" role={status === "error" ? "alert" : undefined}>
      {message && (
        <p className={`rounded border px-3 py-2 text-sm ${status === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-800"}`}>
          {message}
        </p>
      )}
    </div>
  );
}
