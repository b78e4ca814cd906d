import { Interface } from 'ethers/abi';
import { keccak256 } from 'ethers/crypto';
import { concat, dataLength, dataSlice, encodeRlp, toBeHex, toBigInt, zeroPadValue } from 'ethers/utils';
import { toChecksumAddress } from '../../../store/address';
import type { RawTransaction } from '../../rawTransaction';
import { ZERO_ADDRESS, sameAddress, wordToAddress } from '../words';
import { type BridgeCandidate, parseLogsFrom } from './common';

const L1_CHAIN_ID = 1;
export const ARBITRUM_ONE = 42161;
/** Arbitrum One's Bridge on Ethereum (docs.arbitrum.io, "Smart contract addresses"). */
export const ARBITRUM_BRIDGE = '0x8315177aB297bA92A06054cE80a67Ed4DBd7ed3a';
/** The ArbRetryableTx precompile on the L2. */
export const ARB_RETRYABLE_TX = '0x000000000000000000000000000000000000006E';

/** Delayed-inbox message kinds (Nitro's MessageTypes.sol). */
const SUBMIT_RETRYABLE = 9n;
const ETH_DEPOSIT = 12n;

export const ARBITRUM_ABI = new Interface([
  'event MessageDelivered(uint256 indexed messageIndex, bytes32 indexed beforeInboxAcc, address inbox, uint8 kind, address sender, bytes32 messageDataHash, uint256 baseFeeL1, uint64 timestamp)',
  'event InboxMessageDelivered(uint256 indexed messageNum, bytes data)',
  'event DepositInitiated(address l1Token, address indexed _from, address indexed _to, uint256 indexed _sequenceNumber, uint256 _amount)',
  'event TicketCreated(bytes32 indexed ticketId)',
]);

const rlpInteger = (value: bigint) => (value === 0n ? '0x' : toBeHex(value));
const word = (data: string, index: number) => dataSlice(data, index * 32, index * 32 + 32);

interface Retryable {
  to: string;
  l2CallValue: bigint;
  ticketId: string;
  refundTo: string;
}

/**
 * The retryable's ticket id: the hash of the L2 submit-retryable transaction (type 0x69) the message becomes,
 * with the fields in the order the Arbitrum SDK's calculateSubmitRetryableId uses. The inbox data is
 * to, l2CallValue, deposit, maxSubmissionFee, excessFeeRefundAddress, callValueRefundAddress, gasLimit,
 * maxFeePerGas, data length, data; `sender` is already aliased by the Bridge.
 */
function retryable(messageNum: bigint, sender: string, baseFeeL1: bigint, data: string): Retryable | null {
  if (dataLength(data) < 9 * 32) return null;
  const to = wordToAddress(word(data, 0));
  const refundTo = wordToAddress(word(data, 5));
  const fields = [
    rlpInteger(BigInt(ARBITRUM_ONE)),
    zeroPadValue(toBeHex(messageNum), 32),
    sender,
    rlpInteger(baseFeeL1),
    rlpInteger(toBigInt(word(data, 2))),
    rlpInteger(toBigInt(word(data, 7))),
    rlpInteger(toBigInt(word(data, 6))),
    sameAddress(to, ZERO_ADDRESS) ? '0x' : to,
    rlpInteger(toBigInt(word(data, 1))),
    refundTo,
    rlpInteger(toBigInt(word(data, 3))),
    wordToAddress(word(data, 4)),
    dataSlice(data, 9 * 32),
  ];
  const ticketId = keccak256(concat(['0x69', encodeRlp(fields)]));
  return { to, l2CallValue: toBigInt(word(data, 1)), ticketId, refundTo };
}

/**
 * Key `arbitrum:42161:{ticketId}`: the L1 side computes the retryable's ticket id, and the L2 side reads it
 * from ArbRetryableTx's TicketCreated. The tokens themselves arrive in the ticket's (auto-)redeem, a separate L2
 * transaction, so the destination leg marks the ticket's creation and carries no amount. `depositEth` (message
 * kind 12) becomes an L2 transaction that emits no log at all, so its source leg is keyed by the message
 * number (`arbitrum:42161:eth-deposit:{n}`) and cannot be linked from logs: it stays pending.
 */
export function decodeArbitrum(tx: RawTransaction): BridgeCandidate[] {
  if (tx.chainId === ARBITRUM_ONE) {
    return parseLogsFrom(tx, ARBITRUM_ABI, ARB_RETRYABLE_TX).flatMap(({ event }): BridgeCandidate[] => {
      if (event.name !== 'TicketCreated') return [];
      const key = `arbitrum:${ARBITRUM_ONE}:${event.args.ticketId as string}`;
      const leg = {
        protocol: 'arbitrum' as const,
        role: 'destination' as const,
        key,
        token: null,
        amount: null,
      };
      return [{ leg: { ...leg, fromChainId: L1_CHAIN_ID, toChainId: tx.chainId }, parties: null }];
    });
  }
  if (tx.chainId !== L1_CHAIN_ID) return [];
  // Gateways are many (standard, custom, WETH, third-party), so their deposit event is taken from any emitter.
  const gatewayDeposits = parseLogsFrom(tx, ARBITRUM_ABI, null)
    .map(({ event }) => event)
    .filter((event) => event.name === 'DepositInitiated');
  return parseLogsFrom(tx, ARBITRUM_ABI, ARBITRUM_BRIDGE).flatMap(
    ({ event: delivered }): BridgeCandidate[] => {
      const messageNum = delivered.args.messageIndex as bigint;
      const inbox = parseLogsFrom(tx, ARBITRUM_ABI, delivered.args.inbox as string).find(
        ({ event }) => event.name === 'InboxMessageDelivered' && event.args.messageNum === messageNum,
      );
      if (!inbox) return [];
      const data = inbox.event.args.data as string;
      const base = {
        protocol: 'arbitrum' as const,
        role: 'source' as const,
        fromChainId: tx.chainId,
        toChainId: ARBITRUM_ONE,
      };
      if (delivered.args.kind === ETH_DEPOSIT && dataLength(data) === 52) {
        const key = `arbitrum:${ARBITRUM_ONE}:eth-deposit:${messageNum}`;
        const leg = { ...base, key, token: null, amount: toBigInt(dataSlice(data, 20)) };
        return [{ leg, parties: [toChecksumAddress(dataSlice(data, 0, 20))] }];
      }
      const ticket =
        delivered.args.kind === SUBMIT_RETRYABLE
          ? retryable(messageNum, delivered.args.sender as string, delivered.args.baseFeeL1 as bigint, data)
          : null;
      if (!ticket) return [];
      const key = `arbitrum:${ARBITRUM_ONE}:${ticket.ticketId}`;
      const gateway = gatewayDeposits.find((event) => event.args._sequenceNumber === messageNum);
      if (gateway) {
        const leg = {
          ...base,
          key,
          token: toChecksumAddress(gateway.args.l1Token as string),
          amount: gateway.args._amount as bigint,
        };
        return [{ leg, parties: [gateway.args._from as string, gateway.args._to as string] }];
      }
      if (ticket.l2CallValue === 0n) return [];
      return [
        {
          leg: { ...base, key, token: null, amount: ticket.l2CallValue },
          parties: [ticket.to, ticket.refundTo],
        },
      ];
    },
  );
}
