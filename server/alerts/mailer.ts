// The SMTP transport alert e-mail goes through, made once per process from SMTP_URL.
import { createTransport } from "nodemailer";
import { authSettings } from "../auth/settings";
import type { Env } from "../env";
import type { MailSettings } from "./email";

let cached: { url: string; settings: MailSettings } | undefined;

/**
 * What sending needs, or null when this server sends no e-mail: SMTP_URL unset, or no AUTH_SECRET
 * to sign unsubscribe links with (`npm start` provides one to the app and its worker).
 */
export function mailSettingsOf(env: Pick<Env, "SMTP_URL" | "SMTP_FROM" | "AUTH_SECRET" | "APP_URL" | "PORT">): MailSettings | null {
  if (!env.SMTP_URL || !env.AUTH_SECRET) return null;
  if (cached?.url !== env.SMTP_URL) {
    const { secret, baseURL } = authSettings(env);
    cached = { url: env.SMTP_URL, settings: { transport: createTransport(env.SMTP_URL), from: env.SMTP_FROM, appUrl: baseURL, secret } };
  }
  return cached.settings;
}
