import { DyadList } from "./_components/relations/dyad-list";
import { LatestAgreements } from "./_components/feed/latest-agreements";
import { HydrateClient, getQueryClient, trpc } from "./_trpc/server";
import { LATEST_AGREEMENTS_PAGE } from "@/server/agreements/schemas";
import { serverCaller } from "@/server/caller";

// Always read the database at request time, never at build time.
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const caller = await serverCaller();
  const [dyads] = await Promise.all([
    caller.relations.dyads(),
    getQueryClient().prefetchQuery(trpc.agreements.latest.queryOptions({ limit: LATEST_AGREEMENTS_PAGE })),
  ]);
  return (
    <HydrateClient>
      <h1>France and the Maghreb</h1>
      <div className="dashboard">
        <section className="panel" aria-labelledby="relations-heading">
          <h2 id="relations-heading">Tracked relations</h2>
          <DyadList dyads={dyads} />
        </section>
        <section className="panel" aria-labelledby="agreements-heading">
          <h2 id="agreements-heading">Latest agreements</h2>
          <LatestAgreements />
        </section>
      </div>
    </HydrateClient>
  );
}
