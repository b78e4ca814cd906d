import { act, render, screen, within } from '@testing-library/react';
import { App } from '../../src/renderer/App';
import { OVERLAY_CHUNKS } from '../../src/renderer/shell/overlayChunks';
import { preloadScreenAt } from '../../src/renderer/shell/routeScreens';
import type { WalletClientDouble } from './WalletClientDouble';

/** Renders the whole app on the route, talking to the double, once its h1 is up. */
export async function openPage(client: WalletClientDouble, route: string, title: string): Promise<void> {
  history.replaceState(null, '', `/#/${route}`);
  // Screens and overlays load on demand: the first import of one can outlast findBy's wait on a busy machine,
  // and a request's sheet shows at once only once its chunk is in, as the app has it after its idle warm-up
  // (src/renderer/routing/lazyScreen.test.tsx covers a chunk that arrives late).
  await Promise.all([preloadScreenAt(`#/${route}`), ...OVERLAY_CHUNKS.map((warm) => warm())]);
  render(<App connection={{ ok: true, client }} />);
  await screen.findByRole('heading', { level: 1, name: title });
  // The commit that showed the h1 may have happened outside act, leaving its passive effects (the event
  // subscriptions) scheduled but not run; a test that emits an event next would otherwise lose it.
  await act(async () => {});
}

/** Queries limited to one region of the page, found by its heading. */
export function region(title: string) {
  return within(screen.getByRole('region', { name: title }));
}
