// From GDELT's listing to stored candidates: which files to read (the latest, and after downtime
// the missed ones in slot order), and each file end to end — download, check, unzip, parse,
// store — with nothing written unless the whole file is.
import type { Db } from "@/server/db-client";
import { DEFAULT_LIMITS, downloadListed, fetchListing, type DownloadLimits } from "./download";
import { readExportRows } from "./export-file";
import { exportFiles, type ListedFile } from "./listing";
import { alreadyRead, newestSlotRead, storeExportFile, type IngestFileFacts, type StoreStep } from "./store";
import { unzippedChunks } from "./unzip";

const SLOT_MS = 15 * 60_000;

export interface GdeltIngestOptions {
  db: Db;
  /** GDELT_BASE_URL: where lastupdate.txt, masterfilelist.txt and the zips are fetched. */
  baseUrl: string;
  /** GDELT_COUNTRIES: ISO alpha-3 codes; a row is kept when both actors are among them. */
  countries: readonly string[];
  signal: AbortSignal;
  limits?: Partial<DownloadLimits>;
  /** Files read per run at most; after a long outage the rest wait for the next runs, in order. */
  maxFilesPerRun?: number;
  /** Missed files older than this before the latest are left to the backfill command. */
  catchUpHours?: number;
  log?: (line: string) => void;
  /** Tests: called inside each file's transaction after each step. */
  afterStep?: (step: StoreStep) => void;
  /** Called after each file that added candidates, once it is committed (the job: auto-accept). */
  afterFile?: (outcome: FileOutcome) => Promise<void>;
}

export interface FileOutcome {
  url: string;
  slot: Date;
  read: number;
  kept: number;
  /** False when the file had been read before (by another run meanwhile): nothing written. */
  added: boolean;
}

export interface IngestRun {
  read: number;
  kept: number;
  files: FileOutcome[];
  /** Missed files left for the next run by the per-run cap. */
  waiting: number;
}

export const DEFAULT_MAX_FILES_PER_RUN = 16;
export const DEFAULT_CATCH_UP_HOURS = 7 * 24;

const limitsOf = (options: Pick<GdeltIngestOptions, "limits">): DownloadLimits => ({ ...DEFAULT_LIMITS, ...options.limits });

/** The file's name under the configured base URL: listings name GDELT's own host, a mirror serves the same names. */
function downloadUrl(baseUrl: string, file: ListedFile): ListedFile {
  const name = file.url.slice(file.url.lastIndexOf("/") + 1);
  return { ...file, url: `${baseUrl.replace(/\/+$/, "")}/${name}` };
}

/** An export file's rows, parsed as they stream in, then stored in one transaction. */
export async function ingestRows(file: IngestFileFacts, rows: AsyncIterable<Buffer>, options: GdeltIngestOptions): Promise<FileOutcome> {
  const parsed = await readExportRows(rows, { tracked: new Set(options.countries), signal: options.signal });
  const stored = await storeExportFile({
    db: options.db,
    file,
    read: parsed.read,
    candidates: parsed.candidates,
    signal: options.signal,
    afterStep: options.afterStep,
  });
  const outcome = { url: file.url, slot: file.slot, read: parsed.read, kept: stored.kept, added: stored.added };
  if (outcome.added && outcome.kept > 0) await options.afterFile?.(outcome);
  return outcome;
}

/** One listed export file, end to end. */
export async function ingestListedFile(file: ListedFile, options: GdeltIngestOptions): Promise<FileOutcome> {
  const limits = limitsOf(options);
  const zip = await downloadListed(downloadUrl(options.baseUrl, file), { signal: options.signal, limits });
  const facts = { url: file.url, slot: file.slot, size: file.size, md5: file.md5 };
  return ingestRows(facts, unzippedChunks(zip, { maxUncompressedBytes: limits.maxUncompressedBytes }), options);
}

/** The export files to read now, oldest first: what was missed since the newest file read, then the latest. */
async function filesToRead(options: GdeltIngestOptions): Promise<{ files: ListedFile[]; waiting: number }> {
  const limits = limitsOf(options);
  const base = options.baseUrl.replace(/\/+$/, "");
  const latest = exportFiles(await fetchListing(`${base}/lastupdate.txt`, { signal: options.signal, limits })).at(-1);
  if (!latest) return { files: [], waiting: 0 };
  const newest = await newestSlotRead(options.db);
  let wanted = [latest];
  if (newest && latest.slot.getTime() - newest.getTime() > SLOT_MS) {
    const earliest = Math.max(newest.getTime(), latest.slot.getTime() - (options.catchUpHours ?? DEFAULT_CATCH_UP_HOURS) * 3_600_000);
    if (earliest > newest.getTime()) options.log?.(`GDELT: files before ${new Date(earliest).toISOString()} are older than the catch-up window; read them with npm run ingest:gdelt -- --from …`);
    const missed = await fetchListing(`${base}/masterfilelist.txt`, {
      signal: options.signal,
      limits,
      keep: (f) => f.kind === "export" && f.slot.getTime() > earliest && f.slot.getTime() < latest.slot.getTime(),
    });
    wanted = [...exportFiles(missed), latest];
  }
  const read = await alreadyRead(options.db, wanted.map((f) => f.url));
  const unread = wanted.filter((f) => !read.has(f.url));
  const cap = options.maxFilesPerRun ?? DEFAULT_MAX_FILES_PER_RUN;
  return { files: unread.slice(0, cap), waiting: Math.max(0, unread.length - cap) };
}

/** One scheduled run: the latest file, and any missed before it, each stored or not at all. */
export async function ingestNewFiles(options: GdeltIngestOptions): Promise<IngestRun> {
  const { files, waiting } = await filesToRead(options);
  if (waiting > 0) options.log?.(`GDELT: ${files.length} missed files this run, ${waiting} more wait for the next runs (at most ${files.length} a run).`);
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    options.signal.throwIfAborted();
    const outcome = await ingestListedFile(file, options);
    outcomes.push(outcome);
    options.log?.(`GDELT ${file.url}: ${outcome.read} rows read, ${outcome.kept} kept${outcome.added ? "" : " (read before: nothing added)"}`);
  }
  return {
    read: outcomes.reduce((sum, o) => sum + o.read, 0),
    kept: outcomes.reduce((sum, o) => sum + o.kept, 0),
    files: outcomes,
    waiting,
  };
}
