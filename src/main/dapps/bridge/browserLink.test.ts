import { describe, expect, it } from 'vitest';
import type { DesktopMessage } from '../../../shared/bridge/bridgeMessages';
import { OnlineBrowsers } from './browserLink';

function browser(browserId: string) {
  const sent: DesktopMessage[] = [];
  return { browserId, sent, send: (message: DesktopMessage) => void sent.push(message) };
}

describe('the browsers online', () => {
  it('get every event and site list while online, and nothing after', () => {
    const online = new OnlineBrowsers();
    const [first, second] = [browser('a'), browser('b')];
    online.add(first);
    online.add(second);
    online.emit('https://app.example.org', 'chainChanged', '0x1');
    online.remove(second);
    online.emit('https://app.example.org', 'disconnect', undefined);
    online.sitesChanged(['https://app.example.org']);
    expect(first.sent).toEqual([
      { t: 'event', origin: 'https://app.example.org', name: 'chainChanged', data: '0x1' },
      { t: 'event', origin: 'https://app.example.org', name: 'disconnect', data: null },
      { t: 'sites', windowEthereum: ['https://app.example.org'] },
    ]);
    expect(second.sent).toHaveLength(1);
    expect([online.isOnline('a'), online.isOnline('b')]).toEqual([true, false]);
  });
});
