import type { Metadata } from "next";
import { AlertsPanel } from "../_components/alerts/alerts-panel";
import { requireUser } from "@/server/auth/page-guards";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  await requireUser();
  return (
    <>
      <h1>Alerts</h1>
      <p className="meta">
        Alerts fire after a publish moves a dyad you watch. A rule fires at most once per cooldown (an hour); changes in between are
        grouped into its next alert. With Edit, a rule also posts its alerts to a webhook (signed; Send test checks it) or e-mails
        them, at once or in a digest, when this server sends e-mail.
      </p>
      <AlertsPanel />
    </>
  );
}
