// Offline is normal: a source that cannot be reached is not a fault of the run's data. Ingestion
// throws this so the job runner can record "source unreachable" once an hour instead of on every
// attempt, and retry on the next schedule without backing off into silence.

export class SourceUnreachableError extends Error {
  override readonly name = "SourceUnreachableError";
  constructor(
    readonly source: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: source unreachable`, options);
  }
}

export const isSourceUnreachable = (error: unknown): error is SourceUnreachableError =>
  error instanceof SourceUnreachableError;
