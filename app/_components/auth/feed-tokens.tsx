"use client";
// Personal feed tokens: for a feed reader or a script that cannot sign in. The token is shown
// once, when created; it expires after FEED_TOKEN_DAYS, and revoking one (or changing the
// password) stops every reader that uses it at its next request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { createFeedTokenInput } from "@/server/feed-tokens/schemas";
import { describeTokenState, FEED_TOKEN_DAYS, tokenState } from "@/server/feed-tokens/state";
import { isoDayOf } from "@/server/scope/day";
import { ColumnHeads } from "../column-heads";
import { formatMoment } from "../format";
import { Field, FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";

export function FeedTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.feedTokens.list.queryOptions());
  const [created, setCreated] = useState<string | null>(null);
  const form = useSchemaForm(createFeedTokenInput, { defaultValues: { name: "" }, ...CHECK_ON_SUBMIT });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feedTokens.list.queryKey() });
  const create = useMutation(
    trpc.feedTokens.create.mutationOptions({
      onSuccess: (t) => {
        setCreated(t.token);
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
      <h2 id="tokens-heading">Feed tokens</h2>
      <p className="meta">
        For a feed reader or a script: add <code>?token=…</code> to the Atom feed or an export address (links on the Agreements
        page), or send <code>Authorization: Bearer …</code>. A token works for {FEED_TOKEN_DAYS} days, and until you revoke it
        or your password changes.
      </p>
      {created && (
        <output className="token-once">
          Your new token (copy it now, it will not be shown again): <code>{created}</code>
        </output>
      )}
      <form onSubmit={submit} aria-label="New feed token" noValidate>
        <Field form={form} name="name" label="Token name">
          {(props) => <input {...props} maxLength={80} placeholder="e.g. Thunderbird at the office" />}
        </Field>
        <FormMessage form={form} />
        <button type="submit" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {tokens.isPending ? (
        <p aria-busy="true">Loading tokens…</p>
      ) : tokens.isError ? (
        <p className="error">Could not load your tokens: {tokens.error.message}</p>
      ) : tokens.data.length === 0 ? (
        <p className="empty">No token yet.</p>
      ) : (
        <table aria-label="Your feed tokens">
          <ColumnHeads columns={["Name", "Created", "Last used", "State", "Actions"]} />
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{isoDayOf(t.createdAt)}</td>
                <td>{formatMoment(t.lastUsedAt)}</td>
                <td>{describeTokenState(t, now)}</td>
                <td>
                  {tokenState(t, now) === "active" && (
                    <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate({ tokenId: t.id })} aria-label={`Revoke ${t.name}`}>
                      Revoke
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
