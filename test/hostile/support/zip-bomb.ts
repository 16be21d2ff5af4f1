import zlib from 'node:zlib';

/**
 * Zip files written byte by byte, so a test can make what no honest tool makes quickly: entries that
 * unpack to hundreds of MB from a few hundred KB, and entries whose header understates their size.
 */

export interface BombEntry {
  name: string;
  /** The real content, before deflating. */
  content: Uint8Array;
  /** The size the headers claim; the real size when left out. */
  declaredSize?: number;
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

export function writeZip(entries: BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = zlib.deflateRawSync(entry.content, { level: 9 });
    const crc = zlib.crc32(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    const common = [
      u16(20),
      u16(0),
      u16(8),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(data.length),
      u32(size),
      u16(name.length),
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(0), name, data]);
    centrals.push(
      Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

/** `count` entries of `megabytes` MB of zeros each: a few hundred KB on disk. */
export function zipBomb(count: number, megabytes: number, declaredSize?: number): Buffer {
  const zeros = new Uint8Array(megabytes * 1024 * 1024);
  return writeZip(
    Array.from({ length: count }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      content: zeros,
      declaredSize,
    })),
  );
}
