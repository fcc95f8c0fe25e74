// What saving a record form does under the deployment's REVIEW_REQUIRED, said above the form.
import { Link } from "@/app/_components/link";

export function ReviewNote({ required }: { required: boolean }) {
  return required ? (
    <p className="notice">
      Saving submits it for review: nothing changes for analysts until another admin publishes it from the <Link href="/admin/review#drafts">review queue</Link>.
    </p>
  ) : (
    <p className="meta">&ldquo;Submit for review&rdquo; saves it as a draft instead, for another admin to publish or return from the review queue.</p>
  );
}
