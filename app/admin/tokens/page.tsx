import type { Metadata } from "next";
import { RevokeTokenButton } from "@/app/_components/admin/token-admin";
import { ColumnHeads } from "@/app/_components/column-heads";
import { formatMoment } from "@/app/_components/format";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { ADMIN_TOKEN_PAGE } from "@/server/feed-tokens/service";
import { describeTokenState, tokenState } from "@/server/feed-tokens/state";
import { isoDayOf } from "@/server/scope/day";

export const metadata: Metadata = { title: "Feed tokens" };
export const dynamic = "force-dynamic";

export default async function AdminTokensPage() {
  await requireAdmin();
  const { tokens, more } = await (await serverCaller()).feedTokens.listAll();
  const now = new Date();
  return (
    <>
      <h1>Feed tokens</h1>
      <p className="meta">
        Everyone&apos;s personal feed tokens, newest first{more ? ` (the newest ${ADMIN_TOKEN_PAGE})` : ""}. Revoking one is recorded in the audit
        log; its reader is refused from its next request.
      </p>
      {tokens.length === 0 ? (
        <p className="empty">Nobody has made a feed token yet.</p>
      ) : (
        <table aria-label="Everyone's feed tokens">
          <ColumnHeads columns={["User", "Name", "Created", "Last used", "Expires", "State", "Actions"]} />
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.user.name} ({t.user.email})
                </td>
                <td>{t.name}</td>
                <td>{isoDayOf(t.createdAt)}</td>
                <td>{formatMoment(t.lastUsedAt)}</td>
                <td>{isoDayOf(t.expiresAt)}</td>
                <td>{describeTokenState(t, now)}</td>
                <td>{tokenState(t, now) === "active" && <RevokeTokenButton tokenId={t.id} label={`Revoke ${t.name} of ${t.user.name}`} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
