import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { sessionActor } from "@/lib/data/accounts/session";
import { signOutAction } from "../sign-in/actions";
import { safeNext } from "../sign-in/next-path";
import { ChangeGivenPasswordForm } from "./change-given-password-form";

export const metadata: Metadata = { title: "Choose your password" };
export const dynamic = "force-dynamic";

/**
 * Where a user signed in with a password an administrator set (a new user, a reset, the demo's
 * printed one) is sent until they choose their own: outside the console's layout, which sends them here.
 */
export default async function ChangePasswordPage({ searchParams }: PageProps<"/change-password">) {
  const next = safeNext((await searchParams).next);
  const actor = await sessionActor();
  if (!actor) redirect("/sign-in");
  if (!actor.mustChangePassword) redirect(next === "/" ? "/account" : next);
  return (
    <main className="mx-auto mt-16 max-w-sm rounded border border-slate-200 bg-white p-6 shadow-sm sm:mt-24">
      <h1 className="mb-1 text-xl font-semibold">Choose your own password</h1>
      <p className="mb-5 text-sm text-slate-600">
        An administrator set the password you signed in with as {actor.name}. Choose one only you know before you go on; your other sessions will end.
      </p>
      <ChangeGivenPasswordForm next={next} minLength={PASSWORD_MIN_LENGTH} />
      <form action={signOutAction} className="mt-4 text-center">
        <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-800">
          Sign out instead
        </button>
      </form>
    </main>
  );
}
