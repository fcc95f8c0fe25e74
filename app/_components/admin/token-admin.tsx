"use client";
// An admin revokes anyone's feed token (audited, naming the admin); the owner's reader is told why.
import { useTRPCClient } from "@/app/_trpc/client";
import { ActionError, useRefreshingAction } from "../refreshing-action";

export function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const client = useTRPCClient();
  const { run, pending, error } = useRefreshingAction();
  return (
    <>
      <button type="button" disabled={pending} onClick={() => run(() => client.feedTokens.revokeAny.mutate({ tokenId }))}>
        {label}
      </button>
      <ActionError error={error} />
    </>
  );
}
