import type { Metadata } from "next";
import Link from "next/link";
import { setupLinkState } from "@/lib/data/accounts/first-run";
import { USER_PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { createFirstAdministratorAction } from "./actions";
import { SetupForm } from "./setup-form";

// The token is in this page's address: never send it on in a Referer, never cache the page.
export const metadata: Metadata = { title: "Set up SMS Console", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

/** First run: the one-time link `npm start` prints while no user exists. Reachable signed out. */
export default async function SetupPage({ searchParams }: PageProps<"/setup">) {
  const { token } = await searchParams;
  const setupToken = typeof token === "string" ? token : "";
  const state = await setupLinkState({ token: setupToken });
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">Set up SMS Console</h1>
      {state === "valid" && (
        <>
          <p className="mb-6 text-sm text-slate-700">Create the first administrator. They can then add the other users and give them their roles. This link works once.</p>
          <SetupForm action={createFirstAdministratorAction} token={setupToken} passwordMinLength={USER_PASSWORD_MIN_LENGTH} />
        </>
      )}
      {state === "done" && (
        <p className="text-sm text-slate-700">
          The console is already set up. <Link href="/sign-in">Sign in</Link>, or ask an administrator for an account.
        </p>
      )}
      {state === "invalid" && (
        <div className="space-y-2 text-sm text-slate-700">
          <p role="alert">This setup link is not valid or has expired (links last an hour and work once).</p>
          <p>
            Restart the console with <code>npm start</code> to print a new link, or create the administrator on the console&apos;s machine with{" "}
            <code>npm run sms -- user create --admin --email E --name N</code>.
          </p>
        </div>
      )}
    </main>
  );
}
