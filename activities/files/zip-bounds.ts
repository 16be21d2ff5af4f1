import yauzl from 'yauzl';

/**
 * A zip (an .xlsx is one) checked before anything inflates it for real: exceljs inflates every
 * entry into memory, so a 2 MB file holding 5 × 400 MB of zeros would take gigabytes. Every entry's
 * declared size is summed against the bound first; then every entry is inflated as a stream and
 * counted, so an entry that lies about its size is caught too (yauzl checks actual against
 * declared), with nothing kept in memory.
 */

export type ZipCheck = { ok: true; uncompressedBytes: number } | { ok: false; reason: string };

const MB = 1024 * 1024;
const MAX_ENTRIES = 10_000;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) reject(new Error(`more than ${MAX_ENTRIES} entries`));
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflates one entry as a stream, counting; stops as soon as the running total passes the bound. */
function inflatedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.destroy();
          resolve(size);
        }
      });
      stream.on('end', () => resolve(size));
      stream.on('error', reject);
    });
  });
}

export async function checkZipBounds(bytes: Buffer, maxUncompressedBytes: number): Promise<ZipCheck> {
  const limit = `${Math.round(maxUncompressedBytes / MB)} MB`;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    return { ok: false, reason: `not a readable zip: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const entries = await listEntries(zip);
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > maxUncompressedBytes)
      return { ok: false, reason: `it unpacks to ${Math.round(declared / MB)} MB, more than the ${limit} allowed` };
    let total = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      total += await inflatedSize(zip, entry, maxUncompressedBytes - total);
      if (total > maxUncompressedBytes) return { ok: false, reason: `it unpacks to more than the ${limit} allowed` };
    }
    return { ok: true, uncompressedBytes: total };
  } catch (error) {
    return { ok: false, reason: `a damaged zip: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    zip.close();
  }
}
