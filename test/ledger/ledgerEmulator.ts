import { DisconnectedDevice, DisconnectedDeviceDuringOperation } from '@ledgerhq/errors';
import Transport from '@ledgerhq/hw-transport';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import {
  Transaction,
  computeAddress,
  concat,
  getBytes,
  hashMessage,
  hexlify,
  keccak256,
  toUtf8String,
} from 'ethers';
import {
  SW,
  StatusWord,
  ok,
  parseApdu,
  parsePath,
  readPath,
  statusOnly,
  versionNumbers,
  type Apdu,
  type ExchangeLogEntry,
} from './apdu';
import { transactionScreen, type ScreenPair } from './emulatorScreen';
import { legacyV, serializedLength } from './emulatorSigning';
import { ProvidedTokens, parseTokenInformation } from './emulatorTokens';
import { TypedDataAssembler } from './emulatorTypedData';
import { TEST_MNEMONIC } from '../signing/fixtures';

export { SW, type ExchangeLogEntry } from './apdu';
export type { ScreenPair } from './emulatorScreen';

export interface LedgerEmulatorOptions {
  /** The app open on the device; `BOLOS` is the dashboard. Default: Ethereum 1.13.0. */
  app?: { name: string; version: string };
  /** The Ethereum app's "Blind signing" setting; off by default as on a fresh device. */
  blindSigning?: boolean;
  /** The product name the HID layer reports, e.g. "Nano S Plus". */
  model?: string;
  answer?: 'approve' | 'reject';
  /** The status word a rejection returns: 0x6985 on most apps, 0x5501 on recent firmware screens. */
  rejectStatus?: number;
  /** How long the user takes to press the buttons. */
  confirmationDelayMs?: number;
  /** What an `E0` command gets while the dashboard is open (0x6e00 older firmware, 0x6e01/0x6d02 newer). */
  dashboardStatus?: number;
  /** What an `E0` command gets while another app is open (0x6a15 by default). */
  wrongAppStatus?: number;
  mnemonic?: string;
}

const DASHBOARD = 'BOLOS';
const FIRST_VERSION_WITH_FULL_EIP712 = [1, 9, 19];

/**
 * A test double of the Ledger Ethereum app, answering at the `Transport.exchange` level with real
 * signatures from the test mnemonic. Not a device: it never touches USB and exists only under test/.
 * Like the app, it takes Ledger-signed ERC-20 descriptors (`E0 0A`) and shows a transfer of such a token in
 * clear; it records the review it would show in `lastScreen`.
 */
export class LedgerEmulator extends Transport {
  exchangeCount = 0;
  readonly exchangeLog: ExchangeLogEntry[] = [];
  app: { name: string; version: string };
  blindSigning: boolean;
  readonly model: string;
  answer: 'approve' | 'reject';
  rejectStatus: number;
  confirmationDelayMs: number;
  dashboardStatus: number;
  wrongAppStatus: number;
  /** What the app showed for the last transaction it got to its review (approved or not), pair by pair. */
  lastScreen: ScreenPair[] | null = null;

  private readonly root: HDKey;
  private lockStatus: number | null = null;
  private plugged = true;
  private readonly oneShotStatuses: number[] = [];
  private unplugAtExchange: number | null = null;
  private inFlight: { reject: (error: Error) => void } | null = null;
  private transaction: { path: number[]; payload: Buffer } | null = null;
  private message: { path: number[]; length: number; payload: Buffer } | null = null;
  private typedData = new TypedDataAssembler();
  private readonly tokens = new ProvidedTokens();

  constructor(options: LedgerEmulatorOptions = {}) {
    super();
    this.app = options.app ?? { name: 'Ethereum', version: '1.13.0' };
    this.blindSigning = options.blindSigning ?? false;
    this.model = options.model ?? 'Nano S Plus';
    this.answer = options.answer ?? 'approve';
    this.rejectStatus = options.rejectStatus ?? SW.DENIED;
    this.confirmationDelayMs = options.confirmationDelayMs ?? 0;
    this.dashboardStatus = options.dashboardStatus ?? SW.APP_NOT_OPEN;
    this.wrongAppStatus = options.wrongAppStatus ?? SW.WRONG_APP;
    this.root = HDKey.fromMasterSeed(mnemonicToSeedSync(options.mnemonic ?? TEST_MNEMONIC));
  }

  /** Every command answers `status` (0x5515 from the lock screen, 0x6b0c or 0x6982 on older firmware) until unlocked. */
  lock(status: number = SW.LOCKED): void {
    this.lockStatus = status;
  }

  unlock(): void {
    this.lockStatus = null;
  }

