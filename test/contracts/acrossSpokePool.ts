import { id } from 'ethers/hash';
import { assemble } from './evmAssembler';

/**
 * A test double of Across's SpokePool for the local chains: `depositV3` takes nothing from the caller and only
 * emits the real `FundsDeposited` event (the bytes32 form of Across 3.5+) built from its calldata, numbering
 * deposits from slot 0; `fillRelay` moves nothing either and emits the real `FilledRelay` event, with the
 * caller as relayer. Only the interface and the events are Across's; the demo places it at the real SpokePool
 * addresses with `anvil_setCode`, so the wallet decodes it exactly as it would decode the real one.
 */
export const ACROSS_SPOKE_POOL_ABI = [
  'function depositV3(address depositor, address recipient, address inputToken, address outputToken, uint256 inputAmount, uint256 outputAmount, uint256 destinationChainId, address exclusiveRelayer, uint32 quoteTimestamp, uint32 fillDeadline, uint32 exclusivityDeadline, bytes message) payable',
  'function fillRelay((bytes32 depositor, bytes32 recipient, bytes32 exclusiveRelayer, bytes32 inputToken, bytes32 outputToken, uint256 inputAmount, uint256 outputAmount, uint256 originChainId, uint256 depositId, uint32 fillDeadline, uint32 exclusivityDeadline, bytes message) relayData, uint256 repaymentChainId, bytes32 repaymentAddress)',
] as const;

const selector = (signature: string) => BigInt(id(signature).slice(0, 10));
const DEPOSIT_V3 = selector(
  'depositV3(address,address,address,address,uint256,uint256,uint256,address,uint32,uint32,uint32,bytes)',
);
const FILL_RELAY = selector(
  'fillRelay((bytes32,bytes32,bytes32,bytes32,bytes32,uint256,uint256,uint256,uint256,uint32,uint32,bytes),uint256,bytes32)',
);
const FUNDS_DEPOSITED = id(
  'FundsDeposited(bytes32,bytes32,uint256,uint256,uint256,uint256,uint32,uint32,uint32,bytes32,bytes32,bytes32,bytes)',
);
const FILLED_RELAY = id(
  'FilledRelay(bytes32,bytes32,uint256,uint256,uint256,uint256,uint256,uint32,uint32,bytes32,bytes32,bytes32,bytes32,bytes32,(bytes32,bytes32,uint256,uint8))',
);

const arg = (index: number) => 4 + index * 32;
/** Copies argument words of depositV3 into the event's head; an address word is already its bytes32 form. */
const DEPOSIT_HEAD = [2, 3, 4, 5, 8, 9, 10, 1, 7].map(
  (argument, word) => `PUSH ${arg(argument)} CALLDATALOAD PUSH ${word * 32} MSTORE`,
);
/** [relayData offset] stays on the stack while fields of the struct are copied to words of the event. */
const field = (index: number, word: number) =>
  `DUP1 PUSH ${index * 32} ADD CALLDATALOAD PUSH ${word * 32} MSTORE`;
const FILL_HEAD = [
  [3, 0],
  [4, 1],
  [5, 2],
  [6, 3],
  [9, 5],
  [10, 6],
  [2, 7],
  [0, 8],
  [1, 9],
  [1, 11],
  [6, 13],
].map(([index, word]) => field(index as number, word as number));
const MESSAGE_SCRATCH = 0x400;

export const ACROSS_SPOKE_POOL_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR',
  `DUP1 PUSH ${DEPOSIT_V3} EQ PUSH @deposit JUMPI`,
  `DUP1 PUSH ${FILL_RELAY} EQ PUSH @fill JUMPI`,
  'PUSH 0 DUP1 REVERT',

  'deposit:',
  ...DEPOSIT_HEAD,
  'PUSH 0x140 PUSH 0x120 MSTORE ; the message follows the ten head words',
  `PUSH ${arg(11)} CALLDATALOAD PUSH 4 ADD ; [p] the message's length word`,
  'DUP1 CALLDATALOAD PUSH 31 ADD PUSH 31 NOT AND PUSH 0x20 ADD ; [p, size]',
  'DUP1 DUP3 PUSH 0x140 CALLDATACOPY PUSH 0x140 ADD ; [p, total]',
  `PUSH ${arg(0)} CALLDATALOAD PUSH 0 SLOAD DUP1 PUSH 1 ADD PUSH 0 SSTORE ; [p, total, depositor, depositId]`,
  `PUSH ${arg(6)} CALLDATALOAD PUSH ${FUNDS_DEPOSITED} DUP5 PUSH 0 LOG4`,
  'STOP',

  'fill:',
  `PUSH ${arg(0)} CALLDATALOAD PUSH 4 ADD ; [s] the relay data`,
  ...FILL_HEAD,
  `PUSH ${arg(1)} CALLDATALOAD PUSH ${4 * 32} MSTORE ; repaymentChainId`,
  'DUP1 PUSH 0x160 ADD CALLDATALOAD DUP2 ADD ; [s, m] the message length word',
  `DUP1 CALLDATALOAD DUP1 SWAP2 PUSH 0x20 ADD PUSH ${MESSAGE_SCRATCH} CALLDATACOPY ; [s, len]`,
  `PUSH ${MESSAGE_SCRATCH} KECCAK256 DUP1 PUSH ${10 * 32} MSTORE PUSH ${12 * 32} MSTORE ; messageHash twice`,
  `CALLER DUP2 PUSH 0x100 ADD CALLDATALOAD DUP3 PUSH 0xe0 ADD CALLDATALOAD ; [s, relayer, depositId, originChainId]`,
  `PUSH ${FILLED_RELAY} PUSH ${15 * 32} PUSH 0 LOG4`,
  'STOP',
];

export const ACROSS_SPOKE_POOL_RUNTIME = assemble(ACROSS_SPOKE_POOL_SOURCE);
