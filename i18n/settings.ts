// What server and browser format with alike, so both render the same text (no hydration mismatch).
import type { IntlError } from "next-intl";

export const TIME_ZONE = "UTC";

export const intlSettings = {
  timeZone: TIME_ZONE,
  // A missing translation is a bug the key test catches; in production the reader sees the key's path
  // (which the journeys look for) rather than a crashed page.
  onError(error: IntlError) {
    if (process.env.NODE_ENV !== "production") console.error(error.message);
  },
  getMessageFallback({ namespace, key }: { namespace?: string; key: string }) {
    return [namespace, key].filter(Boolean).join(".");
  },
};
