// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;
let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;

beforeEach(() => {
  client = new WalletClientDouble();
  writeText = vi.fn(() => Promise.resolve());
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const localData = () => section('Local data');

async function open() {
  await openSettings(client);
  await act(async () => undefined);
}

describe('DataLocationRow', () => {
  it('shows the data folder and the database file main reports', async () => {
    await open();
    expect(screen.getByTestId('data-dir').textContent).toBe('/home/ada/.config/Ledgerline');
    expect(screen.getByTestId('database-file').textContent).toBe(
      '/home/ada/.config/Ledgerline/wallet.sqlite',
    );
  });

  it('copies a path and says which one it copied', async () => {
    await open();
    await act(async () =>
      fireEvent.click(localData().getByRole('button', { name: 'Copy database file path' })),
    );
    expect(writeText).toHaveBeenCalledWith('/home/ada/.config/Ledgerline/wallet.sqlite');
    expect(localData().getByText('Copied the database file path.')).toBeTruthy();
  });

  it('says what to do instead when the clipboard is refused', async () => {
    writeText.mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    await open();
    await act(async () =>
      fireEvent.click(localData().getByRole('button', { name: 'Copy data folder path' })),
    );
    expect(localData().getByRole('alert').textContent).toBe(
      'Not copied: This window may not use the clipboard. Select the path and copy it yourself.',
    );
  });

  it("shows main's reason when it cannot say where the data is", async () => {
    client.refuseNext('data.location', { code: 'internal', message: 'The wallet core failed; see its log.' });
    await open();
    expect(screen.queryByTestId('data-dir')).toBeNull();
    expect(localData().getByRole('alert').textContent).toBe(
      'Could not find the data folder: The wallet core failed; see its log.',
    );
  });
});
