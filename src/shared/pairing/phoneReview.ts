import { z } from 'zod';
import { Address } from '../chains/chain';
import { Decimal, MAX_UINT256, Nonce, WireChainId } from './wireFields';

/**
 * The desktop's review of a signing request as the phone receives it (docs/PROTOCOL.md section 12.1): the
 * words the desktop showed, and the transaction they were written for, so the phone can tell when they are
 * about something else. The phone validates it as hostile input; every bound matches the desktop's own review
 * model, so a review the desktop could show always fits.
 */

// Controls and invisible direction marks can make a sentence read differently from what it says.
const DECEPTIVE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
export const REVIEW_TEXT_FORBIDDEN = new RegExp(DECEPTIVE.source, 'gu');

const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !DECEPTIVE.test(text), 'text without control or invisible direction characters');

const SignedDecimal = z
  .string()
  .regex(/^-?[1-9]\d{0,77}$/, 'a non-zero decimal integer')
  .refine(
    (value) => (value.startsWith('-') ? -BigInt(value) : BigInt(value)) <= MAX_UINT256,
    'a number that fits in 256 bits',
  );

export const PhoneReviewFinding = z.strictObject({
  /** The desktop's finding code, e.g. `unlimited-approval`; the phone shows `message`, not the code. */
  code: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a finding code'),
  severity: z.enum(['blocking', 'warning', 'info']),
  message: Text(600),
});
export type PhoneReviewFinding = z.infer<typeof PhoneReviewFinding>;

export const PhoneBalanceChange = z.strictObject({
  account: z.strictObject({ address: Address, name: Text(100).nullable() }),
  symbol: Text(32),
  decimals: z.number().int().min(0).max(77),
  /** In base units; negative when the account loses it. */
  delta: SignedDecimal,
  /** ERC-721 / ERC-1155 token id, decimal; null otherwise. */
  tokenId: z
    .string()
    .regex(/^\d{1,78}$/)
    .nullable(),
});
export type PhoneBalanceChange = z.infer<typeof PhoneBalanceChange>;

export const PhoneReview = z.strictObject({
  /** The action in the desktop's words: "Send 12.5 USDC to Alice". */
  summary: Text(300),
  /** The desktop refuses to sign it; the phone refuses it without asking. */
  blocked: z.boolean(),
  findings: z.array(PhoneReviewFinding).max(30),
  balanceChanges: z.array(PhoneBalanceChange).max(200),
  gasUsed: Decimal.nullable(),
  simulation: z.enum(['simulated', 'checked', 'failed']),
  note: Text(300).nullable(),
  /** The transaction the desktop reviewed; the phone refuses the request when it is not `tx`. */
  reviewed: z.strictObject({
    chainId: WireChainId,
    to: Address.nullable(),
    value: Decimal,
    nonce: Nonce,
    /** keccak256 of the call data's bytes, `0x` and 64 lowercase hex. */
    dataHash: z.string().regex(/^0x[0-9a-f]{64}$/),
  }),
  /** What the desktop decoded `tx` as: the phone refuses a kind that contradicts its own decoding. */
  action: z.enum([
    'native-transfer',
    'token-transfer',
    'approval',
    'approval-for-all',
    'contract-call',
    'cancel',
  ]),
  /** Who the desktop says receives, or may spend, or may take the assets: compared with the phone's decoding. */
  counterparty: Address.nullable(),
  /** The token amount the desktop decoded (transfer or allowance), in base units: compared likewise. */
  tokenAmount: Decimal.nullable(),
});
export type PhoneReview = z.infer<typeof PhoneReview>;
