import type { Metadata } from "next";
import { EventForm } from "@/app/_components/forms/event-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Record an event" };
export const dynamic = "force-dynamic";

export default async function NewEventPage() {
  await requireAdmin();
  const options = await (await serverCaller()).events.formOptions();
  return (
    <>
      <h1>Record an event</h1>
      <p className="meta">It counts in the relations index as soon as it is saved, and the change is kept in the audit log.</p>
      <EventForm options={options} />
    </>
  );
}
