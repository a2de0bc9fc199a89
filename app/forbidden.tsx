import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-lg p-6">
      <h1 className="mb-2 text-xl font-semibold">Not allowed</h1>
      <p className="text-sm text-slate-700">Your role does not allow this page. Ask an administrator if you need it.</p>
      <p className="mt-4 text-sm">
        <Link href="/">Back to the dashboard</Link>
      </p>
    </main>
  );
}
