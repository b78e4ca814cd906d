import type { Channel } from '../../src/shared/api/contract';
import type { ApiFailure } from '../../src/shared/api/envelope';

import type { SigningRequestView } from '../../src/shared/devices';

import type { PairingView } from '../../src/shared/pairing';

import type { OutgoingView } from '../../src/shared/tx';

import { ApiCallError, type WalletClient } from '../../src/renderer/api/client';
import { accountCalls } from './double/accountCalls';
import { chainCalls } from './double/chainCalls';
import { dappsCalls } from './double/dappsCalls';
import { deviceSigning } from './double/deviceSigning';
import type { DoubleHandlers } from './double/handlers';
import { DoubleWorld } from './double/world';
import { historyCalls } from './double/historyCalls';
import { nameCalls } from './double/nameCalls';
import { pairingCalls } from './double/pairingCalls';
import { safesCalls } from './double/safesCalls';
import { settingsCalls } from './double/settingsCalls';
import { syncCalls } from './double/syncCalls';
import { txCalls } from './double/txCalls';
import { updatesCalls } from './double/updatesCalls';
import { walletConnectCalls } from './double/walletConnectCalls';

/**
 * A test double of the renderer's WalletClient: answers from memory the way main's router does, records
 * every call, and can be told to fail. Reviews of a send are TxService's own, recorded (see
 * double/sendReviewScenarios.ts). Each family of calls is answered by its part in ./double.
 */
export class WalletClientDouble extends DoubleWorld implements WalletClient {
  readonly calls: { channel: Channel; request: unknown }[] = [];
  /** While set, every call fails with it, as when the browser host has gone away. */
  unreachable: Error | null = null;
  private readonly refusals = new Map<Channel, ApiFailure>();
  private readonly holds = new Map<Channel, Promise<void>>();
  private readonly signing = deviceSigning(this);
  private readonly tx = txCalls(this, this.signing);
  private readonly pairingPart = pairingCalls(this);
  /** WalletConnect's relay link, pairing and sessions: tests set `view` and play the relay or a dApp. */
  readonly walletConnect = walletConnectCalls(this, (topic) => this.pendingFromSession(topic));
  /** Connected sites, their requests and paired browsers: tests set `state` and play a site or an extension. */
  readonly dapps = dappsCalls(this, this.signing, this.walletConnect.sessions);
  /** Safes and their transactions: tests put Safes `onChain` for safes.add to find. */
  readonly safesPart = safesCalls(this, this.signing);
  /** The app's own updates: tests set `nextCheck` or `update` the status, and count `restarts`. */
  readonly updates = updatesCalls(this);
  private readonly handlers: DoubleHandlers = {
    ...settingsCalls(this),
    ...chainCalls(this),
    ...accountCalls(this, this.signing),
    ...this.signing.handlers,
    ...historyCalls(this),
    ...this.tx.handlers,
    ...this.pairingPart.handlers,
    ...nameCalls(this),
    ...syncCalls(this),
    ...this.dapps.handlers,
    ...this.walletConnect.handlers,
    ...this.safesPart.handlers,
    ...this.updates.handlers,
  };

  readonly call: WalletClient['call'] = async (channel, ...args) => {
    this.calls.push({ channel, request: args[0] });
    if (this.unreachable) throw this.unreachable;
    await this.holds.get(channel);
    const refusal = this.refusals.get(channel);
    if (refusal) {
      this.refusals.delete(channel);
      throw new ApiCallError(channel, refusal);
    }
    return this.handlers[channel](...args);
  };

  readonly on: WalletClient['on'] = (name, listener) => {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  };

  /** Like main: a session's requests waiting in the dApp queue. */
  private pendingFromSession(topic: string): number {
    return this.dapps.state.requests.filter((r) => r.via.kind === 'walletconnect' && r.via.topic === topic)
      .length;
  }

  /** The next call on the channel fails with this code and message, as main refuses what it cannot do. */
  refuseNext(channel: Channel, failure: ApiFailure): void {
    this.refusals.set(channel, failure);
  }

  /**
   * Calls on the channel wait until the returned function is called, so a test can look at the screen while
   * main is still working.
   */
  hold(channel: Channel): () => void {
    let release!: () => void;
    this.holds.set(channel, new Promise((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(channel);
      release();
    };
  }

  /**
   * The device waits for the user until the returned function is called, so a test can look at the signing
   * sheet while a request is awaiting confirmation.
   */
  holdDevice(): () => void {
    return this.signing.holdDevice();
  }

  /** A phone scanned the QR code and finished the handshake: both screens now show `code`. */
  phoneHandshake(phoneName: string, code: string): PairingView {
    return this.updateAttempt({ state: 'confirming', phoneName, code });
  }

  /** The user tapped "Codes match" on the phone. */
  phoneConfirms(): PairingView {
    return this.pairingPart.settleAttempt({ phoneConfirmed: true });
  }

  /** A phone's request as main queues it: pushed, and kept for signing.cancel and signing.retry. */
  askPhone(request: SigningRequestView): void {
    this.signing.askPhone(request);
  }

  /**
   * A transaction moving on chain, as main's tracker reports it: the whole list is pushed again. An included
   * revoke removes its allowance, as the next read of the chain would.
   */
  settleTx(id: number, change: Partial<OutgoingView>): void {
    this.tx.settleTx(id, change);
  }
}
