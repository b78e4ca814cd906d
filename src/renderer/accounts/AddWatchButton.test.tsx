// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsoleErrors } from '../../../test/renderer/consoleErrors';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

// The dialog's chunk fails to arrive while `missing`, then loads as it should.
const chunk = vi.hoisted(() => ({ missing: true }));
vi.mock('./AddWatchDialog', async (importOriginal) => {
  if (chunk.missing) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const logged = captureConsoleErrors();
afterEach(() => {
  cleanup();
});

describe('AddWatchButton', () => {
  it('says the dialog could not load, closes, and opens it on Reload once it can', async () => {
    await openPage(new WalletClientDouble(), 'portfolio', 'Portfolio');
    const open = screen.getAllByRole('button', { name: 'Add watch-only address' })[0] as HTMLElement;
    fireEvent.click(open);
    await screen.findByText(/This dialog could not load/);
    expect(logged()).toHaveBeenCalledWith('The watch-only address dialog could not load:', expect.anything());
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(open);
    await screen.findByText(/This dialog could not load/);
    chunk.missing = false;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reload' })));
    await screen.findByRole('textbox', { name: 'Address' }, { timeout: 5_000 });
    expect(screen.queryByText(/This dialog could not load/)).toBeNull();
  });
});
