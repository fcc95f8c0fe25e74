import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
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
      <h1>Admin</h1>
      <nav aria-label="Admin" className="range-links">
        <Link href="/admin/review">Review queue</Link>
        <Link href="/admin/events/new">Record an event</Link>
        <Link href="/admin/conditions/new">Record a standing condition</Link>
        <Link href="/admin/agreements/new">New agreement</Link>
        <Link href="/admin/import">Import events from CSV</Link>
        <Link href="/admin/feeds">News feeds</Link>
        <Link href="/admin/tokens">Feed tokens</Link>
        <Link href="/admin/audit">Audit log</Link>
        <Link href="/admin/jobs">Jobs</Link>
      </nav>
      <h2>Users</h2>
      <UserTable users={users} myId={me.id} />
      <CreateUserForm />
    </>
  );
}
