import { AbiCoder } from 'ethers/abi';
import { id } from 'ethers/hash';
import { toBigInt } from 'ethers/utils';
import type { AssetMovement } from '../../../shared/history';
import type { ChecksumAddress } from '../../store/address';
import type { TokenLookup } from '../activity';
import type { RawLog, RawTransaction } from '../rawTransaction';
import { sameAddress, wordToAddress } from './words';

export const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
const TRANSFER_SINGLE_TOPIC = id('TransferSingle(address,address,address,uint256,uint256)');
const TRANSFER_BATCH_TOPIC = id('TransferBatch(address,address,address,uint256[],uint256[])');

interface Moved {
  standard: AssetMovement['standard'];
  token: ChecksumAddress | null;
  from: ChecksumAddress;
  to: ChecksumAddress;
  amount: bigint;
  tokenId: bigint | null;
}

/**
 * What moved in a transaction, seen from `account`: the native value of the call and the token transfer
 * logs (ERC-20 has three topics, ERC-721 four with the token id; ERC-1155 single and batch). A failed
 * transaction moved nothing. Native coin moved by internal calls is not in a receipt, so it is not seen.
 */
export function assetMovements(
  tx: RawTransaction,
  account: ChecksumAddress,
  tokens: TokenLookup,
): AssetMovement[] {
  if (tx.status === 'failed') return [];
  const moved: Moved[] = [];
  if (tx.value > 0n && tx.to) {
    moved.push({
      standard: 'native',
      token: null,
      from: tx.from,
      to: tx.to,
      amount: tx.value,
      tokenId: null,
    });
  }
  for (const log of tx.logs) moved.push(...tokenTransfers(log));
  return moved.flatMap((m) => {
    const info = m.token ? tokens(tx.chainId, m.token) : undefined;
    const common = {
      standard: m.standard,
      token: m.token,
      symbol: m.token ? (info?.symbol ?? null) : null,
      decimals: m.token ? (m.standard === 'erc721' ? 0 : (info?.decimals ?? null)) : null,
      amount: m.amount.toString(),
      tokenId: m.tokenId === null ? null : m.tokenId.toString(),
    };
    const out = sameAddress(m.from, account)
      ? [{ ...common, direction: 'out' as const, counterparty: m.to }]
      : [];
    const into = sameAddress(m.to, account)
      ? [{ ...common, direction: 'in' as const, counterparty: m.from }]
      : [];
    return [...out, ...into];
  });
}

function tokenTransfers(log: RawLog): Moved[] {
  const [topic, a, b, c] = log.topics;
  try {
    if (topic === TRANSFER_TOPIC && a && b && c === undefined && log.data.length === 66) {
      return [erc(log, 'erc20', a, b, toBigInt(log.data), null)];
    }
    if (topic === TRANSFER_TOPIC && a && b && c && log.data === '0x') {
      return [erc(log, 'erc721', a, b, 1n, toBigInt(c))];
    }
    if (topic === TRANSFER_SINGLE_TOPIC && b && c) {
      const [tokenId, amount] = AbiCoder.defaultAbiCoder().decode(['uint256', 'uint256'], log.data);
      return [erc(log, 'erc1155', b, c, amount as bigint, tokenId as bigint)];
    }
    if (topic === TRANSFER_BATCH_TOPIC && b && c) {
      const [ids, amounts] = AbiCoder.defaultAbiCoder().decode(['uint256[]', 'uint256[]'], log.data);
      return (ids as bigint[]).map((tokenId, i) =>
        erc(log, 'erc1155', b, c, (amounts as bigint[])[i] ?? 0n, tokenId),
      );
    }
  } catch {
    // A contract that emits a look-alike log with a malformed body is not a transfer.
  }
  return [];
}

function erc(
  log: RawLog,
  standard: Moved['standard'],
  from: string,
  to: string,
  amount: bigint,
  tokenId: bigint | null,
): Moved {
  return { standard, token: log.address, from: wordToAddress(from), to: wordToAddress(to), amount, tokenId };
}
