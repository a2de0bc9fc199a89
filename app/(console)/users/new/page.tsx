import { PageHeader } from "@/components/ui/page-header";
import { USER_PASSWORD_MIN_LENGTH } from "@/lib/users/schema";
import { createUserAction } from "../actions";
import { requirePermission } from "@/app/(console)/access";
import { UserForm } from "../user-form";

export const metadata = { title: "New user" };

export default async function NewUserPage() {
  await requirePermission("users:manage");
  return (
    <>
      <PageHeader title="New user" description="The user signs in with this e-mail and password; they can add two-factor authentication themselves." />
      <UserForm action={createUserAction} passwordMinLength={USER_PASSWORD_MIN_LENGTH} />
    </>
  );
}
