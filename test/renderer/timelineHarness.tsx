/**
 * A page with nothing but the timeline, over `?entries=N` fixture entries: the end-to-end spec bundles it to
 * try the virtualised list in a real browser at sizes the demo wallet never reaches (a million entries).
 */
import { createRoot } from 'react-dom/client';
import '../../src/renderer/styles/tokens.css';
import '../../src/renderer/styles/base.css';
import { Timeline } from '../../src/renderer/history/Timeline';
import type { ChainDirectory } from '../../src/renderer/history/useChainNames';
import { longHistory } from './historyFixture';

const count = Number(new URLSearchParams(location.search).get('entries') ?? '1000');
const chains: ChainDirectory = {
  chain: () => undefined,
  name: (id) => (id === 1 ? 'Ethereum' : 'Arbitrum One'),
  nativeSymbol: () => 'ETH',
};
const page = window as Window & { pagesAsked?: number };
page.pagesAsked = 0;
const root = document.createElement('main');
document.body.append(root);
createRoot(root).render(
  <Timeline
    entries={longHistory(count)}
    chains={chains}
    accountName={() => 'Treasury'}
    hasMore
    loadingMore={false}
    loadMore={() => (page.pagesAsked = (page.pagesAsked ?? 0) + 1)}
    onOpen={() => undefined}
    onAtTop={() => undefined}
  />,
);
