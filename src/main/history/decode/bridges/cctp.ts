import { Interface } from 'ethers/abi';
import { dataLength, dataSlice, toBigInt } from 'ethers/utils';
import { toChecksumAddress } from '../../../store/address';
import type { RawTransaction } from '../../rawTransaction';
import { isAddressWord, sameAddress, wordToAddress } from '../words';
import { type BridgeCandidate, parseLogsFrom } from './common';

/** CCTP (v1) domain ids, from Circle's "Supported chains and domains". */
export const CCTP_DOMAINS: Readonly<Record<number, number>> = { 1: 0, 10: 2, 42161: 3, 8453: 6 };

/** CCTP v1 TokenMessenger and MessageTransmitter per chain (developers.circle.com, "EVM smart contracts"). */
export const CCTP_TOKEN_MESSENGERS: Readonly<Record<number, string>> = {
  1: '0xBd3fa81B58Ba92a82136038B25aDec7066af3155',
  10: '0x2B4069517957735bE00ceE0fadAE88a26365528f',
  8453: '0x1682Ae6375C4E4A97e4B583BC394c861A46D8962',
  42161: '0x19330d10D9Cc8751218eaf51E8885D058642E08A',
};
export const CCTP_MESSAGE_TRANSMITTERS: Readonly<Record<number, string>> = {
  1: '0x0a992d191DEeC32aFe36203Ad87D7d289a738F81',
  10: '0x4D41f22c5a0e5c74090899E5a8Fb597a8842b3e8',
  8453: '0xAD09780d193884d503182aD4588450C416D6F9D4',
  42161: '0xC30362313FBBA5cf9163F0bb16a0e01f01A896ca',
};
/** Native USDC, what a CCTP burn mints on each chain. */
export const CCTP_USDC: Readonly<Record<number, string>> = {
  1: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  10: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85',
  8453: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  42161: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
};

export const CCTP_ABI = new Interface([
  'event DepositForBurn(uint64 indexed nonce, address indexed burnToken, uint256 amount, address indexed depositor, bytes32 mintRecipient, uint32 destinationDomain, bytes32 destinationTokenMessenger, bytes32 destinationCaller)',
  'event MessageReceived(address indexed caller, uint32 sourceDomain, uint64 indexed nonce, bytes32 sender, bytes messageBody)',
]);

function chainOfDomain(domain: number): number | undefined {
  const entry = Object.entries(CCTP_DOMAINS).find(([, d]) => d === domain);
  return entry && Number(entry[0]);
}

/** The burn message body: version (4), burnToken (32), mintRecipient (32), amount (32), messageSender (32). */
const BURN_BODY_LENGTH = 132;

/**
 * Key `cctp:{sourceDomain}:{nonce}`: CCTP v1 numbers messages per source domain, and the destination's
 * MessageReceived repeats both. A message counts as a transfer only when its sender is the source chain's
 * TokenMessenger, so other CCTP messages are not shown as bridges. CCTP v2 (bytes32 nonces assigned by the
 * attestation service) is not decoded.
 */
export function decodeCctp(tx: RawTransaction): BridgeCandidate[] {
  const sources = parseLogsFrom(tx, CCTP_ABI, CCTP_TOKEN_MESSENGERS[tx.chainId]).flatMap(
    ({ event }): BridgeCandidate[] => {
      const sourceDomain = CCTP_DOMAINS[tx.chainId];
      const toChainId = chainOfDomain(Number(event.args.destinationDomain as bigint));
      if (event.name !== 'DepositForBurn' || sourceDomain === undefined || toChainId === undefined) return [];
      const recipient = event.args.mintRecipient as string;
      const leg = {
        protocol: 'cctp' as const,
        role: 'source' as const,
        key: `cctp:${sourceDomain}:${event.args.nonce as bigint}`,
        fromChainId: tx.chainId,
        toChainId,
        token: toChecksumAddress(event.args.burnToken as string),
        amount: event.args.amount as bigint,
      };
      return [
        {
          leg,
          parties: [
            event.args.depositor as string,
            isAddressWord(recipient) ? wordToAddress(recipient) : null,
          ],
        },
      ];
    },
  );
  const destinations = parseLogsFrom(tx, CCTP_ABI, CCTP_MESSAGE_TRANSMITTERS[tx.chainId]).flatMap(
    ({ event }): BridgeCandidate[] => {
      if (event.name !== 'MessageReceived') return [];
      const sourceDomain = Number(event.args.sourceDomain as bigint);
      const fromChainId = chainOfDomain(sourceDomain);
      const body = event.args.messageBody as string;
      const sender = event.args.sender as string;
      const usdc = CCTP_USDC[tx.chainId];
      if (fromChainId === undefined || usdc === undefined || dataLength(body) < BURN_BODY_LENGTH) return [];
      if (!isAddressWord(sender) || !sameAddress(wordToAddress(sender), CCTP_TOKEN_MESSENGERS[fromChainId])) {
        return [];
      }
      const leg = {
        protocol: 'cctp' as const,
        role: 'destination' as const,
        key: `cctp:${sourceDomain}:${event.args.nonce as bigint}`,
        fromChainId,
        toChainId: tx.chainId,
        token: toChecksumAddress(usdc),
        amount: toBigInt(dataSlice(body, 68, 100)),
      };
      return [{ leg, parties: [wordToAddress(dataSlice(body, 36, 68))] }];
    },
  );
  return [...sources, ...destinations];
}
