import { render, screen, within } from '@testing-library/react';
import { App } from '../App';
import type { WalletClientDouble } from './WalletClientDouble';

/** Renders the whole app on the Settings page, talking to the double, once the page is up. */
export async function openSettings(client: WalletClientDouble): Promise<void> {
  history.replaceState(null, '', '/#/settings');
  render(<App connection={{ ok: true, client }} />);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
}

/** Queries limited to one of the page's sections, found by its heading. */
export function section(title: string) {
  return within(screen.getByRole('region', { name: title }));
}
