import { id } from 'ethers/hash';

/**
 * Methods common enough that their name tells the user something ("claim()" on an unknown contract is the
 * classic drainer lure). Only the name is shown: arguments of arbitrary methods are not decoded, so nothing
 * here is trusted beyond "this selector is usually this method".
 */
const SIGNATURES = [
  'claim()',
  'mint()',
  'deposit()',
  'deposit(uint256)',
  'withdraw()',
  'withdraw(uint256)',
  'stake(uint256)',
  'unstake(uint256)',
  'multicall(bytes[])',
  'multicall(uint256,bytes[])',
  'aggregate3((address,bool,bytes)[])',
  'execute(bytes,bytes[])',
  'execute(bytes,bytes[],uint256)',
  'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
  'swapExactETHForTokens(uint256,address[],address,uint256)',
  'swapExactTokensForETH(uint256,uint256,address[],address,uint256)',
  'exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))',
  'exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))',
  'safeTransferFrom(address,address,uint256)',
  'safeTransferFrom(address,address,uint256,uint256,bytes)',
  'decreaseAllowance(address,uint256)',
  'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)',
  // The methods decodeAction reads, for when their arguments do not decode.
  'transfer(address,uint256)',
  'transferFrom(address,address,uint256)',
  'approve(address,uint256)',
  'increaseAllowance(address,uint256)',
  'setApprovalForAll(address,bool)',
  'approve(address,address,uint160,uint48)',
] as const;

/** The 4-byte selector (0x + 8 lowercase hex) of a method signature. */
export function selectorOf(signature: string): string {
  return id(signature).slice(0, 10);
}

const BY_SELECTOR: ReadonlyMap<string, string> = new Map(
  SIGNATURES.map((signature) => [selectorOf(signature), signature]),
);

/** The method's signature when the selector is a known one, else the selector itself ("0x12345678"). */
export function methodName(selector: string): string {
  return BY_SELECTOR.get(selector) ?? selector;
}
