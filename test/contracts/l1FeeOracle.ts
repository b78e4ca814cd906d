import { assemble } from './evmAssembler';

/**
 * A stand-in for the OP-stack GasPriceOracle predeploy (0x4200…000F): `getL1Fee(bytes)` answers
 *
 *     fee = (length(bytes) + 68) × 16 × 2 gwei
 *
 * that is, every byte priced as non-zero calldata (16 gas) at an L1 gas price of 2 gwei, with the 68 bytes of
 * a signature the real oracle adds for the unsigned transaction it is given. The fee grows by 32 gwei per
 * byte, so a test (or the demo's Base send) can tell what was priced. Any other call reverts empty.
 */
export const L1_FEE_ORACLE_ABI = ['function getL1Fee(bytes data) view returns (uint256)'] as const;

const SIGNATURE_BYTES = 68n;
const CALLDATA_GAS_PER_BYTE = 16n;
const L1_GAS_PRICE = 2_000_000_000n;
const GET_L1_FEE = 0x49948e0en;

/** What the oracle answers for a transaction of `length` bytes. */
export function l1FeeFor(length: number): bigint {
  return (BigInt(length) + SIGNATURE_BYTES) * CALLDATA_GAS_PER_BYTE * L1_GAS_PRICE;
}

export const L1_FEE_ORACLE_SOURCE = [
  `PUSH 0 CALLDATALOAD PUSH 0xe0 SHR PUSH ${GET_L1_FEE} EQ PUSH @fee JUMPI`,
  'PUSH 0 DUP1 REVERT',
  'fee: ; the bytes argument: its offset (after the selector) points at its length word',
  'PUSH 4 CALLDATALOAD PUSH 4 ADD CALLDATALOAD',
  `PUSH ${SIGNATURE_BYTES} ADD PUSH ${CALLDATA_GAS_PER_BYTE} MUL PUSH ${L1_GAS_PRICE} MUL`,
  'PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN',
];

export const L1_FEE_ORACLE_RUNTIME = assemble(L1_FEE_ORACLE_SOURCE);
