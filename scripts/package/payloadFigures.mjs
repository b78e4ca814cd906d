// The payload's size as the issue measures it: what the app adds to Electron, in bytes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** 30 MiB (30 × 1024 × 1024 bytes): the goal for Linux x64. */
export const PAYLOAD_LIMIT_BYTES = 30 * 1024 * 1024;

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(join(entry.parentPath, entry.name)).size);
}

/**
 * Measured on disk: the app.asar file (its header and packed files), the app.asar.unpacked directory beside
 * it, and how many files both hold.
 * @param {{ unpacked: boolean }[]} asarFiles the asar header's files (an unpacked one is on disk instead)
 */
export function payloadFigures(archive, asarFiles) {
  const unpacked = filesUnder(`${archive}.unpacked`);
  return {
    asarBytes: statSync(archive).size,
    unpackedBytes: unpacked.reduce((sum, size) => sum + size, 0),
    files: asarFiles.filter((file) => !file.unpacked).length + unpacked.length,
  };
}