  /** The next exchange answers `status` instead of running, e.g. 0x6511 or 0x6a80. */
  failNext(status: number): void {
    this.oneShotStatuses.push(status);
  }

  /** Pulls the cable: an exchange waiting for the user fails as interrupted, later ones find no device. */
  unplug(): void {
    this.plugged = false;
    this.resetCommandState();
    this.inFlight?.reject(new DisconnectedDeviceDuringOperation('Ledger unplugged during the exchange'));
    this.inFlight = null;
  }

  /** Pulls the cable while the `n`-th exchange from now (1 = the next one) is running. */
  unplugDuringExchange(n = 1): void {
    this.unplugAtExchange = this.exchangeCount + n;
  }

  replug(): void {
    this.plugged = true;
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  /** The address the test mnemonic yields at `path`, as the device displays it. */
  addressAt(path: string): string {
    return computeAddress(hexlify(this.derive(parsePath(path)).publicKey ?? new Uint8Array()));
  }

  override close(): Promise<void> {
    return Promise.resolve();
  }

  override async exchange(apdu: Buffer): Promise<Buffer> {
    if (!this.plugged) throw new DisconnectedDevice('Ledger is not plugged in');
    this.exchangeCount += 1;
    const command = parseApdu(apdu);
    this.exchangeLog.push({ cla: command.cla, ins: command.ins, p1: command.p1, p2: command.p2 });
    const interrupted = new Promise<never>((_, reject) => {
      this.inFlight = { reject };
    });
    interrupted.catch(() => undefined);
    if (this.unplugAtExchange === this.exchangeCount) {
      this.unplugAtExchange = null;
      queueMicrotask(() => this.unplug());
    }
    try {
      return await Promise.race([this.answerCommand(command), interrupted]);
    } catch (error) {
      if (error instanceof StatusWord) {
        this.resetCommandState();
        return statusOnly(error.status);
      }
      throw error;
    } finally {
      this.inFlight = null;
    }
  }

  private async answerCommand(command: Apdu): Promise<Buffer> {
    // Lets an unplug scheduled for this exchange win the race, as the cable does not wait for the app.
    await Promise.resolve();
    if (!this.plugged) throw new DisconnectedDeviceDuringOperation('Ledger unplugged during the exchange');
    const oneShot = this.oneShotStatuses.shift();
    if (oneShot !== undefined) throw new StatusWord(oneShot);
    if (this.lockStatus !== null) throw new StatusWord(this.lockStatus);
    if (command.cla === 0xb0 && command.ins === 0x01) return ok(this.appAndVersion());
    if (this.app.name === DASHBOARD) throw new StatusWord(this.dashboardStatus);
    if (this.app.name !== 'Ethereum') throw new StatusWord(this.wrongAppStatus);
    if (command.cla !== 0xe0) throw new StatusWord(SW.CLA_NOT_SUPPORTED);
    switch (command.ins) {
      case 0x02:
        return this.getAddress(command);
      case 0x04:
        return this.signTransaction(command);
      case 0x06:
        return ok(Buffer.from([this.blindSigning ? 0x01 : 0x00, ...versionNumbers(this.app.version)]));
      case 0x08:
        return this.signPersonalMessage(command);
      case 0x0a:
        return ok(Buffer.from([this.tokens.add(parseTokenInformation(command.data))]));
      case 0x0c:
        return this.signTypedData(command);
      case 0x1a:
      case 0x1c:
      case 0x1e:
        return this.receiveTypedData(command);
      default:
        throw new StatusWord(SW.INS_NOT_SUPPORTED);
    }
  }

  private appAndVersion(): Buffer {
    const name = Buffer.from(this.app.name, 'ascii');
    const version = Buffer.from(this.app.version, 'ascii');
    return Buffer.concat([
      Buffer.from([0x01, name.length]),
      name,
      Buffer.from([version.length]),
      version,
      Buffer.from([0x01, 0x02]),
    ]);
  }

  private async getAddress(command: Apdu): Promise<Buffer> {
    const { path } = readPath(command.data);
    const node = this.derive(path);
    if (command.p1 === 0x01) await this.confirm();
    const publicKey = secp256k1.getPublicKey(node.privateKey ?? new Uint8Array(), false);
    const address = Buffer.from(computeAddress(hexlify(publicKey)).slice(2), 'ascii');
    const chainCode = command.p2 === 0x01 ? Buffer.from(node.chainCode ?? new Uint8Array()) : Buffer.alloc(0);
    return ok(
      Buffer.concat([
        Buffer.from([publicKey.length]),
        publicKey,
        Buffer.from([address.length]),
        address,
        chainCode,
      ]),
    );
  }

  /** Chunks carry the path then the RLP; the app knows the last chunk from the RLP length, not from P1. */
  private async signTransaction(command: Apdu): Promise<Buffer> {
    if (command.p1 === 0x00) {
      const { path, rest } = readPath(command.data);
      this.transaction = { path, payload: rest };
    } else {
      if (!this.transaction) throw new StatusWord(SW.INVALID_DATA);
      this.transaction.payload = Buffer.concat([this.transaction.payload, command.data]);
    }
    const { path, payload } = this.transaction;
    const expected = serializedLength(payload);
    if (expected === null || payload.length < expected) return ok(Buffer.alloc(0));
    this.transaction = null;
    const transaction = Transaction.from(hexlify(payload));
    const screen = transactionScreen(payload, this.tokens);
    this.tokens.clear();
    if (screen.blind && !this.blindSigning) throw new StatusWord(SW.INVALID_DATA);
    this.lastScreen = screen.pairs;
    await this.confirm();
    const signature = this.sign(path, keccak256(payload));
    const v = transaction.type === 0 ? legacyV(transaction.chainId, signature.recovery) : signature.recovery;
    return ok(Buffer.concat([Buffer.from([v]), signature.rs]));
  }

  private async signPersonalMessage(command: Apdu): Promise<Buffer> {
    if (command.p1 === 0x00) {
      const { path, rest } = readPath(command.data);
      this.message = { path, length: rest.readUInt32BE(0), payload: rest.subarray(4) };
    } else {
      if (!this.message) throw new StatusWord(SW.INVALID_DATA);
      this.message.payload = Buffer.concat([this.message.payload, command.data]);
    }
    const { path, length, payload } = this.message;
    if (payload.length < length) return ok(Buffer.alloc(0));
    this.message = null;
    await this.confirm();
    const signature = this.sign(path, hashMessage(payload));
    return ok(Buffer.concat([Buffer.from([27 + signature.recovery]), signature.rs]));
  }

  private receiveTypedData(command: Apdu): Buffer {
    if (!this.supportsFullTypedData()) throw new StatusWord(SW.INS_NOT_SUPPORTED);
    if (command.ins === 0x1a) {
      if (command.p2 === 0x00) this.typedData.defineStruct(toUtf8String(command.data));
      else this.typedData.defineField(command.data);
    } else if (command.ins === 0x1c) {
      if (command.p2 === 0x00) this.typedData.startRoot(toUtf8String(command.data));
      else if (command.p2 === 0x0f) this.typedData.arrayLength(command.data[0] ?? 0);
      else this.typedData.fieldChunk(command.data, command.p1 === 0x00);
    }
    // Filters (E0 1E) only change what the screen shows, never what is signed.
    return ok(Buffer.alloc(0));
  }

  private async signTypedData(command: Apdu): Promise<Buffer> {
    const { path, rest } = readPath(command.data);
    let digest: string;
    if (command.p2 === 0x01) {
      if (!this.supportsFullTypedData()) throw new StatusWord(SW.INVALID_DATA);
      const assembled = this.typedData;
      this.typedData = new TypedDataAssembler();
      digest = assembled.digest();
    } else {
      if (rest.length !== 64) throw new StatusWord(SW.INVALID_DATA);
      digest = keccak256(concat(['0x1901', rest]));
    }
    await this.confirm();
    const signature = this.sign(path, digest);
    return ok(Buffer.concat([Buffer.from([27 + signature.recovery]), signature.rs]));
  }

  private supportsFullTypedData(): boolean {
    const version = versionNumbers(this.app.version);
    for (let i = 0; i < FIRST_VERSION_WITH_FULL_EIP712.length; i++) {
      const [have, need] = [version[i] ?? 0, FIRST_VERSION_WITH_FULL_EIP712[i] ?? 0];
      if (have !== need) return have > need;
    }
    return true;
  }

  private async confirm(): Promise<void> {
    if (this.confirmationDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.confirmationDelayMs));
    if (this.answer === 'reject') throw new StatusWord(this.rejectStatus);
  }

  private sign(path: number[], digest: string): { recovery: number; rs: Buffer } {
    const key = this.derive(path).privateKey;
    if (!key) throw new Error('no private key');
    const recovered = secp256k1.sign(getBytes(digest), key, { prehash: false, format: 'recovered' });
    return { recovery: recovered[0] ?? 0, rs: Buffer.from(recovered.subarray(1)) };
  }

  private derive(path: number[]): HDKey {
    return path.reduce((node, index) => node.deriveChild(index), this.root);
  }

  private resetCommandState(): void {
    this.transaction = null;
    this.tokens.clear();
    this.message = null;
    this.typedData = new TypedDataAssembler();
  }
}
