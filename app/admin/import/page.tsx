import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { ImportPanel } from "@/app/_components/admin/import-panel";
import { requireAdmin } from "@/server/auth/page-guards";
import { EVENT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, SOURCE_COLUMNS } from "@/server/import/columns";

export const metadata: Metadata = { title: "Import events" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await requireAdmin();
  return (
    <>
      <p>
        <Link href="/admin">← Admin</Link>
      </p>
      <h1>Import events from CSV</h1>
      <p className="lede">
        Check a file first: the dry run shows what each row would do and every error by row and column, and writes nothing. The import then writes every
        row or none. Each row carries its own <code>external_id</code>, so importing the same file again changes nothing, and a corrected row updates its
        event.
      </p>
      <p>
        <a href="/api/admin/import/template.csv" download>
          Download the template
        </a>{" "}
        (every column, two example rows). At most {MAX_IMPORT_ROWS.toLocaleString("en")} rows and {MAX_IMPORT_BYTES / 1024 / 1024} MB per file.
      </p>
      <ImportPanel maxBytes={MAX_IMPORT_BYTES} />
      <details className="panel import-format">
        <summary>The file format</summary>
        <p>
          UTF-8 CSV with a header row (a spreadsheet&apos;s &quot;CSV UTF-8&quot; export, BOM and CRLF included); cells with commas, quotes or line breaks
          in double quotes. Column names in any order and case; row 2 is the first event. A column left out of the file keeps what an existing event holds;
          an empty cell clears it. Importing does not archive or restore events.
        </p>
        <table>
          <caption>Columns</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">What goes in it</th>
            </tr>
          </thead>
          <tbody>
            {[...EVENT_COLUMNS, ...SOURCE_COLUMNS].map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.required ? "yes" : "no"}</td>
                <td>{c.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
