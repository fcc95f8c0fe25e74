// Feed bytes to text. Feed parsers take strings and guess nothing, and real feeds still declare
// ISO-8859-1, send windows-1252 under a UTF-8 label, or start with a byte-order mark. Order of
// evidence: the BOM, then the Content-Type charset, then the XML declaration; UTF-8 when none.
// ISO-8859-1 and ASCII labels are read as windows-1252 (its superset, as browsers do), and text
// that is not valid UTF-8 under a UTF-8 label is read as windows-1252 rather than full of U+FFFD.
import iconv from "iconv-lite";

const LATIN1_LABELS = new Set(["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252"]);
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  return null;
}

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i.exec(contentType ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

/** The encoding an XML declaration names (read from the first bytes as ASCII), lower-cased, or null. */
export function encodingOfXmlDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function utf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "windows-1252");
  }
}

/** The text of a feed's bytes, given the Content-Type it was served with. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomEncoding(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding);
  const label = charsetOfContentType(contentType) ?? encodingOfXmlDeclaration(bytes) ?? "utf-8";
  if (LATIN1_LABELS.has(label)) return iconv.decode(Buffer.from(bytes), "windows-1252");
  if (UTF8_LABELS.has(label) || !iconv.encodingExists(label)) return utf8OrWindows1252(bytes);
  return iconv.decode(Buffer.from(bytes), label);
}
