import type { Metadata } from "next";
import Link from "next/link";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Second factor" };
export const dynamic = "force-dynamic";

export default async function SecondFactorPage({ searchParams }: PageProps<"/sign-in/second-factor">) {
  const { next } = await searchParams;
  return (
    <main className="mx-auto mt-24 max-w-sm rounded border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">Second factor</h1>
      <p className="mb-5 text-sm text-slate-600">Your account asks for a code from your authenticator app.</p>
      <SecondFactorForm next={typeof next === "string" ? next : "/"} />
      <p className="mt-5 text-sm">
        <Link href="/sign-in">Start again</Link>
      </p>
    </main>
  );
}
