// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

// The dialog's chunk fails to arrive while `missing`, then loads as it should.
const chunk = vi.hoisted(() => ({ missing: true }));
vi.mock('./AddWatchDialog', async (importOriginal) => {
  if (chunk.missing) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

let logged: MockInstance<typeof console.error>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  logged.mockRestore();
});

describe('AddWatchButton', () => {
  it('says the dialog could not load, closes, and opens it on Reload once it can', async () => {
    await openPage(new WalletClientDouble(), 'portfolio', 'Portfolio');
    const open = screen.getAllByRole('button', { name: 'Add watch-only address' })[0] as HTMLElement;
    fireEvent.click(open);
    await screen.findByText(/This dialog could not load/);
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
