import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { APP_ENTRY_URL, APP_ORIGIN } from './appOrigin';
import { hardenContents, hardenSession } from './security';

type Listener = (...args: unknown[]) => unknown;
const ledger = { deviceId: 'ledger', vendorId: 0x2c97, productId: 0x4011, name: 'Nano X' };

/** The parts of Electron's Session that hardenSession touches, as plain handlers and events. */
class FakeSession extends EventEmitter {
  request?: Listener;
  check?: Listener;
  device?: Listener;
  setPermissionRequestHandler(handler: Listener) {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: Listener) {
    this.device = handler;
  }
  displayMedia?: Listener;
  setDisplayMediaRequestHandler(handler: Listener) {
    this.displayMedia = handler;
  }
}

/** The parts of Electron's WebContents that hardenContents touches. */
class FakeContents extends EventEmitter {
  windowOpen?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpen = handler;
  }
}

/** An event as Electron hands it to a listener: it only records whether it was prevented. */
function event(url = '') {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

let lines: string[];
const log = () => createLogger('electron', (line) => lines.push(line));
beforeEach(() => {
  lines = [];
});

describe('hardenSession', () => {
  function harden() {
    const session = new FakeSession();
    hardenSession(session as unknown as Session, log());
    return session;
  }
  const answer = (session: FakeSession, permission: string, requestingUrl: string, isMainFrame = true) => {
    let granted: boolean | undefined;
    session.request?.({}, permission, (allowed: boolean) => (granted = allowed), {
      requestingUrl,
      isMainFrame,
    });
    return granted;
  };

  it('lets the wallet page write the clipboard, and asks before saving a backup it made', () => {
    const session = harden();
    expect(answer(session, 'clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(session.check?.({}, 'clipboard-sanitized-write', APP_ORIGIN, { isMainFrame: true })).toBe(true);
    const save = event();
    session.emit('will-download', save, { getURL: () => `blob:${APP_ORIGIN}/5f0c1d9e` });
    expect(save.prevented).toBe(false);
  });

  it.each(['hid', 'usb', 'serial'])(
    'gives the wallet page no %s device, by request, check or grant',
    (kind) => {
      const session = harden();
      expect(answer(session, kind, APP_ENTRY_URL)).toBe(false);
      expect(session.check?.({}, kind, APP_ORIGIN, { isMainFrame: true })).toBe(false);
      expect(session.device?.({ deviceType: kind, origin: APP_ORIGIN, device: ledger })).toBe(false);
      expect(lines.join('')).toMatch(new RegExp(`permission request refused.*"permission":"${kind}"`));
    },
  );

  it('cancels every device chooser, even with a hardware wallet plugged in', () => {
    const session = harden();
    const frame = { origin: APP_ORIGIN, parent: null };
    for (const [name, args, cancelled] of [
      ['select-hid-device', [{ frame, deviceList: [ledger] }], undefined],
      ['select-usb-device', [{ frame, deviceList: [ledger] }], undefined],
      ['select-serial-port', [[{ portId: 'ledger', vendorId: '2c97' }], {}], ''],
    ] as const) {
      const chooser = event();
      const picked: unknown[][] = [];
      session.emit(name, chooser, ...args, (...id: unknown[]) => picked.push(id));
      expect(chooser.prevented).toBe(true);
      expect(picked).toEqual([cancelled === undefined ? [] : [cancelled]]);
    }
  });

  it('refuses downloads the wallet page did not make', () => {
    const session = harden();
    for (const url of ['https://evil.example/payload.exe', 'blob:https://evil.example/5f0c1d9e']) {
      const download = event();
      session.emit('will-download', download, { getURL: () => url });
      expect(download.prevented).toBe(true);
    }
    expect(answer(session, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });

  describe('a still of the screen (reading a QR code from it)', () => {
    const screen = { id: 'screen:0:0', name: 'Entire screen' };
    const mainFrame = { parent: null };
    const ask = async (session: FakeSession, request: Record<string, unknown>) =>
      new Promise<unknown>((resolve) =>
        session.displayMedia?.(
          {
            securityOrigin: APP_ORIGIN,
            frame: mainFrame,
            userGesture: true,
            audioRequested: false,
            ...request,
          },
          resolve,
        ),
      );

    it('gives the wallet page the screen when the user asked for it', async () => {
      const session = new FakeSession();
      hardenSession(session as unknown as Session, log(), async () => [screen as never]);
      expect(await ask(session, {})).toEqual({ video: screen });
    });

    it('refuses another origin, a sub-frame, no gesture, sound, or a shell that offers no screens', async () => {
      const session = new FakeSession();
      hardenSession(session as unknown as Session, log(), async () => [screen as never]);
      expect(await ask(session, { securityOrigin: 'https://evil.example' })).toEqual({});
      expect(await ask(session, { frame: { parent: mainFrame } })).toEqual({});
      expect(await ask(session, { frame: null })).toEqual({});
      expect(await ask(session, { userGesture: false })).toEqual({});
      expect(await ask(session, { audioRequested: true })).toEqual({});
      const without = new FakeSession();
      hardenSession(without as unknown as Session, log());
      expect(await ask(without, {})).toEqual({});
      expect(lines.some((line) => line.includes('screen capture refused'))).toBe(true);
    });
  });
});

describe('hardenContents', () => {
  function harden() {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenContents(contents as unknown as WebContents, async (url) => void opened.push(url), log());
    return { contents, opened };
  }

  it.each(['will-navigate', 'will-redirect'])('keeps %s on the wallet’s own pages', (name) => {
    const { contents } = harden();
    const inside = event(`${APP_ORIGIN}/index.html#/history`);
    contents.emit(name, inside);
    expect(inside.prevented).toBe(false);
    for (const url of [
      'https://evil.example/?address=0xabc',
      'file:///etc/passwd',
      `app://wallet.evil.example/`,
    ]) {
      const away = event(url);
      contents.emit(name, away);
      expect(away.prevented).toBe(true);
    }
    // Scheme and host only: the rest of the URL can carry user data.
    expect(lines.join('')).toContain('"to":"https://evil.example"');
    expect(lines.join('')).not.toContain('0xabc');
  });

  it('opens no window: an https link goes to the browser, anything else nowhere', async () => {
    const { contents, opened } = harden();
    for (const url of [
      'https://etherscan.io/tx/0x1',
      'http://example.com/',
      'file:///etc/passwd',
      `${APP_ENTRY_URL}`,
    ]) {
      expect(contents.windowOpen?.({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual(['https://etherscan.io/tx/0x1']);
  });

  it('refuses webviews and cancels the Bluetooth chooser', () => {
    const { contents } = harden();
    const webview = event();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    const chooser = event();
    const picked: string[] = [];
    contents.emit('select-bluetooth-device', chooser, [{ deviceId: 'ledger' }], (id: string) =>
      picked.push(id),
    );
    expect(chooser.prevented).toBe(true);
    expect(picked).toEqual(['']);
  });
});
