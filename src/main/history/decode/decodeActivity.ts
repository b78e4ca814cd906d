import { id } from 'ethers/hash';
import { dataSlice, toBigInt } from 'ethers/utils';
import type { ActivityKind, AssetMovement } from '../../../shared/history';
import type { ChecksumAddress } from '../../store/address';
import type { BridgeLeg, DecodedActivity, DecodedApproval, TokenLookup } from '../activity';
import type { RawTransaction } from '../rawTransaction';
import { decodeApproval } from './approvals';
import { assetMovements } from './assetMovements';
import { decodeBridgeLegs } from './bridges';
import { type MethodIntent, lookupMethod, selectorOfInput } from './selectors';
import { sameAddress } from './words';

/** Uniswap v2 pairs and v3 pools (and their many forks) emit these; the account's transfers say what was traded. */
const SWAP_TOPICS = new Set([
  id('Swap(address,uint256,uint256,uint256,uint256,address)'),
  id('Swap(address,address,int256,int256,uint160,uint128,int24)'),
]);

/**
 * What `tx` did for `account`. The kind is the first that applies:
 * 1. contract-creation: the transaction deployed a contract;
 * 2. bridge: a bridge leg of the account's (a deposit also moves tokens, and those are its detail);
 * 3. swap: a DEX Swap event, and the account both gave and got something;
 * 4. approval / revoke: the account set an allowance (a zero amount or a cleared ApprovalForAll revokes);
 * 5. send / receive / self: plain value transfers, direct token transfers, and anything that only brought
 *    the account assets from someone else's call;
 * 6. contract-call: everything else the account called.
 * A failed transaction moved nothing and emitted nothing, so its kind comes from the called method alone.
 */
export function decodeActivity(
  tx: RawTransaction,
  account: ChecksumAddress,
  tokens: TokenLookup,
): DecodedActivity {
  const method = lookupMethod(tx.input);
  const bridgeLegs = decodeBridgeLegs(tx, account);
  const assets = withBridgedAmounts(assetMovements(tx, account, tokens), bridgeLegs, tx, tokens);
  const approval = decodeApproval(tx, account);
  const kind =
    tx.status === 'failed'
      ? intendedKind(tx, account, method?.intent)
      : minedKind(tx, account, method?.intent, { assets, approval, bridged: bridgeLegs.length > 0 });
  // A creation's input is init code, not a call, so it has no method.
  const label = tx.to === null ? null : (method?.name ?? selectorOfInput(tx.input));
  return { kind, method: label, assets, approval, bridgeLegs };
}

interface Effects {
  assets: readonly AssetMovement[];
  approval: DecodedApproval | null;
  bridged: boolean;
}

function minedKind(
  tx: RawTransaction,
  account: ChecksumAddress,
  intent: MethodIntent | undefined,
  { assets, approval, bridged }: Effects,
): ActivityKind {
  if (tx.contractAddress) return 'contract-creation';
  if (bridged) return 'bridge';
  const gave = assets.some((asset) => asset.direction === 'out');
  const got = assets.some((asset) => asset.direction === 'in');
  if (gave && got && tx.logs.some((log) => SWAP_TOPICS.has(log.topics[0] ?? ''))) return 'swap';
  if (approval) return approval.amount === 0n ? 'revoke' : 'approval';
  if (tx.input === '0x' || intent === 'transfer') return direction(tx, account, gave, got);
  if (!sameAddress(tx.from, account) && got && !gave) return 'receive';
  return 'contract-call';
}

function direction(tx: RawTransaction, account: ChecksumAddress, gave: boolean, got: boolean): ActivityKind {
  if (gave !== got) return gave ? 'send' : 'receive';
  if (sameAddress(tx.from, account) && sameAddress(tx.to, account)) return 'self';
  return sameAddress(tx.from, account) ? 'send' : 'receive';
}

/** The kind a failed transaction would have had, read from its calldata. */
function intendedKind(
  tx: RawTransaction,
  account: ChecksumAddress,
  intent: MethodIntent | undefined,
): ActivityKind {
  if (!tx.to) return 'contract-creation';
  switch (intent) {
    case 'approve':
      return secondArgument(tx.input) === 0n ? 'revoke' : 'approval';
    case 'swap':
      return 'swap';
    case 'bridge':
      return 'bridge';
    case 'transfer':
      return 'send';
    case undefined:
      return tx.input === '0x' ? direction(tx, account, false, false) : 'contract-call';
    default:
      return 'contract-call';
  }
}

/** Every approve-intent method takes its amount or flag second, and zero there revokes. */
function secondArgument(input: string): bigint | null {
  return input.length >= 2 + 8 + 128 ? toBigInt(dataSlice(input, 36, 68)) : null;
}

/**
 * A bridge leg names what it carries even where no transfer log shows it (a burn by the bridge contract
 * itself, a mint it does later): the entry then still says what was bridged.
 */
function withBridgedAmounts(
  assets: AssetMovement[],
  legs: readonly BridgeLeg[],
  tx: RawTransaction,
  tokens: TokenLookup,
): AssetMovement[] {
  const added = legs.flatMap((leg): AssetMovement[] => {
    if (leg.amount === null || leg.role === 'refund') return [];
    const direction = leg.role === 'source' ? 'out' : 'in';
    const shown = assets.some(
      (asset) => asset.direction === direction && (asset.token ?? null) === (leg.token ?? null),
    );
    if (shown || tx.status === 'failed') return [];
    const info = leg.token ? tokens(tx.chainId, leg.token) : undefined;
    return [
      {
        standard: leg.token ? 'erc20' : 'native',
        token: leg.token,
        symbol: info?.symbol ?? null,
        decimals: info?.decimals ?? null,
        amount: leg.amount.toString(),
        tokenId: null,
        direction,
        counterparty: tx.to,
      },
    ];
  });
  return [...assets, ...added];
}
