import { calls } from '../../../src/shared/api/contract';
import type { DappApproval, DappRequestView } from '../../../src/shared/dapps';
import type { WalletConnectSessionView, WalletConnectView } from '../../../src/shared/walletConnect';
import { DEFAULT_WALLETCONNECT_RELAY } from '../../../src/shared/walletConnect';
import { ApiCallError } from '../../../src/renderer/api/client';
import type { SessionApprovals } from './dappsCalls';
import { type FamilyHandlers, routerParse } from './handlers';
import type { DoubleWorld } from './world';

type WalletConnectChannel =
  | 'walletconnect.view'
  | 'walletconnect.pair'
  | 'walletconnect.pairClipboard'
  | 'walletconnect.pairImage'
  | 'walletconnect.disconnect';

/** The "PNG" the double finds a QR code in; any other image holds none. */
export const QR_WITH_URI = 'UVJ3aXRoVVJJ';
/** The `wc:` link the double's QR code holds. */
export const QR_URI = 'wc:7f6e5d4c@2?relay-protocol=irn&symKey=00';

export interface WalletConnectCalls {
  handlers: FamilyHandlers<WalletConnectChannel>;
  /** What main holds; `pending` is ignored, counted from the dApp queue when answered, as for sites. */
  view: WalletConnectView;
  /** What the system clipboard holds, as main would read it: text, or an image with or without a QR code. */
  clipboard: { text: string } | { image: 'qr' | 'no-qr' } | null;
  /** Every URI paired, in order, as main received it (a QR image's counts as QR_WITH_URI's). */
  readonly paired: string[];
  /** The relay link or a session changed in main: pushed whole. */
  update(change: Partial<WalletConnectView>): WalletConnectView;
  /** A session approved in main (the dApp answered the proposal), listed and pushed. */
  addSession(session: WalletConnectSessionView): WalletConnectView;
  /** Like main: an approved proposal becomes a session with the accounts and chains the user granted. */
  sessions: SessionApprovals;
}

/** The relay link, the last pairing and the live sessions; every change is pushed as main does. */
export function walletConnectCalls(
  double: DoubleWorld,
  pendingFor: (topic: string) => number,
): WalletConnectCalls {
  const paired: string[] = [];
  let sessionCount = 0;
  const part: WalletConnectCalls = {
    view: {
      status: { state: 'online', relayUrl: DEFAULT_WALLETCONNECT_RELAY, error: null },
      pairing: null,
      sessions: [],
    },
    paired,
    clipboard: null,
    update(change) {
      part.view = { ...part.view, ...change };
      const shown = current();
      double.emit('walletconnect.changed', shown);
      return shown;
    },
    addSession(session) {
      return part.update({ sessions: [...part.view.sessions, session] });
    },
    sessions: { approve: approveSession },
    handlers: {
      'walletconnect.view': () => current(),
      'walletconnect.pair': (raw) =>
        pair(routerParse('walletconnect.pair', calls['walletconnect.pair'].request, raw).uri),
      'walletconnect.pairClipboard': () => {
        const held = part.clipboard;
        if (held && 'text' in held) return pair(held.text);
        return pairImage('walletconnect.pairClipboard', held ? held.image === 'qr' : null);
      },
      'walletconnect.pairImage': (raw) => {
        const { png } = routerParse('walletconnect.pairImage', calls['walletconnect.pairImage'].request, raw);
        return pairImage('walletconnect.pairImage', png === QR_WITH_URI);
      },
      'walletconnect.disconnect': (raw) => {
        const { topic } = routerParse(
          'walletconnect.disconnect',
          calls['walletconnect.disconnect'].request,
          raw,
        );
        return part.update({ sessions: part.view.sessions.filter((s) => s.topic !== topic) });
      },
    },
  };

  function current(): WalletConnectView {
    return {
      ...part.view,
      sessions: part.view.sessions.map((s) => ({ ...s, pending: pendingFor(s.topic) })),
    };
  }

  /** Like main: the image's QR code is read, then paired; `null` when there was no image at all. */
  function pairImage(channel: WalletConnectChannel, holdsQr: boolean | null): WalletConnectView {
    if (holdsQr !== true) {
      throw new ApiCallError(channel, {
        code: 'invalid_request',
        message:
          holdsQr === null
            ? 'The clipboard holds no image and no wc: link. Copy the dApp’s QR code or its link first.'
            : 'No QR code was found in the image. Pick the code itself, whole and sharp.',
      });
    }
    return pair(QR_URI);
  }

  /** Like main: refused without a project id or a link to the relay, and for text that is not a `wc:` URI. */
  function pair(uri: string): WalletConnectView {
    const { state } = part.view.status;
    if (state === 'needs-project-id' || state === 'offline') {
      throw new ApiCallError('walletconnect.pair', {
        code: 'invalid_state',
        message:
          state === 'offline'
            ? 'The WalletConnect relay cannot be reached.'
            : 'WalletConnect needs a project id: set one in Settings › WalletConnect.',
      });
    }
    if (!/^wc:[0-9a-z]+@2\?/i.test(uri.trim())) {
      throw new ApiCallError('walletconnect.pair', {
        code: 'invalid_request',
        message: 'This is not a WalletConnect link: it starts with “wc:” and names version 2.',
      });
    }
    paired.push(uri.trim());
    return part.update({ pairing: { state: 'waiting', error: null, startedAt: Date.now() } });
  }

  function approveSession(request: DappRequestView, approval: DappApproval): void {
    const { detail } = request;
    if (detail.type !== 'session') return;
    const chainIds = approval.chainIds ?? [];
    const accounts = double.accounts.filter((a) => approval.accountIds?.includes(a.id));
    if (accounts.length === 0 || !detail.requiredChainIds.every((id) => chainIds.includes(id))) {
      throw new ApiCallError('dapps.approve', {
        code: 'invalid_request',
        message: 'Choose an account, and every network the dApp requires.',
      });
    }
    const now = Date.now();
    part.addSession({
      topic: (++sessionCount).toString(16).padStart(64, 'c'),
      name: detail.name,
      origin: request.origin,
      verification: detail.verification,
      accounts: accounts.map((a) => ({ accountId: a.id, address: a.address, label: a.label })),
      chains: chainIds.map((chainId) => ({
        chainId,
        name: double.chains.find((c) => c.id === chainId)?.name ?? `Chain ${chainId}`,
      })),
      connectedAt: now,
      lastUsedAt: now,
      expiresAt: now + 7 * 86_400_000,
      pending: 0,
    });
  }

  return part;
}
