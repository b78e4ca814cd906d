import { render, screen, within } from '@testing-library/react';
import { App } from '../App';
import type { WalletClientDouble } from './WalletClientDouble';

/** Renders the whole app on the route, talking to the double, once its h1 is up. */
export async function openPage(client: WalletClientDouble, route: string, title: string): Promise<void> {
  history.replaceState(null, '', `/#/${route}`);
  render(<App connection={{ ok: true, client }} />);
  await screen.findByRole('heading', { level: 1, name: title });
}

/** Queries limited to one region of the page, found by its heading. */
export function region(title: string) {
  return within(screen.getByRole('region', { name: title }));
}
