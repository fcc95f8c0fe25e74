import type { ReactNode } from "react";
import { requireAdmin } from "@/server/auth/page-guards";

// The guard runs here, above loading.tsx: inside the loading boundary the response would already
// have started as a 200 when the page refused an analyst, instead of a real 403.
export default async function FeedsLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
