import { Link } from "@/app/_components/link";

export default function Forbidden() {
  return (
    <>
      <h1>Forbidden</h1>
      <p>This page is for admins. <Link href="/">Back to the dashboard</Link>.</p>
    </>
  );
}
