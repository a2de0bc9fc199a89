import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/data/accounts/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next } = await searchParams;
  const target = typeof next === "string" ? next : "/";
  if (await sessionActor()) redirect("/");
  return (
    <main className="mx-auto mt-24 max-w-sm rounded border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">SMS Console</h1>
      <p className="mb-5 text-sm text-slate-600">Sign in with the account an administrator made for you.</p>
      <SignInForm next={target} />
      <p className="mt-5 text-xs text-slate-500">Forgot your password? An administrator can reset it on the Users page or with <code>sms user reset-password</code>.</p>
    </main>
  );
}
