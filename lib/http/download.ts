/**
 * A file download streamed from an async sequence of text chunks: never the whole file in
 * memory, the source closed when the client goes away, and a failure after the headers
 * were sent fails the download visibly instead of ending it early as if complete.
 */
export function streamDownload(chunks: AsyncGenerator<string>, o: { filename: string; contentType: string; label: string }): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error(`[${o.label}] failed mid-stream:`, err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": o.contentType,
      "content-disposition": `attachment; filename="${o.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** `20261127-0512`: a file name's time stamp. */
export function fileStamp(now = new Date()): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

export const NDJSON = "application/x-ndjson; charset=utf-8";
