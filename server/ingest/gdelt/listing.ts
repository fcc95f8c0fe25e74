// GDELT's file listings, lastupdate.txt and masterfilelist.txt: one file a line,
// `<size-bytes> <md5-hex> <url>`, the URL ending in `YYYYMMDDHHMMSS.<kind>.CSV.zip`.
import { GdeltFileError } from "./errors";

export type GdeltFileKind = "export" | "mentions" | "gkg";

export interface ListedFile {
  size: number;
  md5: string;
  url: string;
  kind: GdeltFileKind;
  /** The 15-minute slot in the file's name, UTC. */
  slot: Date;
}

const LINE = /^(\d{1,12}) ([0-9a-f]{32}) (https?:\/\/\S+)$/;
const NAME = /\/(\d{14})\.(export|mentions|gkg)\.csv\.zip$/i;
const SLOT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** "20150218231500" → its instant, or null when it is not a real quarter-hour. */
export function slotOf(stamp: string): Date | null {
  const m = SLOT.exec(stamp);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour;
  return roundTrips && minute % 15 === 0 && second === 0 && minute < 60 ? date : null;
}

/** The slot's name stamp, "20150218231500". */
export function stampOf(slot: Date): string {
  return slot.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

const KINDS: readonly GdeltFileKind[] = ["export", "mentions", "gkg"];
const kindOf = (written: string): GdeltFileKind => KINDS.find((k) => k === written.toLowerCase()) ?? "gkg";

/** One listing line; `line` is its 1-based number, for the error. */
export function parseListingLine(text: string, line: number): ListedFile {
  const m = LINE.exec(text.endsWith("\r") ? text.slice(0, -1) : text);
  if (!m) throw new GdeltFileError("listing", `not "<size> <md5> <url>": ${JSON.stringify(text.slice(0, 120))}`, line);
  const [, size = "", md5 = "", url = ""] = m;
  const name = NAME.exec(url);
  if (!name) throw new GdeltFileError("listing", `the URL does not end in <YYYYMMDDHHMMSS>.<export|mentions|gkg>.CSV.zip: ${url.slice(0, 200)}`, line);
  const slot = slotOf(name[1] ?? "");
  if (!slot) throw new GdeltFileError("listing", `${name[1]} is not a 15-minute slot`, line);
  return { size: Number(size), md5, url, kind: kindOf(name[2] ?? ""), slot };
}

/** Every line of a listing; the last line end is optional, a blank line is an error. */
export function parseListing(text: string): ListedFile[] {
  if (text === "") return [];
  const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  return lines.map((l, i) => parseListingLine(l, i + 1));
}

/** The export files of a listing, oldest slot first. */
export function exportFiles(files: readonly ListedFile[]): ListedFile[] {
  return files.filter((f) => f.kind === "export").sort((a, b) => a.slot.getTime() - b.slot.getTime());
}
