"use client";
// Personal feed tokens: for a feed reader or a script that cannot sign in. The token is shown
// once, when created; revoking one stops every reader that uses it at its next request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { createFeedTokenInput } from "@/server/feed-tokens/schemas";
import { isoDayOf } from "@/server/scope/day";
import { Field, FormMessage } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";

const day = (d: Date | null) => (d ? isoDayOf(d) : "never");

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

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Feed tokens</h2>
      <p className="meta">
        For a feed reader or a script: add <code>?token=…</code> to the Atom feed or an export address (links on the Agreements
        page), or send <code>Authorization: Bearer …</code>.
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
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{day(t.createdAt)}</td>
                <td>{day(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${day(t.revokedAt)}`
                  ) : (
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
