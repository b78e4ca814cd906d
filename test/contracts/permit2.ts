import { id } from 'ethers/hash';
import { assemble } from './evmAssembler';

/** Permit2's canonical address, the same on every chain. */
export const PERMIT2_ADDRESS = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

export const PERMIT2_ABI = ['function DOMAIN_SEPARATOR() view returns (bytes32)'] as const;

const EIP712_DOMAIN_TYPEHASH = id('EIP712Domain(string name,uint256 chainId,address verifyingContract)');
const NAME_HASH = id('Permit2');

/**
 * A stand-in for Permit2 where a review only needs the contract to exist and to name its EIP-712 domain:
 * `DOMAIN_SEPARATOR()` answers Permit2's separator (name "Permit2", the chain's id, its own address), computed
 * on chain as the real one is, so a permit signed for it matches. Permits are only signed in the demo, never
 * executed, so every other call reverts empty.
 */
export const PERMIT2_SOURCE = [
  `PUSH 0 CALLDATALOAD PUSH 0xe0 SHR PUSH ${id('DOMAIN_SEPARATOR()').slice(0, 10)} EQ PUSH @domain JUMPI`,
  'PUSH 0 DUP1 REVERT',
  'domain: ; keccak256(abi.encode(typehash, keccak256("Permit2"), chainid, this))',
  `PUSH ${EIP712_DOMAIN_TYPEHASH} PUSH 0 MSTORE PUSH ${NAME_HASH} PUSH 0x20 MSTORE`,
  'CHAINID PUSH 0x40 MSTORE ADDRESS PUSH 0x60 MSTORE',
  'PUSH 0x80 PUSH 0 KECCAK256 PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN',
];

export const PERMIT2_RUNTIME = assemble(PERMIT2_SOURCE);
