import { ApiError } from '../../shared/api/envelope';
import type { SyncView } from '../../shared/sync';
import type { SyncMember } from '../../shared/sync/roster';
import { SyncBlobError } from '../../shared/sync/syncBlobError';
import { SyncInputError } from '../../shared/sync/syncInputError';
import { derivedKeys, type DeviceKeys, type EpochKey } from '../../shared/sync/syncKeys';
import type { BlobLedger } from '../../shared/sync/blobLedger';
import { SyncFolder } from './syncFolder';
import { judgeMark, type FolderMarks } from './syncFolderMarks';
import { SyncFolderScan, type FoundBlob, type NameKey } from './syncFolderScan';
import type { SyncFolderInvites } from './syncFolderInvites';
import { chooseGrant } from './syncGrantChoice';
import { grantName, openGrant, sealGrant, type OpenedGrant, type Removal } from './syncGrants';
import type { SyncGroupKeys } from './syncGroupKeys';
import { currentEpoch, type SyncIdentity } from './syncIdentity';
import type { SyncInbox } from './syncInbox';
import type { SyncJournal } from './syncJournal';
import type { SyncProblems } from './syncProblems';
import type { SyncRoster } from './syncRoster';
import type { SyncStateRepository } from './syncStateRepository';

export interface SyncFolderTransportOptions {
  state: SyncStateRepository;
  keys: SyncGroupKeys;
  journal: SyncJournal;
  roster: SyncRoster;
  inbox: SyncInbox;
  problems: SyncProblems;
  invites: SyncFolderInvites;
  now: () => number;
}

/**
 * Sync through the folder the user picked: this desktop's blobs written there, other members' found in one
 * listing and read back, rotated keys granted and received, and invites answered. What was written is
 * remembered, so a sync writes only what the folder has not had.
 */
export class SyncFolderTransport {
  private folder: SyncFolder | null = null;
  private error: string | null = null;
  private readonly scan = new SyncFolderScan();

  constructor(private readonly options: SyncFolderTransportOptions) {}

  get current(): SyncFolder | null {
    return this.folder;
  }

  /** The folder in use, or an error with the sentence saying why it is needed. */
  require(why: string): SyncFolder {
    if (!this.folder) throw new ApiError('invalid_state', why);
    return this.folder;
  }

  /** Opens the folder chosen before, if any; one that cannot be used is shown as an error, not thrown. */
  async open(): Promise<void> {
    const path = this.path();
    if (path) this.folder = await SyncFolder.open(path).catch((error: unknown) => this.failed(error, path));
  }

  /** Switches to another folder (null: none); throws, changing nothing, for one that cannot be used. */
  async use(path: string | null): Promise<void> {
    const { state } = this.options;
    if (path === null) {
      this.folder = null;
      this.error = null;
      state.set('folder', null);
      return;
    }
    this.folder = await SyncFolder.open(path);
    this.error = null;
    state.set('folder', path);
    // A different folder starts empty of this desktop's blobs: write them all there.
    state.set('folderWritten', 0);
    state.set('folderMarks', null);
  }

  /** Lets go of the folder without forgetting which it was (a local data reset forgets that). */
  close(): void {
    this.folder = null;
  }

  /** What was written to the folder no longer matches the blobs here: write them all again. */
  forgetProgress(): void {
    this.options.state.set('folderWritten', null);
    this.options.state.set('folderMarks', null);
  }

  view(): SyncView['folder'] {
    return {
      path: this.path(),
      lastSyncAt: this.options.state.get<number | null>('folderLastSync', null),
      error: this.error,
    };
  }

  /** Exchanges blobs with the folder, if one is in use; a folder that fails is shown as an error. */
  async sync(identity: SyncIdentity): Promise<void> {
    const folder = this.folder;
    if (!folder) return;
    try {
      await this.exchange(folder, identity);
      this.error = null;
      this.options.state.set('folderLastSync', this.options.now());
    } catch (error) {
      this.failed(error, folder.path);
    }
  }

  /**
   * A new key, sealed to each remaining device with the removal that made it, so a removed one cannot read
   * what is written next.
   */
  async grant(
    epoch: EpochKey,
    by: DeviceKeys,
    removal: Removal,
    recipients: readonly SyncMember[],
  ): Promise<void> {
    if (!this.folder) return;
    for (const recipient of recipients) {
      const { name, bytes } = sealGrant(epoch, by, recipient.boxPublic, removal);
      await this.folder.write(name, bytes);
    }
  }

  /**
   * Keys rotated by other devices and sealed to this one in the folder, epoch after epoch, each taken only
   * after the removal it carries is applied. Grants signed by a device in `removing` (the user is removing it
   * now) are set aside. Answers the epoch whose grants conflict, which a new key must be numbered past, or
   * null.
   */
  async receiveGrants(
    identity: SyncIdentity,
    removing: ReadonlySet<string> = new Set(),
  ): Promise<number | null> {
    const { keys, journal, roster, problems } = this.options;
    const folder = this.folder;
    if (!folder) return null;
    for (let epoch = currentEpoch((keys.current ?? identity).ring).epoch + 1; ; epoch += 1) {
      const grants = await this.openGrants(folder, identity.device, epoch, removing);
      const choice = chooseGrant(grants, (id) => roster.nameOf(id));
      if (choice.kind === 'none') return null;
      if (choice.kind === 'conflict') {
        problems.report('folder', choice.message);
        return epoch;
      }
      journal.merge(choice.removals);
      await keys.extend(choice.key);
    }
  }

