// Settings, validated once at start: a bad value stops the app with one clear line.
import { z } from "zod";
import { MAX_PROXY_HOPS } from "./auth/client-address";
import { databaseLimitsSchema } from "./db-limits";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** On unless set to 0 or false. */
const flagOn = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v !== "0" && v !== "false");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** An external PostgreSQL server. Unset: an embedded one is started (scripts/start.ts). */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  /**
   * A read replica of DATABASE_URL (streaming replication): queries and pages read there, writes
   * and sessions stay on the primary (server/db-replica.ts). Unset: everything on DATABASE_URL.
   */
  DATABASE_REPLICA_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  /** Where the embedded PostgreSQL keeps its data, and its port (used without DATABASE_URL). */
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Connections per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Statement, idle-transaction and pool-wait limits (server/db-limits.ts). */
  ...databaseLimitsSchema.shape,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Server processes `npm start` runs on PORT (scripts/serve-args.ts); `--instances N` wins. Unset: one per core in production. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64, "must be at most 64").optional(),
  /** Interface to listen on: loopback unless you mean otherwise. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Create the demo users (printed at start). Always on with the embedded database. */
  SEED_DEMO: flag,
  /** Opt-in raster tiles under the offline base map, e.g. https://tile.example/{z}/{x}/{y}.png */
  MAP_TILE_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).optional(),
  /**
   * Signs session cookies. `npm start` on the embedded database (and `npm run dev`) generates
   * one and keeps it in .data/auth-secret; with DATABASE_URL every instance must share one.
   */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  /**
   * The address users open, e.g. https://monitor.example.org. Cookies are Secure when it is
   * https, and state-changing requests must come from its origin. Unset: http://localhost:PORT.
   */
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0: none, the header
   * is ignored (a client could write anything in it). See server/auth/client-address.ts.
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number of proxies" })
    .int("must be a whole number of proxies")
    .min(0, "must be 0 (no proxy) or more")
    .max(MAX_PROXY_HOPS, `must be at most ${MAX_PROXY_HOPS}`)
    .default(0),
  /** Where GDELT 2.0 publishes lastupdate.txt, masterfilelist.txt and the 15-minute zips. */
  GDELT_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("http://data.gdeltproject.org/gdeltv2")
    .transform((url) => url.replace(/\/+$/, "")),
  /** GDELT rows are kept when both actors' countries are in this list (ISO alpha-3, comma-separated). */
  GDELT_COUNTRIES: z
    .string()
    .default("FRA,DZA,MAR,TUN,LBY,MRT")
    .transform((list) => [...new Set(list.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^[A-Z]{3}$/, "must be ISO alpha-3 codes separated by commas, e.g. FRA,DZA,MAR")).min(2, "name at least two countries")),
  /**
   * The SMTP server alert e-mail is sent through, e.g. smtps://user:password@mail.example.org:465.
   * Unset: alerts offer no e-mail (in the app and the API).
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /** The sender of alert e-mail. */
  SMTP_FROM: z.string().min(3).max(300).default("Maghreb Monitor <alerts@localhost>"),
  /**
   * Let news feeds and webhooks point at 127.0.0.1 in production too: only for the loopback
   * stand-ins of the demo and the end-to-end tests (server/http/outbound-target.ts).
   */
  ALLOW_LOOPBACK_TARGETS: flag,
  /** Background jobs (server/jobs/): `0` starts no runner with `npm start`. */
  JOBS: flagOn,
  /** Ingestion jobs (GDELT, news feeds): `0` neither schedules nor runs them. */
  INGEST: flagOn,
  /**
   * Four eyes: on (the default), an admin's new record or edit is a draft that another admin
   * publishes (server/drafts/); `0` lets admins publish directly, for one-person deployments.
   */
  REVIEW_REQUIRED: flagOn,
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `FOO= npm start`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings — ${lines.join("; ")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
