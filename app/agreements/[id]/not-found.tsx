import { Link } from "@/app/_components/link";

export default function AgreementNotFound() {
  return (
    <div className="panel">
      <h1>No such agreement</h1>
      <p>
        No agreement has this address: the link may be mistyped, or the agreement was removed. Find it in the{" "}
        <Link href="/agreements">list of agreements</Link>, where you can search by title, party or signatory.
      </p>
    </div>
  );
}
