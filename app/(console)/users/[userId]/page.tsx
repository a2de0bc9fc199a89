import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/access/roles";
import { getUser, listUserSessions } from "@/lib/data/accounts/users";
import { USER_PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { disableUserAction, enableUserAction, resetUserPasswordAction, revokeUserSessionsAction, setUserRoleAction } from "../actions";
import { requirePermission } from "@/app/(console)/access";
import { ActionButton, DisableForm, ResetPasswordForm, RoleForm } from "../user-controls";
import { parseUserId } from "../user-id";
import { utcText } from "../utc-text";

export const metadata = { title: "User" };

export default async function UserPage({ params }: PageProps<"/users/[userId]">) {
  const actor = await requirePermission("users:manage");
  const userId = parseUserId((await params).userId);
  const [user, sessions] = userId === null ? [null, null] : await Promise.all([getUser(userId), listUserSessions({ userId })]);
  if (!user || !sessions) notFound();
  const isSelf = actor.userId === user.id;
  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{user.email}</span>
            <Badge tone="info">{ROLE_LABELS[user.role]}</Badge>
            {user.isDisabled ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
            <Badge tone={user.isTwoFactorEnabled ? "good" : "neutral"}>Two-factor {user.isTwoFactorEnabled ? "on" : "off"}</Badge>
            {user.mustChangePassword && <Badge tone="info">Must change password at next sign-in</Badge>}
          </span>
        }
      />
      <dl className="mb-6 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Created</dt>
        <dd className="font-mono text-xs">{utcText(user.createdAt)}</dd>
        <dt className="font-medium">Last activity</dt>
        <dd className="font-mono text-xs">{utcText(user.lastActivityAt)}</dd>
        {user.isDisabled && (
          <>
            <dt className="font-medium">Disabled because</dt>
            <dd>{user.disabledReason || "no reason given"}</dd>
          </>
        )}
        <dt className="font-medium">Audit trail</dt>
        <dd>
          <Link href={`/audit?${new URLSearchParams({ objectType: "user", objectId: user.id })}`}>Changes to this user</Link>
          {" · "}
          <Link href={`/audit?${new URLSearchParams({ user: user.email })}`}>Actions by this user</Link>
        </dd>
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <RoleForm action={setUserRoleAction.bind(null, user.id)} role={user.role} />
        <ResetPasswordForm action={resetUserPasswordAction.bind(null, user.id)} passwordMinLength={USER_PASSWORD_MIN_LENGTH} />
        {user.isDisabled ? (
          <div className="space-y-3 rounded border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">Enable</h2>
            <p className="text-sm">The user can sign in again with their current password.</p>
            <ActionButton action={enableUserAction.bind(null, user.id)} label="Enable user" pendingLabel="Enabling…" variant="primary" />
          </div>
        ) : isSelf ? (
          <div className="space-y-3 rounded border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">Disable</h2>
            <p className="text-sm">You cannot disable your own account; another administrator can.</p>
          </div>
        ) : (
          <DisableForm action={disableUserAction.bind(null, user.id)} what={user.email} />
        )}
      </div>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Sessions ({sessions.filter((session) => session.isActive).length} active)</h2>
      <Table>
        <thead>
          <tr>
            <Th>Signed in (UTC)</Th>
            <Th>Last activity (UTC)</Th>
            <Th>Ends (UTC)</Th>
            <Th>State</Th>
            <Th>Address</Th>
            <Th>Browser</Th>
          </tr>
        </thead>
        <tbody>
          {sessions.length === 0 && <EmptyRow colSpan={6}>No sessions.</EmptyRow>}
          {sessions.map((session) => (
            <tr key={session.id}>
              <Td className="font-mono text-xs">{utcText(session.createdAt)}</Td>
              <Td className="font-mono text-xs">{utcText(session.lastActivityAt)}</Td>
              <Td className="font-mono text-xs">{utcText(session.expiresAt)}</Td>
              <Td>{session.isActive ? <Badge tone="good">Active</Badge> : <Badge>Ended</Badge>}</Td>
              <Td className="font-mono text-xs">{session.ipAddress ?? "unknown"}</Td>
              <Td className="max-w-md truncate text-xs" title={session.userAgent ?? undefined}>
                {session.userAgent ?? "unknown"}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="mt-3">
        <ActionButton action={revokeUserSessionsAction.bind(null, user.id)} label="Sign out everywhere" pendingLabel="Signing out…" variant="danger" />
      </div>
    </>
  );
}
