// The list only: a loading boundary above /agreements/[id] would send its 404 as a 200.
export default function Loading() {
  return (
    <p aria-busy="true" className="loading">
      Loading agreements…
    </p>
  );
}
