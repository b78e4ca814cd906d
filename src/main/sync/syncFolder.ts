import { constants } from 'node:fs';
import { access, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/envelope';

const SUFFIX = '.llsync';
const BLOB_FILE = /^([0-9a-f]{32})\.llsync$/;

/**
 * A folder the user picked (a cloud drive's, a USB stick) as a store of named opaque blobs. It sees file
 * names that are HMACs and sizes that are buckets; a cloud client may sync a half-written file, so every
 * write lands under a temporary name first and is renamed into place.
 */
export class SyncFolder {
  constructor(readonly path: string) {}

  /** Refuses a folder that is missing or that this user cannot write to, with a sentence saying which. */
  static async open(path: string): Promise<SyncFolder> {
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) throw new ApiError('invalid_request', `There is no folder at ${path}.`);
    try {
      await access(path, constants.R_OK | constants.W_OK);
    } catch {
      throw new ApiError('invalid_request', `This app cannot write to ${path}. Pick a folder you own.`);
    }
    return new SyncFolder(path);
  }

  async read(name: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.file(name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The names of every blob file in the folder, from one listing; half-written temporaries are not. */
  async list(): Promise<Set<string>> {
    const names = new Set<string>();
    for (const file of await readdir(this.path)) {
      const name = BLOB_FILE.exec(file)?.[1];
      if (name !== undefined) names.add(name);
    }
    return names;
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    const temporary = `${this.file(name)}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, this.file(name));
  }

  async remove(name: string): Promise<void> {
    await rm(this.file(name), { force: true });
  }

  private file(name: string): string {
    if (!/^[0-9a-f]{32}$/.test(name)) throw new Error(`not a sync blob name: ${name}`);
    return join(this.path, `${name}${SUFFIX}`);
  }
}
