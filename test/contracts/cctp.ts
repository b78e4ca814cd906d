import { id } from 'ethers/hash';
import { concat, toBeHex, zeroPadValue } from 'ethers/utils';
import { CCTP_TOKEN_MESSENGERS, CCTP_USDC } from '../../src/main/history/decode/bridges/cctp';
import { assemble } from './evmAssembler';

/**
 * Test doubles of Circle's CCTP (v1) pair for the local chains, with the real interfaces and events.
 * TokenMessenger's `depositForBurn` burns nothing: it emits `DepositForBurn` with the next nonce (slot 0) and
 * the remote TokenMessenger from slot 1. MessageTransmitter's `receiveMessage` checks no attestation and mints
 * nothing: it parses the CCTP message header and emits `MessageReceived` with the message body.
 */
export const CCTP_TOKEN_MESSENGER_ABI = [
  'function depositForBurn(uint256 amount, uint32 destinationDomain, bytes32 mintRecipient, address burnToken) returns (uint64 nonce)',
] as const;
export const CCTP_MESSAGE_TRANSMITTER_ABI = [
  'function receiveMessage(bytes message, bytes attestation) returns (bool success)',
] as const;

/** The slot the TokenMessenger double reads the destination's TokenMessenger (bytes32) from. */
export const REMOTE_TOKEN_MESSENGER_SLOT = 1n;

const selector = (signature: string) => BigInt(id(signature).slice(0, 10));
const ADDRESS_MASK = (1n << 160n) - 1n;
const DEPOSIT_FOR_BURN = id('DepositForBurn(uint64,address,uint256,address,bytes32,uint32,bytes32,bytes32)');
const MESSAGE_RECEIVED = id('MessageReceived(address,uint32,uint64,bytes32,bytes)');

export const CCTP_TOKEN_MESSENGER_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR',
  `PUSH ${selector('depositForBurn(uint256,uint32,bytes32,address)')} EQ PUSH @burn JUMPI`,
  'PUSH 0 DUP1 REVERT',
  'burn:',
  'PUSH 4 CALLDATALOAD PUSH 0 MSTORE ; amount',
  'PUSH 0x44 CALLDATALOAD PUSH 0x20 MSTORE ; mintRecipient',
  'PUSH 0x24 CALLDATALOAD PUSH 0x40 MSTORE ; destinationDomain',
  `PUSH ${REMOTE_TOKEN_MESSENGER_SLOT} SLOAD PUSH 0x60 MSTORE ; destinationTokenMessenger; destinationCaller stays 0`,
  `CALLER PUSH 0x64 CALLDATALOAD PUSH ${ADDRESS_MASK} AND PUSH 0 SLOAD DUP1 PUSH 1 ADD PUSH 0 SSTORE ; [depositor, burnToken, nonce]`,
  `DUP1 PUSH 0xa0 MSTORE PUSH ${DEPOSIT_FOR_BURN} PUSH 0xa0 PUSH 0 LOG4`,
  'PUSH 0x20 PUSH 0xa0 RETURN',
];

// A CCTP message: version (4 bytes), sourceDomain (4), destinationDomain (4), nonce (8), sender (32),
// recipient (32), destinationCaller (32), then the body from byte 116.
export const CCTP_MESSAGE_TRANSMITTER_SOURCE = [
  'PUSH 0 CALLDATALOAD PUSH 0xe0 SHR',
  `PUSH ${selector('receiveMessage(bytes,bytes)')} EQ PUSH @receive JUMPI`,
  'PUSH 0 DUP1 REVERT',
  'receive:',
  'PUSH 4 CALLDATALOAD PUSH 4 ADD DUP1 CALLDATALOAD SWAP1 PUSH 0x20 ADD ; [len, d] the message bytes',
  'DUP1 PUSH 4 ADD CALLDATALOAD PUSH 0xe0 SHR PUSH 0 MSTORE ; sourceDomain',
  'DUP1 PUSH 20 ADD CALLDATALOAD PUSH 0x20 MSTORE ; sender',
  'PUSH 0x60 PUSH 0x40 MSTORE',
  'PUSH 116 DUP3 SUB DUP1 PUSH 0x60 MSTORE ; [len, d, bodyLength]',
  'DUP1 DUP3 PUSH 116 ADD PUSH 0x80 CALLDATACOPY',
  'PUSH 31 ADD PUSH 31 NOT AND PUSH 0x80 ADD ; [len, d, total]',
  'SWAP1 PUSH 12 ADD CALLDATALOAD PUSH 0xc0 SHR ; [len, total, nonce]',
  `CALLER PUSH ${MESSAGE_RECEIVED} DUP4 PUSH 0 LOG3`,
  'PUSH 1 PUSH 0 MSTORE PUSH 0x20 PUSH 0 RETURN',
];

export const CCTP_TOKEN_MESSENGER_RUNTIME = assemble(CCTP_TOKEN_MESSENGER_SOURCE);
export const CCTP_MESSAGE_TRANSMITTER_RUNTIME = assemble(CCTP_MESSAGE_TRANSMITTER_SOURCE);

export interface BurnMessage {
  sourceDomain: number;
  destinationDomain: number;
  nonce: bigint;
  sourceTokenMessenger: string;
  destinationTokenMessenger: string;
  burnToken: string;
  mintRecipient: string;
  amount: bigint;
  depositor: string;
}

/**
 * The message Circle's attestation service relays for a burn (CCTP v1 layout): the header (version, source
 * and destination domains, nonce, sender, recipient, destination caller), then the burn message body.
 */
export function burnMessage(burn: BurnMessage): { message: string; body: string } {
  const word = (address: string) => zeroPadValue(address, 32);
  const body = concat([
    '0x00000000',
    word(burn.burnToken),
    word(burn.mintRecipient),
    toBeHex(burn.amount, 32),
    word(burn.depositor),
  ]);
  const message = concat([
    '0x00000000',
    toBeHex(burn.sourceDomain, 4),
    toBeHex(burn.destinationDomain, 4),
    toBeHex(burn.nonce, 8),
    word(burn.sourceTokenMessenger),
    word(burn.destinationTokenMessenger),
    zeroPadValue('0x', 32),
    body,
  ]);
  return { message, body };
}

/** The message of `account` burning `amount` USDC on Ethereum for itself on Base (domains 0 → 6). */
export function ethereumToBaseBurn(
  account: string,
  amount: bigint,
  nonce = 0n,
): { message: string; body: string } {
  return burnMessage({
    sourceDomain: 0,
    destinationDomain: 6,
    nonce,
    sourceTokenMessenger: CCTP_TOKEN_MESSENGERS[1] as string,
    destinationTokenMessenger: CCTP_TOKEN_MESSENGERS[8453] as string,
    burnToken: CCTP_USDC[1] as string,
    mintRecipient: account,
    amount,
    depositor: account,
  });
}
