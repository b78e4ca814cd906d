import Eth from '@ledgerhq/hw-app-eth';
import type Transport from '@ledgerhq/hw-transport';
import { SigningKey, computeAddress, getBytes } from 'ethers';
import { ledgerClearTransfer } from '../../review/device/ledgerClearSigning';
import { toChecksumAddress, type ChecksumAddress } from '../../store/address';
import { deriveChildAddress } from '../derivation';
import type { DeviceProbe } from '../deviceSource';
import type {
  ActivityListener,
  ExtendedPublicKey,
  SignatureParts,
  Signer,
  TypedData,
  TypedDataOptions,
  TypedDataSignature,
  UnsignedTransaction,
} from '../signer';
import { clearSignsTypedData, readOpenApp, requireEthereumApp } from './ledgerAppInfo';
import { LedgerConnection, type TransportOpener } from './ledgerConnection';
import { groupByParent } from './ledgerPaths';
import { type LedgerCommand, toDeviceError } from './ledgerStatus';
import { serializeForLedger, yParityFromMessageV, yParityFromV } from './ledgerTransaction';
import { toLedgerTypedMessage } from './ledgerTypedData';
import { blindSigningRefused } from '../signingChecks';
import { typedDataHashes } from '../typedDataHash';

/**
 * Keeps hw-app-eth offline: without these it fetches token, plugin, NFT and EIP-712 filter data from Ledger's
 * services. The wallet signs what it built itself, so it needs none of them.
 */
export const OFFLINE_LOAD_CONFIG = {
  calServiceURL: null,
  cryptoassetsBaseURL: null,
  nftExplorerBaseURL: null,
  pluginBaseURL: null,
  extraPlugins: null,
};

/** An explicit empty resolution, so signTransaction does not resolve the transaction over the network. */
const NO_RESOLUTION = { domains: [], plugin: [], externalPlugin: [], nfts: [], erc20Tokens: [] };

/**
 * The resolution hw-app-eth hands the app before the transaction: for an ERC-20 transfer of a token Ledger
 * signed a descriptor for, that descriptor (bundled, never fetched), so the app shows token, amount and
 * recipient instead of asking for blind signing. Everything else signs with nothing resolved.
 */
function resolutionFor(transaction: UnsignedTransaction) {
  if (transaction.chainId > BigInt(Number.MAX_SAFE_INTEGER)) return NO_RESOLUTION;
  const transfer = ledgerClearTransfer(Number(transaction.chainId), transaction);
  return transfer ? { ...NO_RESOLUTION, erc20Tokens: [transfer.token.hex] } : NO_RESOLUTION;
}

export class LedgerSigner implements Signer {
  readonly kind = 'ledger';
  private readonly connection: LedgerConnection;

  /** Takes a Transport as is (a recording replays unchanged) or an opener that can reopen after an unplug. */
  constructor(
    source: Transport | TransportOpener | LedgerConnection,
    private readonly onActivity: ActivityListener = () => undefined,
  ) {
    this.connection = source instanceof LedgerConnection ? source : new LedgerConnection(source);
  }

  /** One exchange per non-hardened parent shared by two or more paths, else one per path. */
  async getAddresses(paths: readonly string[]): Promise<ChecksumAddress[]> {
    const found = new Map<string, ChecksumAddress>();
    for (const group of groupByParent(paths)) {
      if (group.parent === null) {
        for (const { path } of group.children) found.set(path, await this.readAddress(path, false));
        continue;
      }
      const parent = await this.getExtendedPublicKey(group.parent);
      for (const { path, index } of group.children) found.set(path, deriveChildAddress(parent, index));
    }
    return paths.map((path) => found.get(path) as ChecksumAddress);
  }

  showAddress(path: string): Promise<ChecksumAddress> {
    return this.readAddress(path, true);
  }

  getExtendedPublicKey(path: string): Promise<ExtendedPublicKey> {
    return this.request('address', async (eth) => {
      const { publicKey, chainCode } = await eth.getAddress(path, false, true);
      if (!chainCode) throw new Error('the Ledger returned no chain code');
      return {
        publicKey: getBytes(SigningKey.computePublicKey(`0x${publicKey}`, true)),
        chainCode: getBytes(`0x${chainCode}`),
      };
    });
  }

