import Link from "next/link";

export default function Unauthorized() {
  return (
    <main className="mx-auto mt-24 max-w-lg p-6">
      <h1 className="mb-2 text-xl font-semibold">Sign in to continue</h1>
      <p className="text-sm text-slate-700">Your session has ended or you have not signed in.</p>
      <p className="mt-4 text-sm">
        <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
