// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhoneVault } from '../core/phoneVault';
import { Setup } from './Setup';

afterEach(cleanup);

async function click(name: string | RegExp) {
  await act(async () => fireEvent.click(screen.getByRole('button', { name })));
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function shownWords(): string[] {
  return within(screen.getByRole('list', { name: 'Recovery phrase' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.word')?.textContent ?? '');
}

function askedPositions(): number[] {
  return screen.getAllByLabelText(/^Word \d+$/).map((input) => {
    const label = document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
    return Number(label.replace('Word ', ''));
  });
}

async function reachBackupCheck(name = 'My phone') {
  type('Name of this phone', name);
  await click('Create key');
  const words = shownWords();
  await click('I wrote them down');
  return words;
}

describe('Setup', () => {
  it('shows the 12 words once, checks three of them and creates the vault under the PIN', async () => {
    const indexedDB = new IDBFactory();
    const onCreated = vi.fn();
    render(<Setup vaultOptions={{ indexedDB }} pairingNext={false} onCreated={onCreated} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Create this phone's key");

    const words = await reachBackupCheck("Alice's phone");
    expect(words).toHaveLength(12);
    // Once confirmed, the words are gone from the page and there is no way back to them.
    expect(screen.queryByRole('list', { name: 'Recovery phrase' })).toBeNull();
    for (const word of new Set(words)) expect(screen.queryByText(word)).toBeNull();
    expect(screen.queryByRole('button', { name: /back/i })).toBeNull();

    const positions = askedPositions();
    expect(positions).toHaveLength(3);
    for (const position of positions) type(`Word ${position}`, ` ${words[position - 1]?.toUpperCase()} `);
    await click('Check words');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Choose a PIN');
    type(/^PIN$/, '246810');
    type('PIN again', '246810');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Set PIN and finish' }));
      await vi.waitFor(() => expect(onCreated).toHaveBeenCalled(), { timeout: 20_000 });
    });

    const vault = await PhoneVault.unlock('246810', { indexedDB });
    expect(vault.state.mnemonic).toBe(words.join(' '));
    expect(vault.state.phoneName).toBe("Alice's phone");
    expect(vault.state.backedUp).toBe(true);
  });

  it('refuses a wrong backup word, and starting over shows a new phrase', async () => {
    render(<Setup vaultOptions={{ indexedDB: new IDBFactory() }} pairingNext={false} onCreated={vi.fn()} />);
    const words = await reachBackupCheck();
    const positions = askedPositions();
    positions.forEach((position, i) =>
      type(`Word ${position}`, i === 1 ? 'zoo-not-a-word' : (words[position - 1] ?? '')),
    );
    await click('Check words');

    expect(screen.getByRole('alert').textContent).toMatch(/do not match your recovery phrase/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check your recovery phrase');

    await click(/start over with new ones/);
    await click('Create key');
    const fresh = shownWords();
    expect(fresh.join(' ')).not.toBe(words.join(' '));
  });

  it('refuses two different PINs and a short one', async () => {
    const onCreated = vi.fn();
    render(
      <Setup vaultOptions={{ indexedDB: new IDBFactory() }} pairingNext={false} onCreated={onCreated} />,
    );
    const words = await reachBackupCheck();
    for (const position of askedPositions()) type(`Word ${position}`, words[position - 1] ?? '');
    await click('Check words');

    type(/^PIN$/, '123456');
    type('PIN again', '123457');
    await click('Set PIN and finish');
    expect(screen.getByRole('alert').textContent).toMatch(/PINs do not match/);

    type(/^PIN$/, '1234');
    type('PIN again', '1234');
    await click('Set PIN and finish');
    expect(screen.getByRole('alert').textContent).toMatch(/at least 6 digits/);
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('warns that the QR code will need scanning again when setup started from one', () => {
    render(<Setup vaultOptions={{ indexedDB: new IDBFactory() }} pairingNext onCreated={vi.fn()} />);
    expect(screen.getByText(/QR code will expire while you set up/)).toBeTruthy();
  });
});
