import { Link } from "@/app/_components/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is nothing here, or nothing you can open. <Link href="/">Back to the dashboard</Link>.
      </p>
    </>
  );
}
