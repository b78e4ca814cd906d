import type { Sender } from '../api/router';

/** The part of Electron's WebFrameMain the decision needs; identity is compared, not structure. */
export interface Frame {
  readonly origin: string;
}

export interface IpcOrigin {
  /** `event.senderFrame`: null once the frame has navigated away or been destroyed. */
  frame: Frame | null;
  /** `event.sender.mainFrame` of the webContents that sent the message. */
  mainFrame: Frame;
  /** Whether that webContents belongs to one of the wallet's own windows. */
  fromOwnWindow: boolean;
}

/**
 * Who the router is told sent a message. Chromium's frame origin is used rather than one parsed from the
 * URL: it is what the page really runs as (an `about:blank` or sandboxed frame has no app origin even when
 * its URL looks like one). Anything not from our windows' main frames is reported as a sub-frame of no
 * origin, so the router's single refusal path handles it.
 */
export function senderOf({ frame, mainFrame, fromOwnWindow }: IpcOrigin): Sender {
  if (!fromOwnWindow || frame === null) return { origin: null, isMainFrame: false };
  return {
    origin: frame.origin === 'null' || frame.origin === '' ? null : frame.origin,
    isMainFrame: frame === mainFrame,
  };
}
