// Prisma's own schema engine, as WebAssembly, driving PostgreSQL through the pg driver adapter.
// Why not `prisma migrate`: its CLI downloads a native engine at run time, which fails offline.
// This is the same engine, shipped inside an npm package; it writes and records migrations
// exactly as `prisma migrate dev/deploy` do (same folder format, same _prisma_migrations table).
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { DatabaseError, Pool, type Client, type PoolConfig } from "pg";
import { randomUUID } from "node:crypto";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

let loaded: Promise<void> | undefined;

/** Instantiates the .wasm by hand, so no `--experimental-wasm-modules` flag is needed. */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    // The engine reports a Rust panic's message through this global before it traps.
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: {
        set_message(message: string) {
          console.error(`Prisma schema engine panicked: ${message}`);
        },
      },
    });
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineGlue });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export async function openSchemaEngine(databaseUrl: string): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  await loadWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const factory = new MigrationAdapterFactory(poolConfigOf(databaseUrl), new URL(databaseUrl).searchParams.get("schema") ?? undefined);
  const engine = await engineGlue.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}

/**
 * Owns every pool the engine uses, so that closing the engine closes them and drops the
 * shadow databases it made (the engine itself leaves both behind).
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly main: Pool;
  private readonly shadows: { database: string; pool: Pool }[] = [];

  constructor(
    private readonly config: PoolConfig,
    private readonly schema: string | undefined,
  ) {
    this.main = quietPool(config);
  }

  connect() {
    return withWholeScripts(withCharColumns(new PrismaPg(this.main, { schema: this.schema }).connect()), this.main);
  }

  async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.main.query(`CREATE DATABASE "${database}"`);
    const pool = quietPool({ ...this.config, database });
    this.shadows.push({ database, pool });
    return withWholeScripts(withCharColumns(new PrismaPg(pool).connect()), pool);
  }

  async close(): Promise<void> {
    for (const { database, pool } of this.shadows.splice(0)) {
      await pool.end();
      await this.main.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
    await this.main.end();
  }
}

/**
 * Fields, not a connectionString: a shadow database is opened by overriding `database`,
 * which a connectionString would silently win over. `?schema=` (Prisma's own parameter) puts
 * the migrations in that schema instead of public, as a restore builds its copy beside the
 * live one; `?application_name=` names the connections in pg_stat_activity.
 */
function poolConfigOf(databaseUrl: string): PoolConfig {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema");
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema=${schema}: expected a lower-case SQL name`);
  return {
    ...(schema !== null && { options: `-c search_path=${schema}` }),
    application_name: url.searchParams.get("application_name") ?? undefined,
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMN_MARK = "\u0000char";

/**
 * The engine describes a database through catalog columns of PostgreSQL's one-byte "char"
 * type (pg_constraint.contype, pg_class.relkind, …) and expects them typed as Character;
 * the pg adapter has no mapping for that type and refuses the whole result. So the wire
 * description calls such a column text and marks its name, and `withCharColumns` below
 * turns marked columns back into Character ones.
 */
function quietPool(config: PoolConfig): Pool {
  const pool = new Pool({ ...config, max: 2 });
  // A server restart must not crash the process through an idle client's error event.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    const { connection } = client as Client;
    connection.prependListener("rowDescription", (message: { fields: { name: string; dataTypeID: number }[] }) => {
      for (const field of message.fields) {
        if (field.dataTypeID !== PG_INTERNAL_CHAR_OID) continue;
        field.dataTypeID = PG_TEXT_OID;
        field.name += CHAR_COLUMN_MARK;
      }
    });
  });
  return pool;
}

async function withCharColumns(adapterPromise: Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
  const adapter = await adapterPromise;
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (!name.endsWith(CHAR_COLUMN_MARK)) return;
      result.columnNames[i] = name.slice(0, -CHAR_COLUMN_MARK.length);
      result.columnTypes[i] = ColumnTypeEnum.Character;
    });
    return result;
  };
  return adapter;
}

/**
 * The pg adapter runs a migration script by splitting it at every ";", which cuts a function
 * or trigger body ($$ … ; … $$) in pieces. Prisma's native engine sends the whole script in
 * one simple-protocol query, which PostgreSQL runs as one implicit transaction; so do we.
 */
async function withWholeScripts(adapterPromise: Promise<SqlDriverAdapter>, pool: Pool): Promise<SqlDriverAdapter> {
  const adapter = await adapterPromise;
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "N/A",
        severity: error.severity ?? "N/A",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
    }
  };
  return adapter;
}

/** The migrations folder, read as the engine expects it. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (e: unknown) => ({ tag: "error" as const, value: String(e) }),
        ),
      },
    })),
  );
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };
