import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './appOrigin';
import { senderOf } from './ipcSender';

describe('senderOf', () => {
  const main = { origin: APP_ORIGIN };

  it('reports the main frame of our window with its origin', () => {
    expect(senderOf({ frame: main, mainFrame: main, fromOwnWindow: true })).toEqual({
      origin: APP_ORIGIN,
      isMainFrame: true,
    });
  });

  it('reports a sub-frame as such, even one with the app origin', () => {
    const child = { origin: APP_ORIGIN };
    expect(senderOf({ frame: child, mainFrame: main, fromOwnWindow: true })).toEqual({
      origin: APP_ORIGIN,
      isMainFrame: false,
    });
  });

  it('gives an opaque origin no origin at all', () => {
    const opaque = { origin: 'null' };
    expect(senderOf({ frame: opaque, mainFrame: opaque, fromOwnWindow: true }).origin).toBeNull();
  });

  it('trusts nothing from a webContents that is not one of our windows', () => {
    expect(senderOf({ frame: main, mainFrame: main, fromOwnWindow: false })).toEqual({
      origin: null,
      isMainFrame: false,
    });
  });

  it('trusts nothing from a frame that is already gone', () => {
    expect(senderOf({ frame: null, mainFrame: main, fromOwnWindow: true })).toEqual({
      origin: null,
      isMainFrame: false,
    });
  });
});
