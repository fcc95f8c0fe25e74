"use client";
// Personal feed tokens: for a feed reader or a script that cannot sign in. The token is shown
// once, when created; it expires after FEED_TOKEN_DAYS, and revoking one (or changing the
// password) stops every reader that uses it at its next request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { createFeedTokenInput } from "@/server/feed-tokens/schemas";
import { FEED_TOKEN_DAYS, tokenState } from "@/server/feed-tokens/state";
import { ColumnHeads } from "../column-heads";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { useFormat } from "../use-format";
import { tokenStateIn } from "./token-state";

/** "active until 27 Feb 2027", "revoked 20 Nov 2026 (password changed)", in the reader's language. */
function useTokenState() {
  const t = useTranslations("account.tokens");
  const format = useFormat();
  return tokenStateIn({ state: (values) => t("state", values), reason: (key) => t(`reasons.${key}`) }, format);
}

export function FeedTokens() {
  const t = useTranslations("account.tokens");
  const format = useFormat();
  const describeState = useTokenState();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.feedTokens.list.queryOptions());
  const [created, setCreated] = useState<string | null>(null);
  const form = useSchemaForm(createFeedTokenInput, { defaultValues: { name: "" }, ...CHECK_ON_SUBMIT });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feedTokens.list.queryKey() });
  const create = useMutation(
    trpc.feedTokens.create.mutationOptions({
      onSuccess: (made) => {
        setCreated(made.token);
        form.reset();
        void refresh();
      },
      onError: (e) => showRefusal(form, e),
    }),
  );
  const revoke = useMutation(trpc.feedTokens.revoke.mutationOptions({ onSuccess: () => void refresh(), onError: (e) => showRefusal(form, e) }));

  const submit = form.handleSubmit((data) => create.mutate(data));
  // A token's state as of when the list was fetched: the moment the server answered for.
  const now = new Date(tokens.dataUpdatedAt);

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t("title")}</h2>
      <p className="meta">
        {/* Isolated (U+2068…U+2069): code keeps its left-to-right order inside an Arabic sentence. */}
        {t("intro", { days: FEED_TOKEN_DAYS, param: "\u2068?token=…\u2069", header: "\u2068Authorization: Bearer …\u2069" })}
      </p>
      {created && (
        <output className="token-once">
          {t("created")} <code>{created}</code>
        </output>
      )}
      <form onSubmit={submit} aria-label={t("form")} noValidate>
        <Field form={form} name="name" label={t("name")}>
          {(props) => <input {...props} maxLength={80} placeholder={t("placeholder")} />}
        </Field>
        <FormMessage form={form} />
        <SubmitButton busy={create.isPending}>
          {t("create")}
        </SubmitButton>
      </form>
      {tokens.isPending ? (
        <p aria-busy="true">{t("loading")}</p>
      ) : tokens.isError ? (
        <p className="error">{t("loadFailed", { reason: tokens.error.message })}</p>
      ) : tokens.data.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table aria-label={t("table")}>
          <ColumnHeads columns={[t("columns.name"), t("columns.created"), t("columns.lastUsed"), t("columns.state"), t("columns.actions")]} />
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td dir="auto">{token.name}</td>
                <td>{format.day(token.createdAt)}</td>
                <td>{format.moment(token.lastUsedAt)}</td>
                <td>{describeState(token, now)}</td>
                <td>
                  {tokenState(token, now) === "active" && (
                    <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate({ tokenId: token.id })} aria-label={t("revokeLabel", { name: token.name })}>
                      {t("revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
