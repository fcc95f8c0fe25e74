import { readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { FIXTURE_FEED_DIR } from "@/test/support/feed-server";
import { charsetOfContentType, decodeFeedBytes, encodingOfXmlDeclaration } from "./decode";

const fixture = (name: string) => readFileSync(path.join(FIXTURE_FEED_DIR, name));

describe("decoding feed bytes", () => {
  it("reads the charset of a Content-Type and the encoding of an XML declaration", () => {
    expect(charsetOfContentType('application/rss+xml; Charset="ISO-8859-1"')).toBe("iso-8859-1");
    expect(charsetOfContentType("text/xml")).toBeNull();
    expect(encodingOfXmlDeclaration(Buffer.from("<?xml version='1.0' encoding='Windows-1252'?><rss/>"))).toBe("windows-1252");
    expect(encodingOfXmlDeclaration(Buffer.from("<rss encoding='x'/>"))).toBeNull();
  });

  it("reads a feed declared ISO-8859-1 in its XML declaration, with its accents", () => {
    const text = decodeFeedBytes(fixture("gazette-latin1.rss.xml"), "application/rss+xml");
    expect(text).toContain("Économie : l'Algérie et la France");
    expect(text).toContain("« mal définies »");
    expect(text).not.toContain("\ufffd");
  });

  it("drops a UTF-8 byte-order mark, and honours UTF-16 ones", () => {
    const text = decodeFeedBytes(fixture("wire-bom.rss.xml"), null);
    expect(text.startsWith("<?xml")).toBe(true);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<rss>Algérie</rss>", "utf16le")]);
    expect(decodeFeedBytes(utf16, "text/xml; charset=utf-8")).toBe("<rss>Algérie</rss>");
  });

  it("reads windows-1252 bytes served as UTF-8 as windows-1252, curly quotes included", () => {
    const text = decodeFeedBytes(fixture("hebdo-cp1252.rss.xml"), "text/xml; charset=utf-8");
    expect(text).toContain("Tunisie : le “dialogue” reprend avec l’Union européenne…");
    expect(text).not.toContain("\ufffd");
  });

  it("reads 0x80–0x9F of an ISO-8859-1 label as windows-1252 (€, quotes), as browsers do", () => {
    const bytes = iconv.encode("Prix : 5 € — « ok »", "windows-1252");
    expect(decodeFeedBytes(bytes, "text/xml; charset=iso-8859-1")).toBe("Prix : 5 € — « ok »");
  });

  it("lets the Content-Type charset win over the declaration, and reads an unknown label as UTF-8", () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>Maroc – Algérie</t>');
    expect(decodeFeedBytes(bytes, "application/xml; charset=utf-8")).toContain("Maroc – Algérie");
    expect(decodeFeedBytes(Buffer.from("<t>é</t>"), "text/xml; charset=x-unknown")).toBe("<t>é</t>");
  });
});
