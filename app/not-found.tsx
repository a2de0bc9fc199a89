import Link from "next/link";
import { connection } from "next/server";

/**
 * Rendered for each request, not prerendered: Next.js puts the nonce of this response's
 * Content-Security-Policy (proxy.ts) on its scripts only when it renders them per request.
 */
export default async function NotFound() {
  await connection();
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
