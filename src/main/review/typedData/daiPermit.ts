import { type Decoder, decoded, deadlineOf, tokenAllowance } from './decoded';
import { matchShape } from './structShape';

const DAI_PERMIT = {
  holder: 'address',
  spender: 'address',
  nonce: 'uint256',
  expiry: 'uint256',
  allowed: 'bool',
};
const MAX_UINT256 = 2n ** 256n - 1n;

/**
 * DAI's own `Permit`: `allowed` true approves the all-ones maximum, false sets the allowance to 0. An
 * `expiry` of 0 means the signature never expires (DAI checks `expiry == 0 || now <= expiry`).
 */
export const decodeDaiPermit: Decoder = ({ primaryType, message, domain }) => {
  const fields = primaryType === 'Permit' ? matchShape(message, DAI_PERMIT) : null;
  if (!fields || !domain.verifyingContract) return null;
  const expiry = fields.integer('expiry');
  const deadline = expiry === 0n ? null : deadlineOf(expiry);
  const amount = fields.bool('allowed') ? MAX_UINT256 : 0n;
  return decoded('dai-permit', {
    grants: [tokenAllowance(domain.verifyingContract, amount, fields.address('spender'), null)],
    deadline: { usableUntil: deadline, lastsUntil: deadline },
  });
};
