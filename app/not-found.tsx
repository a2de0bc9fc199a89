import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">There is no such page, or the record it showed has been deleted.</p>
      <p className="mt-4">
        <Link href="/">Back to the console</Link>
      </p>
    </main>
  );
}
