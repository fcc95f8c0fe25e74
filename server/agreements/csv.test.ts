import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { csvHeader, csvLines } from "./csv";
import type { AgreementExportRow } from "./service";

const row = (overrides: Partial<AgreementExportRow>): AgreementExportRow => ({
  id: "cm1",
  title: "Protocol",
  kind: "PROTOCOL",
  status: "SIGNED",
  date: new Date("2024-10-28"),
  datePrecision: "DAY",
  summary: null,
  placeName: "Rabat",
  sectors: ["rail", "industry"],
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-02T03:04:05Z"),
  dyad: { key: "FRA-MAR" },
  parties: [
    { name: "ONCF", kind: "PUBLIC_BODY", countryCode: "MAR" },
    { name: "Alstom", kind: "COMPANY", countryCode: "FRA" },
  ],
  signatories: [],
  amounts: [{ amount: new Prisma.Decimal("3000000000"), currency: "MAD", label: "capitalisation", approximate: true }],
  sources: [],
  ...overrides,
});

const parsed = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe("agreements as CSV", () => {
  it("quotes commas, quotes and line breaks so that a CSV reader gets the text back", () => {
    const title = 'Deal on ports, rail and "green" energy';
    const summary = "First line\nsecond line\r\nthird, with a comma";
    const [record] = parsed(csvHeader() + csvLines([row({ title, summary })], "https://m.example"));
    expect(record?.title).toBe(title);
    expect(record?.summary).toBe(summary);
    expect(record?.url).toBe("https://m.example/agreements/cm1");
    expect(record?.parties).toBe("ONCF; Alstom");
    expect(record?.amounts).toBe("3000000000 MAD capitalisation (approximate)");
    expect(record?.date).toBe("2024-10-28");
  });

  it("starts with a byte-order mark and separates records with CRLF", () => {
    const csv = csvHeader() + csvLines([row({})], "");
    expect(csv.startsWith("\uFEFFid,url,title,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3); // header, record, and the empty string after the last CRLF
  });

  it("keeps a spreadsheet from running a cell as a formula", () => {
    const [record] = parsed(csvHeader() + csvLines([row({ title: '=HYPERLINK("http://x","y")', placeName: "@home" })], ""));
    expect(record?.title).toBe(`'=HYPERLINK("http://x","y")`);
    expect(record?.place).toBe("'@home");
  });
});
