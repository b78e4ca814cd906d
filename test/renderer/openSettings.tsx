import { openPage, region } from './openPage';
import type { WalletClientDouble } from './WalletClientDouble';

/** Renders the whole app on the Settings page, talking to the double, once the page is up. */
export function openSettings(client: WalletClientDouble): Promise<void> {
  return openPage(client, 'settings', 'Settings');
}

/** Queries limited to one of the page's sections, found by its heading. */
export const section = region;
