import { randomBytes } from 'node:crypto';
import { settleTrezorOptions, type SettledTrezorOptions, type TrezorOptions } from '../trezorOptions';
import { DeviceFailure, expectMessage, failure, type DeviceFlow, type EthereumContext } from './deviceFlow';
import { EmulatorKeys } from './emulatorKeys';
import { ETHEREUM_FLOWS } from './ethereumFlows';
import { stateAddress } from './stateAddressFlow';
import type { WireMessage } from './trezorWire';

export type EmulatedTrezorOptions = TrezorOptions;

type FlowStart = (context: EthereumContext, message: Record<string, unknown>) => DeviceFlow;

/** What the user does at the next button request. */
type Press = 'confirm' | 'reject';

/** `Features.model` for the models the emulator stands in for; others report their internal name. */
const MODEL_NAMES: Partial<Record<string, string>> = { T1B1: '1', T2T1: 'T', T2B1: 'Safe 3', T3T1: 'Safe 5' };

/**
 * The device behind the test bridge: one Trezor holding a test mnemonic, answering the protobuf messages
 * TrezorConnect sends for Ethereum, with the firmware's PIN, passphrase and button steps. A test double:
 * it never touches USB and exists only under test/.
 */
export class EmulatedTrezor {
  /** Message types received, in order, so tests can see exactly what TrezorConnect sent. */
  readonly received: string[] = [];
  readonly options: SettledTrezorOptions;
  private locked: boolean;
  /** The open session's passphrase; null until asked (always '' without passphrase protection). */
  private passphrase: string | null;
  private sessionId = randomBytes(32).toString('hex');
  private flow: DeviceFlow | null = null;
  private lastPress: Press = 'confirm';
  private rejectNextButton = false;
  private holdButtons = false;
  /** The button request the user is looking at, while buttons are held. */
  private heldButton: { press: (press: Press) => void } | null = null;
  private buttonShown: (() => void) | null = null;

  constructor(options: EmulatedTrezorOptions = {}) {
    this.options = settleTrezorOptions(options);
    this.locked = this.options.pin !== null;
    this.passphrase = this.options.passphrase ? null : '';
  }

  // Test controls.

  /** The user presses "cancel" at the next button request. */
  rejectNext(): void {
    this.rejectNextButton = true;
  }

  /** Button requests stay on screen until `press` (or a cancel, or the cable coming out) ends them. */
  holdButtonRequests(): Promise<void> {
    this.holdButtons = true;
    return new Promise((resolve) => (this.buttonShown = resolve));
  }

  press(press: Press = 'confirm'): void {
    this.holdButtons = false;
    this.heldButton?.press(press);
  }

  /** Power is cut: the session (PIN, passphrase, open flow) ends and a held button counts as refused. */
  powerOff(): void {
    this.locked = this.options.pin !== null;
    this.passphrase = this.options.passphrase ? null : '';
    this.flow = null;
    this.heldButton?.press('reject');
  }

  // Host messages.

  /** Answers one host message; a held button request makes the answer wait for the user. */
  async exchange(message: WireMessage): Promise<WireMessage> {
    this.received.push(message.type);
    switch (message.type) {
      case 'Initialize':
        return this.initialize(message.message);
      case 'GetFeatures':
        return this.features();
      case 'Cancel':
        return this.cancel() ?? failure('Failure_ActionCancelled', 'Action cancelled by user');
      case 'ButtonAck':
        this.lastPress = await this.nextPress();
        break;
      default:
        break;
    }
    const open = this.flow;
    if (open) return this.step(() => open.next(message));
    const start: FlowStart | undefined =
      message.type === 'GetAddress'
        ? (context, fields) => stateAddress(context.keys, fields)
        : ETHEREUM_FLOWS[message.type];
    if (!start) return failure('Failure_UnexpectedMessage', `Unexpected message ${message.type}`);
    const flow = this.unlocked((context) => start(context, message.message));
    this.flow = flow;
    return this.step(() => flow.next(message));
  }

