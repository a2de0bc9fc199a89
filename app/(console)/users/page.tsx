import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/access/roles";
import { listUsers } from "@/lib/data/accounts/users";
import { requirePermission } from "@/app/(console)/access";
import { utcText } from "./utc-text";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePermission("users:manage");
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to the console, and what their role lets them do. Times are UTC."
        actions={
          <ButtonLink href="/users/new" variant="primary">
            New user
          </ButtonLink>
        }
      />
      <Table>
        <thead>
          <tr>
            <Th>Email</Th>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Two-factor</Th>
            <Th className="text-right">Active sessions</Th>
            <Th>Last activity (UTC)</Th>
            <Th>Created (UTC)</Th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 && <EmptyRow colSpan={8}>No users yet.</EmptyRow>}
          {users.map((user) => (
            <tr key={user.id}>
              <Td>
                <Link href={`/users/${user.id}`}>{user.email}</Link>
              </Td>
              <Td>{user.name}</Td>
              <Td>{ROLE_LABELS[user.role]}</Td>
              <Td>
                {user.isDisabled ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
                {user.mustChangePassword && (
                  <>
                    {" "}
                    <Badge tone="info">Must change password</Badge>
                  </>
                )}
              </Td>
              <Td>{user.isTwoFactorEnabled ? <Badge tone="good">On</Badge> : <Badge>Off</Badge>}</Td>
              <Td className="text-right">{user.activeSessionCount}</Td>
              <Td className="font-mono text-xs">{utcText(user.lastActivityAt)}</Td>
              <Td className="font-mono text-xs">{utcText(user.createdAt)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
