import type { Metadata } from "next";
import { CreateUserForm, UserTable } from "../_components/admin/user-admin";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await requireAdmin();
  const users = await (await serverCaller()).users.list();
  return (
    <>
      <h1>Users</h1>
      <UserTable users={users} myId={me.id} />
      <CreateUserForm />
    </>
  );
}