  private path(): string | null {
    return this.options.state.get<string | null>('folder', null);
  }

  private async exchange(folder: SyncFolder, identity: SyncIdentity): Promise<void> {
    const { keys, journal, roster, invites, inbox } = this.options;
    await this.receiveGrants(identity);
    await invites.collect(folder, (join) =>
      journal.commit([
        journal.memberOp(join.id, { name: join.name, kind: 'desktop', sign: join.sign, box: join.box }),
      ]),
    );
    const current = keys.current ?? identity;
    const listing = await folder.list();
    // Newest first: almost every blob read was written in the current epoch.
    const nameKeys = [...current.ring]
      .reverse()
      .map((entry) => ({ epoch: entry.epoch, name: derivedKeys(entry).name }));
    const others = roster.others(current.device.id);
    const ledger = journal.ledger();
    const found = this.scan.scan(
      listing,
      nameKeys,
      others.map(({ id }) => ({ id, missing: ledger.missing(id), known: ledger.known(id) })),
      () => journal.blobs.index(),
    );
    const before = JSON.stringify(ledger);
    // A blob whose name is listed exists, whether or not it arrives and opens.
    for (const blob of found) ledger.exists(blob.origin, blob.counter);
    // Judged on the listing taken before this desktop writes back blobs the folder may have lost.
    this.judgeRollbacks(listing, nameKeys, others, found, ledger);
    if (JSON.stringify(ledger) !== before) journal.saveLedger(ledger);
    await this.write(folder, listing, current, nameKeys);
    for (const blob of found) {
      const bytes = await folder.read(blob.name);
      if (bytes) await inbox.accept(bytes, 'folder', blob);
    }
  }

  /** Every blob this desktop holds that the folder has not had yet, as far as the listing shows. */
  private async write(
    folder: SyncFolder,
    listing: ReadonlySet<string>,
    current: SyncIdentity,
    nameKeys: readonly NameKey[],
  ): Promise<void> {
    const { state, journal } = this.options;
    let written = state.get<number | null>('folderWritten', null) ?? 0;
    for (const row of journal.blobs.after(written)) {
      const key = nameKeys.find((entry) => entry.epoch === row.epoch);
      const name = key && this.scan.name(key, row.origin, row.counter);
      // A blob that came from this folder is there already: rewriting it would only cost the user's drive.
      if (name && !listing.has(name)) await folder.write(name, row.bytes);
      written = row.rowid;
    }
    state.set('folderWritten', written);
  }

  /**
   * Per member, the newest blob seen in this folder is remembered; a listing that holds neither it nor a newer
   * one means the folder serves an older state (restored from an old copy, or blobs deleted): rolled back,
   * until the folder holds a newer blob of that member.
   */
  private judgeRollbacks(
    listing: ReadonlySet<string>,
    nameKeys: readonly NameKey[],
    others: readonly SyncMember[],
    found: readonly FoundBlob[],
    ledger: BlobLedger,
  ): void {
    const { state, roster, problems } = this.options;
    const saved = state.get<FolderMarks | null>('folderMarks', null);
    const marks = { ...saved };
    for (const { id } of others) {
      const listed = found.filter((blob) => blob.origin === id);
      const known = ledger.known(id);
      const knownName = known > 0 ? this.scan.find(listing, nameKeys, id, known) : undefined;
      if (knownName) listed.push({ origin: id, counter: known, name: knownName });
      const verdict = judgeMark(marks[id], listing, listed);
      if (verdict.kind === 'ahead') {
        marks[id] = verdict.mark;
        ledger.setRolledBack(id, false);
      } else if (verdict.kind === 'rolled_back' && ledger.status(id) !== 'rolled_back') {
        ledger.setRolledBack(id, true);
        problems.report(
          'folder',
          `The sync folder served an older state of ${roster.nameOf(id)} than one already seen here: it was rolled back.`,
        );
      }
    }
    if (JSON.stringify(marks) !== JSON.stringify(saved ?? {})) state.set('folderMarks', marks);
  }

  /** The grants for one epoch sealed to this device, from each device of the roster that left one. */
  private async openGrants(
    folder: SyncFolder,
    device: DeviceKeys,
    epoch: number,
    removing: ReadonlySet<string>,
  ): Promise<OpenedGrant[]> {
    const { keys, roster, problems } = this.options;
    const members = roster.members();
    const isMember = (id: string) => members.some((member) => member.id === id);
    const grants: OpenedGrant[] = [];
    for (const member of members) {
      if (member.id === device.id || removing.has(member.id)) continue;
      const sealed = await folder.read(grantName(device.boxPublic, epoch, member.id));
      if (!sealed) continue;
      if (member.removed) {
        problems.report(
          'folder',
          `${member.name}, which was removed from the sync group, left a new sync key in the folder: it was refused.`,
        );
        continue;
      }
      try {
        const grant = openGrant(device, sealed, epoch, member, isMember);
        keys.observe(grant.removal.t);
        grants.push(grant);
      } catch (error) {
        problems.report(
          'folder',
          error instanceof SyncBlobError || error instanceof SyncInputError
            ? error.message
            : 'A new sync key in the folder could not be read, so it was ignored.',
        );
      }
    }
    return grants;
  }

  private failed(error: unknown, path: string): null {
    this.error =
      error instanceof ApiError
        ? error.message
        : `The sync folder ${path} could not be used: ${(error as Error).message}`;
    return null;
  }
}
