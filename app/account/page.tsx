import type { Metadata } from "next";
import { ChangePasswordForm } from "../_components/auth/change-password-form";
import { FeedTokens } from "../_components/auth/feed-tokens";
import { requireUser } from "@/server/auth/page-guards";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Your account</h1>
      <p className="meta">
        {user.name} · {user.email} · {user.role}
      </p>
      <ChangePasswordForm />
      <FeedTokens />
    </>
  );
}
