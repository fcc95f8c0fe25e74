// next-intl's types for this app: its locales and its message keys (English's files).
import type { Messages } from "./i18n/messages";
import type { Locale } from "./server/i18n/locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
