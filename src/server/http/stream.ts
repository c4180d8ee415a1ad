/**
 * A response body that pulls text from an async iterable as the client reads it, so a large
 * download is produced piece by piece and a slow reader slows the producer instead of filling
 * memory. If the producer fails after the headers have gone, the connection is aborted: a
 * truncated download must not look complete.
 */
export function textStream(
  chunks: AsyncIterable<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A Content-Disposition header for a download; the name is ASCII by construction. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}
