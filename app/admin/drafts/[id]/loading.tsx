export default function Loading() {
  return (
    <p aria-busy="true" className="loading">
      Loading the draft…
    </p>
  );
}
