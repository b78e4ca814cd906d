import { type Decoder, decoded, deadlineOf, PERMIT2_UNLIMITED, tokenAllowance } from './decoded';
import { isPermit2Domain } from './permit2Domain';
import { matchShape } from './structShape';

const DETAILS = { token: 'address', amount: 'uint160', expiration: 'uint48', nonce: 'uint48' };
const SINGLE = { details: 'struct', spender: 'address', sigDeadline: 'uint256' };
const BATCH = { details: 'struct[]', spender: 'address', sigDeadline: 'uint256' };

/**
 * Permit2's AllowanceTransfer `PermitSingle` and `PermitBatch`: a standing allowance per token until each
 * `expiration`, set by a signature usable until `sigDeadline`.
 */
export const decodePermit2Allowance: Decoder = ({ primaryType, message, domain }) => {
  if (!isPermit2Domain(domain)) return null;
  const single = primaryType === 'PermitSingle' ? matchShape(message, SINGLE) : null;
  const batch = primaryType === 'PermitBatch' ? matchShape(message, BATCH) : null;
  const fields = single ?? batch;
  if (!fields) return null;
  const details = single ? [single.struct('details')] : fields.structs('details');
  const spender = fields.address('spender');
  const usableUntil = deadlineOf(fields.integer('sigDeadline'));

  const grants = [];
  for (const item of details) {
    const detail = matchShape(item, DETAILS);
    if (!detail) return null;
    const expiration = detail.integer('expiration');
    // Expiration 0 makes the allowance last only for the block it is set in, at the latest the sigDeadline.
    const expires = expiration === 0n ? usableUntil : deadlineOf(expiration);
    grants.push(
      tokenAllowance(detail.address('token'), detail.integer('amount'), spender, expires, PERMIT2_UNLIMITED),
    );
  }
  return decoded(single ? 'permit2-single' : 'permit2-batch', {
    grants,
    deadline: {
      usableUntil,
      lastsUntil: grants.length === 0 ? usableUntil : latest(grants.map((grant) => grant.expires)),
    },
  });
};

/** The latest of several end times, null (never) when any of them never ends. */
function latest(times: readonly (number | null)[]): number | null {
  if (times.includes(null)) return null;
  return Math.max(...(times as number[]));
}
