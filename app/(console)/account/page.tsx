import type { Metadata } from "next";
import { FormMessage } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS, isRole } from "@/lib/access/roles";
import { getOwnAccount } from "@/lib/data/accounts/sign-in";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { requirePermission } from "../access";
import { ChangePasswordForm } from "./change-password-form";
import { DisableTwoFactor, EnableTwoFactor } from "./two-factor-forms";

export const metadata: Metadata = { title: "Your account" };

const TWO_FACTOR_MESSAGES: Record<string, string> = {
  on: "Two-factor sign-in is on. Keep your backup codes somewhere safe.",
  off: "Two-factor sign-in is off.",
};

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  await requirePermission("console:read");
  const account = await getOwnAccount();
  const { "two-factor": twoFactor, password } = await searchParams;
  const message =
    typeof twoFactor === "string" ? TWO_FACTOR_MESSAGES[twoFactor] : password === "changed" ? "Your password is changed; your other sessions have ended." : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" />
      {message && <FormMessage status="success" message={message} />}
      <dl className="grid max-w-lg grid-cols-[10rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-600">Email</dt>
        <dd>{account.email}</dd>
        <dt className="text-slate-600">Name</dt>
        <dd>{account.name}</dd>
        <dt className="text-slate-600">Role</dt>
        <dd>{isRole(account.role) ? ROLE_LABELS[account.role] : "none"}</dd>
      </dl>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Password</h2>
        <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Two-factor sign-in</h2>
        <p className="text-sm text-slate-700">
          {account.twoFactorEnabled ? "On: signing in asks for a code from your authenticator app." : "Off: signing in asks only for your password."}
        </p>
        {account.twoFactorEnabled ? <DisableTwoFactor /> : <EnableTwoFactor />}
      </section>
    </div>
  );
}
