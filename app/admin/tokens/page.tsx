import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RevokeTokenButton } from "@/app/_components/admin/token-admin";
import { tokenStateIn } from "@/app/_components/auth/token-state";
import { ColumnHeads } from "@/app/_components/column-heads";
import { getFormat } from "@/app/_components/server-format";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { ADMIN_TOKEN_PAGE } from "@/server/feed-tokens/service";
import { tokenState } from "@/server/feed-tokens/state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPages.tokens"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AdminTokensPage() {
  await requireAdmin();
  const [{ tokens, more }, t, account, format] = await Promise.all([
    (await serverCaller()).feedTokens.listAll(),
    getTranslations("adminPages.tokens"),
    getTranslations("account.tokens"),
    getFormat(),
  ]);
  const describeState = tokenStateIn({ state: (values) => account("state", values), reason: (key) => account(`reasons.${key}`) }, format);
  const now = new Date();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">{more ? t("introNewest", { count: format.number(ADMIN_TOKEN_PAGE) }) : t("intro")}</p>
      {tokens.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table aria-label={t("table")}>
          <ColumnHeads columns={[t("columns.user"), t("columns.name"), t("columns.created"), t("columns.lastUsed"), t("columns.expires"), t("columns.state"), t("columns.actions")]} />
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td dir="auto">
                  {token.user.name} ({token.user.email})
                </td>
                <td dir="auto">{token.name}</td>
                <td>{format.day(token.createdAt)}</td>
                <td>{format.moment(token.lastUsedAt)}</td>
                <td>{format.day(token.expiresAt)}</td>
                <td>{describeState(token, now)}</td>
                <td>
                  {tokenState(token, now) === "active" && <RevokeTokenButton tokenId={token.id} label={t("revoke", { name: token.name, user: token.user.name })} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
