// The import template: every column and two example rows.
import { getAuth, getAuthSettings } from "@/server/auth/app-auth";
import { getDb } from "@/server/db";
import { createTemplateHandler } from "@/server/import/handler";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return createTemplateHandler({ db: getDb(), auth: getAuth(), trustedOrigins: getAuthSettings().trustedOrigins })(req);
}
