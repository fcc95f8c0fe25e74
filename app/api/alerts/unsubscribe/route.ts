// One-click unsubscribe from an alert rule's e-mail: the signed token in the address authorises it.
import { getAuthSettings } from "@/server/auth/app-auth";
import { createUnsubscribeHandler } from "@/server/alerts/unsubscribe";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const handle = createUnsubscribeHandler({ db: getDb, secret: () => getAuthSettings().secret });

export { handle as GET, handle as POST };