  signTransaction(path: string, transaction: UnsignedTransaction): Promise<SignatureParts> {
    const unsigned = serializeForLedger(transaction);
    const command = carriesContractData(transaction) ? 'contract-call' : 'transaction';
    const resolution = resolutionFor(transaction);
    return this.request(command, async (eth) => {
      this.onActivity({ state: 'awaiting_confirmation', detail: 'Check the transaction on the Ledger' });
      const { v, r, s } = await eth.signTransaction(path, unsigned, resolution);
      return { r: `0x${r}`, s: `0x${s}`, yParity: yParityFromV(v, transaction) };
    });
  }

  signPersonalMessage(path: string, message: Uint8Array): Promise<SignatureParts> {
    return this.request('personal-message', async (eth) => {
      this.onActivity({ state: 'awaiting_confirmation', detail: 'Check the message on the Ledger' });
      const { v, r, s } = await eth.signPersonalMessage(path, Buffer.from(message).toString('hex'));
      return { r: `0x${r}`, s: `0x${s}`, yParity: yParityFromMessageV(v) };
    });
  }

  /** Full mode where the app has it; hashed (blind) mode only when `options.allowHashed` says the user agreed. */
  signTypedData(path: string, data: TypedData, options?: TypedDataOptions): Promise<TypedDataSignature> {
    return this.request('typed-data', async (eth, transport) => {
      const app = await readOpenApp(transport);
      requireEthereumApp(app);
      if (clearSignsTypedData(app.version)) {
        this.onActivity({
          state: 'awaiting_confirmation',
          detail: 'Check the typed data fields on the Ledger',
        });
        const { v, r, s } = await eth.signEIP712Message(path, toLedgerTypedMessage(data));
        return { signature: { r: `0x${r}`, s: `0x${s}`, yParity: yParityFromMessageV(v) }, mode: 'clear' };
      }
      if (!options?.allowHashed) throw blindSigningRefused();
      const { domainSeparator, structHash } = typedDataHashes(data);
      this.onActivity({
        state: 'awaiting_confirmation',
        detail: `Blind signing: the Ledger shows only hashes. Domain hash ${domainSeparator}, message hash ${structHash}`,
      });
      const { v, r, s } = await eth.signEIP712HashedMessage(path, domainSeparator, structHash);
      return { signature: { r: `0x${r}`, s: `0x${s}`, yParity: yParityFromMessageV(v) }, mode: 'hashed' };
    });
  }

  /** What is open (`B0 01`) and, for the Ethereum app, its blind-signing setting (`E0 06`). */
  probe(): Promise<DeviceProbe> {
    return this.connection.use(async (transport) => {
      const app = await readOpenApp(transport);
      requireEthereumApp(app);
      const configuration = await ledgerEth(transport).getAppConfiguration();
      return {
        app,
        blindSigning: (configuration.arbitraryDataEnabled & 0x01) === 0x01,
        clearSignsTypedData: clearSignsTypedData(app.version),
      };
    }, 'configuration');
  }

  private readAddress(path: string, display: boolean): Promise<ChecksumAddress> {
    return this.request('address', async (eth) => {
      if (display)
        this.onActivity({ state: 'awaiting_confirmation', detail: 'Compare the address on the Ledger' });
      const { publicKey } = await eth.getAddress(path, display, false);
      return toChecksumAddress(computeAddress(`0x${publicKey}`));
    });
  }

  /** Reports the outcome as activity too, so a screen waiting on the device never stays on "confirm". */
  private async request<T>(
    command: LedgerCommand,
    task: (eth: Eth, transport: Transport) => Promise<T>,
  ): Promise<T> {
    try {
      const result = await this.connection.use((transport) => task(ledgerEth(transport), transport), command);
      this.onActivity({ state: 'ready' });
      return result;
    } catch (cause) {
      const error = toDeviceError(cause, command);
      this.onActivity({ state: error.state, detail: error.message });
      throw error;
    }
  }
}

/** What the Ethereum app treats as contract data: any calldata at all. */
function carriesContractData(transaction: UnsignedTransaction): boolean {
  return transaction.data !== '' && transaction.data !== '0x';
}

function ledgerEth(transport: Transport): Eth {
  return new Eth(transport, 'w0w', OFFLINE_LOAD_CONFIG);
}
