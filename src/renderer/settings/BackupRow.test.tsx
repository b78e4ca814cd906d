// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_MAX_BYTES } from '../../shared/localData';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const localData = () => section('Local data');
const fileInput = () => screen.getByTestId<HTMLInputElement>('backup-file');

async function choose(file: File) {
  await act(async () => fireEvent.change(fileInput(), { target: { files: [file] } }));
}

const backupFile = (contents = '{"format":"ledgerline-backup"}') =>
  new File([contents], 'ledgerline-backup.json', { type: 'application/json' });

describe('BackupRow', () => {
  it('says what a backup holds and never holds', async () => {
    await openSettings(client);
    expect(localData().getByText(/never contains keys or secrets/)).toBeTruthy();
    expect(localData().getByText(/accounts \(addresses and paths only\)/)).toBeTruthy();
  });

  it('downloads the export under the file name main chose, then lets go of the blob', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:backup';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const downloads: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    });
    await openSettings(client);

    await act(async () => fireEvent.click(localData().getByRole('button', { name: 'Export backup' })));

    expect(downloads).toEqual([{ name: 'ledgerline-backup-2030-01-02.json', href: 'blob:backup' }]);
    expect(await blobs[0]?.text()).toBe(client.backup.contents);
    expect(blobs[0]?.type).toBe('application/json');
    expect(revoke).toHaveBeenCalledWith('blob:backup');
    expect(localData().getByText('Exported ledgerline-backup-2030-01-02.json.')).toBeTruthy();
  });

  it('shows that an export is under way, and ignores presses until it is done', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await openSettings(client);
    const release = client.hold('backup.export');
    const exportButton = localData().getByRole('button', { name: 'Export backup' });

    await act(async () => fireEvent.click(exportButton));
    expect(localData().getByText('Exporting…')).toBeTruthy();
    expect(exportButton.getAttribute('aria-disabled')).toBe('true');
    await act(async () => fireEvent.click(exportButton));
    expect(client.calls.filter((call) => call.channel === 'backup.export')).toHaveLength(1);

    await act(async () => release());
    expect(exportButton.getAttribute('aria-disabled')).toBe('false');
    expect(localData().getByText(/^Exported /)).toBeTruthy();
  });

  it('says why an export failed, next to it', async () => {
    await openSettings(client);
    client.refuseNext('backup.export', {
      code: 'internal',
      message: 'The wallet core could not read its data.',
    });
    await act(async () => fireEvent.click(localData().getByRole('button', { name: 'Export backup' })));
    expect(localData().getByRole('alert').textContent).toBe(
      'Not exported: The wallet core could not read its data.',
    );
  });

  it('opens a file chooser for JSON files from "Import backup"', async () => {
    await openSettings(client);
    const opened = vi.spyOn(fileInput(), 'click').mockImplementation(() => undefined);
    fireEvent.click(localData().getByRole('button', { name: 'Import backup' }));
    expect(opened).toHaveBeenCalledOnce();
    expect(fileInput().accept).toBe('application/json,.json');
  });

  it('sends the chosen file to main and says in words what it changed', async () => {
    client.importSummary = { settings: 0, devices: 0, accounts: 0, labels: 3, addressBook: 1, txNotes: 0 };
    await openSettings(client);
    await choose(backupFile('{"labels":[]}'));
    expect(client.calls).toContainEqual({ channel: 'backup.import', request: { contents: '{"labels":[]}' } });
    expect(
      localData().getByText('Imported 3 labels and 1 address book entry; nothing else changed.'),
    ).toBeTruthy();
  });

  it('says so when the backup brought nothing new', async () => {
    await openSettings(client);
    await choose(backupFile());
    expect(localData().getByText('Nothing new: this backup is already in this wallet.')).toBeTruthy();
  });

  it("shows main's reason when the file is not a valid backup", async () => {
    await openSettings(client);
    client.refuseNext('backup.import', {
      code: 'backup_invalid',
      message: 'This file is not a Ledgerline backup. Nothing was imported.',
    });
    await choose(backupFile('{"hello":1}'));
    expect(localData().getByRole('alert').textContent).toBe(
      'Not imported: This file is not a Ledgerline backup. Nothing was imported.',
    );
  });

  it('refuses a file too large to be a backup without sending it to main', async () => {
    await openSettings(client);
    const huge = backupFile();
    Object.defineProperty(huge, 'size', { value: BACKUP_MAX_BYTES + 1 });
    await choose(huge);
    expect(client.calls.some((call) => call.channel === 'backup.import')).toBe(false);
    expect(localData().getByRole('alert').textContent).toBe(
      'Not imported: ledgerline-backup.json is larger than 8 MB, so it is not a backup this wallet wrote. ' +
        'Choose a file saved with Export backup.',
    );
  });

  it('refuses an empty file without sending it to main', async () => {
    await openSettings(client);
    await choose(backupFile(''));
    expect(client.calls.some((call) => call.channel === 'backup.import')).toBe(false);
    expect(localData().getByRole('alert').textContent).toContain('ledgerline-backup.json is empty.');
  });

  it('only ever reports the last thing done: an import clears the outcome of an export', async () => {
    await openSettings(client);
    client.refuseNext('backup.export', { code: 'internal', message: 'Disk full.' });
    await act(async () => fireEvent.click(localData().getByRole('button', { name: 'Export backup' })));
    expect(localData().getByRole('alert')).toBeTruthy();
    await choose(backupFile());
    expect(localData().queryByRole('alert')).toBeNull();
    expect(localData().getByText(/^Nothing new/)).toBeTruthy();
  });
});
