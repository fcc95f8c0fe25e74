// The top of an archived record's page, which only admins can open (canReadArchived): that it is
// archived, what that means, and the button that restores it.
import type { ComponentProps, ReactNode } from "react";
import { ArchiveButton } from "./archive-button";

type Props = Pick<ComponentProps<typeof ArchiveButton>, "domain" | "id" | "version"> & { children: ReactNode };

export function ArchivedNotice({ domain, id, version, children }: Props) {
  return (
    <section className="notice" aria-label="Archived">
      <p className="error">{children}</p>
      <p className="meta">Only admins can open it; restoring it brings it back for everyone.</p>
      <ArchiveButton domain={domain} id={id} version={version} archived />
    </section>
  );
}
