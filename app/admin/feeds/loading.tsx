export default function Loading() {
  return (
    <p aria-busy="true" className="loading">
      Loading feeds and headlines…
    </p>
  );
}
