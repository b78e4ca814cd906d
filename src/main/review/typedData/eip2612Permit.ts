import { type Decoder, decoded, deadlineOf, tokenAllowance } from './decoded';
import { matchShape } from './structShape';

const PERMIT = {
  owner: 'address',
  spender: 'address',
  value: 'uint256',
  nonce: 'uint256',
  deadline: 'uint256',
};

/**
 * EIP-2612 `Permit`: an ERC-20 approval by signature. The token is the domain's verifyingContract; the
 * approval itself never expires, only the signature's `deadline` to submit it.
 */
export const decodeEip2612Permit: Decoder = ({ primaryType, message, domain }) => {
  const fields = primaryType === 'Permit' ? matchShape(message, PERMIT) : null;
  if (!fields || !domain.verifyingContract) return null;
  const deadline = deadlineOf(fields.integer('deadline'));
  return decoded('eip2612-permit', {
    grants: [
      tokenAllowance(domain.verifyingContract, fields.integer('value'), fields.address('spender'), null),
    ],
    deadline: { usableUntil: deadline, lastsUntil: deadline },
  });
};
