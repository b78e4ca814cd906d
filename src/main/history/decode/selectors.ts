import { id } from 'ethers/hash';

/**
 * What a call's method says about the activity when the receipt cannot (a failed transaction moves nothing
 * and emits nothing, yet the timeline should still say "failed swap", not "failed contract call").
 */
export type MethodIntent = 'transfer' | 'approve' | 'swap' | 'bridge' | 'other';

/** Canonical signatures, the facts the selectors are derived from, grouped by what calling them means. */
const SIGNATURES: Record<MethodIntent, readonly string[]> = {
  transfer: [
    'transfer(address,uint256)',
    'transferFrom(address,address,uint256)',
    'safeTransferFrom(address,address,uint256)',
    'safeTransferFrom(address,address,uint256,bytes)',
    'safeTransferFrom(address,address,uint256,uint256,bytes)',
    'safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)',
  ],
  // Each takes the spender first and the amount (or, for setApprovalForAll, the flag) second.
  approve: [
    'approve(address,uint256)',
    'increaseAllowance(address,uint256)',
    'decreaseAllowance(address,uint256)',
    'setApprovalForAll(address,bool)',
  ],
  swap: [
    // Uniswap v2 router
    'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
    'swapTokensForExactTokens(uint256,uint256,address[],address,uint256)',
    'swapExactETHForTokens(uint256,address[],address,uint256)',
    'swapTokensForExactETH(uint256,uint256,address[],address,uint256)',
    'swapExactTokensForETH(uint256,uint256,address[],address,uint256)',
    'swapETHForExactTokens(uint256,address[],address,uint256)',
    'swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)',
    'swapExactETHForTokensSupportingFeeOnTransferTokens(uint256,address[],address,uint256)',
    'swapExactTokensForETHSupportingFeeOnTransferTokens(uint256,uint256,address[],address,uint256)',
    // Uniswap v2 pair
    'swap(uint256,uint256,address,bytes)',
    // Uniswap v3 SwapRouter
    'exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))',
    'exactInput((bytes,address,uint256,uint256,uint256))',
    'exactOutputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))',
    'exactOutput((bytes,address,uint256,uint256,uint256))',
    // Uniswap v3 SwapRouter02 (no deadline in the params)
    'exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))',
    'exactInput((bytes,address,uint256,uint256))',
    'exactOutputSingle((address,address,uint24,address,uint256,uint256,uint160))',
    'exactOutput((bytes,address,uint256,uint256))',
    // Uniswap Universal Router
    'execute(bytes,bytes[],uint256)',
    'execute(bytes,bytes[])',
  ],
  bridge: [
    // Across SpokePool
    'depositV3(address,address,address,address,uint256,uint256,uint256,address,uint32,uint32,uint32,bytes)',
    'deposit(bytes32,bytes32,bytes32,bytes32,uint256,uint256,uint256,bytes32,uint32,uint32,uint32,bytes)',
    // CCTP TokenMessenger (v1) and MessageTransmitter
    'depositForBurn(uint256,uint32,bytes32,address)',
    'depositForBurnWithCaller(uint256,uint32,bytes32,address,bytes32)',
    'receiveMessage(bytes,bytes)',
    // OP-stack L1StandardBridge
    'depositETH(uint32,bytes)',
    'depositETHTo(address,uint32,bytes)',
    'depositERC20(address,address,uint256,uint32,bytes)',
    'depositERC20To(address,address,address,uint256,uint32,bytes)',
    'bridgeETH(uint32,bytes)',
    'bridgeETHTo(address,uint32,bytes)',
    'bridgeERC20(address,address,uint256,uint32,bytes)',
    'bridgeERC20To(address,address,address,uint256,uint32,bytes)',
    'withdraw(address,uint256,uint32,bytes)',
    'withdrawTo(address,address,uint256,uint32,bytes)',
    // Arbitrum Inbox and gateway router
    'depositEth()',
    'createRetryableTicket(address,uint256,uint256,address,address,uint256,uint256,bytes)',
    'unsafeCreateRetryableTicket(address,uint256,uint256,address,address,uint256,uint256,bytes)',
    'outboundTransfer(address,address,uint256,uint256,uint256,bytes)',
    'outboundTransferCustomRefund(address,address,address,uint256,uint256,uint256,bytes)',
  ],
  other: [
    'multicall(bytes[])',
    'multicall(uint256,bytes[])',
    'aggregate3((address,bool,bytes)[])',
    // WETH
    'deposit()',
    'withdraw(uint256)',
    // EIP-2612 and Permit2: they emit no ERC-20 Approval, so they are shown as the calls they are
    'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)',
    'approve(address,address,uint160,uint48)',
    'lockdown((address,address)[])',
    'permitTransferFrom(((address,uint256),uint256,uint256),(address,uint256),address,bytes)',
    'permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)',
    'mint(address,uint256)',
    'burn(uint256)',
    'claim()',
  ],
};

interface Method {
  name: string;
  intent: MethodIntent;
}

const METHODS: ReadonlyMap<string, Method> = new Map(
  Object.entries(SIGNATURES).flatMap(([intent, signatures]) =>
    signatures.map((signature): [string, Method] => [
      selectorOf(signature),
      { name: signature.slice(0, signature.indexOf('(')), intent: intent as MethodIntent },
    ]),
  ),
);

export function selectorOf(signature: string): string {
  return id(signature).slice(0, 10);
}

/** The 0x-prefixed 4-byte selector of calldata, or null when the input is too short to call a method. */
export function selectorOfInput(input: string): string | null {
  return input.length >= 10 ? input.slice(0, 10).toLowerCase() : null;
}

/** The bundled method for calldata, or null when its selector is unknown (or there is no call at all). */
export function lookupMethod(input: string): Method | null {
  const selector = selectorOfInput(input);
  return selector === null ? null : (METHODS.get(selector) ?? null);
}
