// Why one feed could not be read this time. Recorded on that feed (lastError) and never stops the
// other feeds; a connection failure is told apart so that every feed failing to connect can be
// reported once as "source unreachable".

export class FeedReadError extends Error {
  override readonly name: string = "FeedReadError";
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** No answer at all: refused, reset, timed out, or the connection closed mid-answer. */
export class FeedConnectionError extends FeedReadError {
  override readonly name = "FeedConnectionError";
}