  /**
   * A host `Cancel`: the open flow ends. A held button request answers its own call as cancelled, so the
   * Cancel itself then has no answer (null); otherwise the device answers it with a Failure.
   */
  cancel(): WireMessage | null {
    if (this.heldButton) {
      this.heldButton.press('reject');
      return null;
    }
    this.flow = null;
    return failure('Failure_ActionCancelled', 'Action cancelled by user');
  }

  private initialize(message: Record<string, unknown>): WireMessage {
    this.flow = null;
    // Resuming the same session keeps its passphrase; any other Initialize starts a fresh one.
    if (message.session_id !== this.sessionId) {
      this.sessionId = randomBytes(32).toString('hex');
      this.passphrase = this.options.passphrase ? null : '';
    }
    return this.features();
  }

  private features(): WireMessage {
    const [major, minor, patch] = this.options.firmware;
    return {
      type: 'Features',
      message: {
        vendor: 'trezor.io',
        major_version: major,
        minor_version: minor,
        patch_version: patch,
        device_id: 'EMULATED0000000000000001',
        pin_protection: this.options.pin !== null,
        passphrase_protection: this.options.passphrase,
        label: this.options.label,
        initialized: true,
        unlocked: !this.locked,
        model: MODEL_NAMES[this.options.model] ?? this.options.model,
        internal_model: this.options.model,
        session_id: this.sessionId,
        capabilities: ['Capability_Bitcoin', 'Capability_Ethereum'],
        backup_availability: 'NotAvailable',
        recovery_status: 'Nothing',
        language: 'en-US',
        imported: false,
        no_backup: false,
        unfinished_backup: false,
        safety_checks: 'Strict',
        busy: false,
        // Otherwise TrezorConnect tries to upload a translation blob before every call.
        language_version_matches: true,
      },
    };
  }

  private step(advance: () => IteratorResult<WireMessage, WireMessage>): WireMessage {
    try {
      const result = advance();
      if (result.done) this.flow = null;
      return result.value;
    } catch (error) {
      this.flow = null;
      if (error instanceof DeviceFailure) return failure(error.code, error.message);
      throw error;
    }
  }

  /** PIN, then passphrase, as the firmware asks before anything that needs the seed. */
  private *unlocked(start: (context: EthereumContext) => DeviceFlow): DeviceFlow {
    if (this.locked) {
      const ack = yield { type: 'PinMatrixRequest', message: { type: 'PinMatrixRequestType_Current' } };
      if (expectMessage(ack, 'PinMatrixAck').pin !== this.options.pin) {
        throw new DeviceFailure('Failure_PinInvalid', 'Invalid PIN');
      }
      this.locked = false;
    }
    if (this.passphrase === null) {
      const ack = yield { type: 'PassphraseRequest', message: {} };
      const passphrase = expectMessage(ack, 'PassphraseAck').passphrase;
      this.passphrase = typeof passphrase === 'string' ? passphrase : '';
    }
    const keys = new EmulatorKeys(this.options.mnemonic, this.passphrase);
    return yield* start({ keys, confirm: (code) => this.confirm(code) });
  }

  private *confirm(code: string): Generator<WireMessage, void, WireMessage> {
    expectMessage(yield { type: 'ButtonRequest', message: { code } }, 'ButtonAck');
    if (this.lastPress === 'reject')
      throw new DeviceFailure('Failure_ActionCancelled', 'Action cancelled by user');
  }

  private nextPress(): Promise<Press> {
    if (this.rejectNextButton) {
      this.rejectNextButton = false;
      return Promise.resolve('reject');
    }
    if (!this.holdButtons) return Promise.resolve('confirm');
    return new Promise<Press>((resolve) => {
      this.heldButton = {
        press: (press) => {
          this.heldButton = null;
          resolve(press);
        },
      };
      this.buttonShown?.();
      this.buttonShown = null;
    });
  }
}
