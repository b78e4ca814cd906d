import { TxReview, type DeviceScreen } from '../../../src/shared/review';
import type { AccountView } from '../../../src/shared/accounts';
import type { DeviceView } from '../../../src/shared/devices';
import type { AllowanceView, OutgoingView } from '../../../src/shared/tx';

/**
 * Reviews the double makes up where no send was recorded: a speed-up or cancel, and a revoke. Their figures
 * follow main's rules in round numbers: the original paid at most 42 gwei per gas over 21,000 gas, and a
 * replacement bids 10 % more, the least a node accepts.
 */
const OLD_PER_GAS = 42_000_000_000n;
const NEW_PER_GAS = (OLD_PER_GAS * 110n) / 100n;
const GAS = 21_000n;

function fee(perGas: bigint, gas: bigint) {
  return {
    maxFeePerGas: perGas.toString(),
    maxPriorityFeePerGas: (perGas / 20n).toString(),
    gasPrice: null,
    likely: ((perGas * gas * 3n) / 5n).toString(),
    max: (perGas * gas).toString(),
  };
}

function screen(account: AccountView, device: DeviceView | undefined, lines: DeviceScreen['lines']) {
  if (!device?.fingerprint) return null;
  return {
    kind: device.kind,
    label: device.label,
    fingerprint: device.fingerprint,
    mode: 'clear' as const,
    lines,
    note: null,
  };
}

function base(account: AccountView, chainName: string, chainId: number, gas: bigint, perGas: bigint) {
  const chosen = fee(perGas, gas);
  return {
    chainId,
    chainName,
    from: { accountId: account.id, address: account.address, label: account.label },
    simulation: {
      status: 'simulated' as const,
      balanceChanges: [],
      reverted: false,
      revertReason: null,
      gasUsed: gas.toString(),
      note: null,
    },
    findings: [],
    fees: {
      speeds: { slow: fee(perGas, gas), normal: chosen, fast: fee(perGas * 2n, gas) },
      chosen,
      speed: 'normal' as const,
      gasLimit: gas.toString(),
      nativeSymbol: 'ETH',
      nativeDecimals: 18,
      l1: { status: 'not-charged' as const, amount: null, message: null },
    },
    cannotSign: null,
    blocked: false,
  };
}

/** What main's tx.reviewReplacement would answer for this pending transaction. */
export function replacementReview(
  original: OutgoingView,
  mode: 'speed-up' | 'cancel',
  account: AccountView,
  device: DeviceView | undefined,
  chainName: string,
): TxReview {
  const cancel = mode === 'cancel';
  const value = cancel ? '0' : original.value;
  const to = cancel ? original.from : (original.to ?? original.from);
  const common = base(account, chainName, original.chainId, GAS, NEW_PER_GAS);
  return TxReview.parse({
    ...common,
    purpose: mode,
    summary: cancel
      ? `Cancel the transaction with nonce ${original.nonce}`
      : `Speed up the transaction with nonce ${original.nonce}`,
    action: cancel
      ? { type: 'cancel', nonce: original.nonce }
      : {
          type: 'native-transfer',
          to: { address: to, name: null, source: 'none' },
          amount: { value, decimals: 18, symbol: 'ETH', unlimited: false },
        },
    transaction: { to: to.toLowerCase(), value, data: '0x', nonce: original.nonce },
    totalMax: (BigInt(value) + NEW_PER_GAS * GAS).toString(),
    replaces: {
      id: original.id,
      hash: original.hash,
      oldMaxFee: (OLD_PER_GAS * GAS).toString(),
      newMaxFee: (NEW_PER_GAS * GAS).toString(),
      oldMaxFeePerGas: OLD_PER_GAS.toString(),
      newMaxFeePerGas: NEW_PER_GAS.toString(),
    },
    device: screen(account, device, [
      { label: 'Nonce', value: String(original.nonce) },
      { label: 'To', value: to },
    ]),
  });
}

/** What main's approvals.reviewRevoke would answer for one allowance: approve(spender, 0). */
export function revokeReview(
  allowance: AllowanceView,
  account: AccountView,
  device: DeviceView | undefined,
  chainName: string,
  nonce: number,
): TxReview {
  const gas = 46_000n;
  const token = { address: allowance.token, name: allowance.symbol, source: 'token-list' as const };
  const spender = {
    address: allowance.spender,
    name: allowance.spenderLabel,
    source: 'known-contract' as const,
  };
  const common = base(account, chainName, allowance.chainId, gas, OLD_PER_GAS);
  return TxReview.parse({
    ...common,
    purpose: 'revoke',
    summary: `Revoke ${token.name ?? allowance.token}'s allowance for ${spender.name ?? allowance.spender}`,
    action: {
      type: 'approval',
      token: token.name ? token : { ...token, source: 'none' },
      spender: spender.name ? spender : { ...spender, source: 'none' },
      amount: { value: '0', decimals: allowance.decimals ?? 18, symbol: token.name ?? '', unlimited: false },
    },
    transaction: {
      to: allowance.token.toLowerCase(),
      value: '0',
      data: `0x095ea7b3${allowance.spender.slice(2).toLowerCase().padStart(64, '0')}${'0'.repeat(64)}`,
      nonce,
    },
    totalMax: (OLD_PER_GAS * gas).toString(),
    replaces: null,
    device: screen(account, device, [
      { label: 'Type', value: 'Approve' },
      { label: 'Token', value: token.name ?? allowance.token },
      { label: 'Amount', value: '0' },
      { label: 'Spender', value: allowance.spender },
    ]),
  });
}
