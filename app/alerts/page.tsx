import type { Metadata } from "next";
import { AlertsPanel } from "../_components/alerts/alerts-panel";
import { Link } from "@/app/_components/link";
import { requireUser } from "@/server/auth/page-guards";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

/** A route handler, not a page: a plain link, so the browser downloads the document. */
const ALERTS_FEED = "/api/feeds/alerts.atom";

export default async function AlertsPage() {
  await requireUser();
  return (
    <>
      <h1>Alerts</h1>
      <p className="meta">
        Alerts fire after a publish moves a dyad you watch, brings a strong event to it or records an agreement your filter matches. A
        rule fires at most once per cooldown (an hour); changes in between are grouped into its next alert. With Edit, a rule also
        posts its alerts to a webhook (signed; Send test checks it) or e-mails them, at once or in a digest, when this server sends
        e-mail.
      </p>
      <p className="meta">
        Your alerts are also an <a href={ALERTS_FEED}>Atom feed</a> (add <code>?rule=&lt;id&gt;</code> for one rule&apos;s). A
        feed reader adds one of your <Link href="/account">feed tokens</Link> to the address (<code>?token=…</code>) or sends it as{" "}
        <code>Authorization: Bearer …</code>.
      </p>
      <AlertsPanel />
    </>
  );
}
