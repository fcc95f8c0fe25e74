// The one CSV inside a GDELT zip, as a stream of byte chunks (yauzl). The uncompressed cap is
// checked twice: on the size the zip declares, and on the bytes actually inflated, since a
// hostile zip can declare anything.
import yauzl from "yauzl";
import { GdeltFileError } from "./errors";

function zipError(error: unknown): GdeltFileError {
  if (error instanceof GdeltFileError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new GdeltFileError("zip", `corrupt zip: ${reason}`, null, { cause: error });
}

/** The bytes of the zip's single file, at most `maxUncompressedBytes` of them. */
export async function* unzippedChunks(zip: Buffer, options: { maxUncompressedBytes: number }): AsyncGenerator<Buffer> {
  let file: yauzl.ZipFile;
  try {
    file = await yauzl.fromBufferPromise(zip, { lazyEntries: true, strictFileNames: true });
  } catch (error) {
    throw zipError(error);
  }
  try {
    if (file.entryCount !== 1) throw new GdeltFileError("zip", `the zip holds ${file.entryCount} files, a GDELT zip holds one`);
    const entries = file.eachEntry();
    const { value: entry } = await entries.next().catch((error: unknown) => Promise.reject(zipError(error)));
    if (!entry) throw new GdeltFileError("zip", "the zip holds no file");
    if (entry.uncompressedSize > options.maxUncompressedBytes) {
      throw new GdeltFileError("zip", `${entry.fileName} would unpack to ${entry.uncompressedSize} bytes, over the cap of ${options.maxUncompressedBytes}`);
    }
    let inflated = 0;
    const stream = await file.openReadStreamPromise(entry).catch((error: unknown) => Promise.reject(zipError(error)));
    try {
      for await (const chunk of stream) {
        if (!Buffer.isBuffer(chunk)) throw new GdeltFileError("zip", "the zip stream gave something other than bytes");
        inflated += chunk.length;
        if (inflated > options.maxUncompressedBytes) throw new GdeltFileError("zip", `${entry.fileName} unpacks beyond the cap of ${options.maxUncompressedBytes} bytes`);
        yield chunk;
      }
    } catch (error) {
      throw zipError(error);
    } finally {
      stream.destroy();
    }
  } finally {
    file.close();
  }
}

/** Local export files may be zipped or plain: a zip starts with "PK\x03\x04". */
export const looksZipped = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
