import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "../_components/auth/login-form";
import { safeNextPath } from "@/server/auth/paths";
import { requestContext } from "@/server/caller";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(Array.isArray(next) ? next[0] : next);
  if ((await requestContext()).user) redirect(target);
  return (
    <>
      <h1>Sign in</h1>
      <LoginForm next={target} />
    </>
  );
}
