import { type Decoder, decoded, deadlineOf, PERMIT2_UNLIMITED, tokenAllowance } from './decoded';
import { isPermit2Domain } from './permit2Domain';
import { matchShape, type Shape } from './structShape';

const PERMISSIONS = { token: 'address', amount: 'uint256' };
const SINGLE = { permitted: 'struct', spender: 'address', nonce: 'uint256', deadline: 'uint256' };
const BATCH = { permitted: 'struct[]', spender: 'address', nonce: 'uint256', deadline: 'uint256' };

/** Each primary type Permit2's SignatureTransfer verifies, with its shape; witness types add their own fields. */
const TYPES: Record<string, { shape: Shape; batch: boolean; witness: boolean }> = {
  PermitTransferFrom: { shape: SINGLE, batch: false, witness: false },
  PermitWitnessTransferFrom: { shape: SINGLE, batch: false, witness: true },
  PermitBatchTransferFrom: { shape: BATCH, batch: true, witness: false },
  PermitBatchWitnessTransferFrom: { shape: BATCH, batch: true, witness: true },
};

/**
 * Permit2's SignatureTransfer: the spender may move up to each amount once, until `deadline`. A witness
 * (an order the dapp binds to the permit) stays in the tree, where the user sees it field by field.
 */
export const decodePermit2Transfer: Decoder = ({ primaryType, message, domain }) => {
  const type = Object.hasOwn(TYPES, primaryType) ? TYPES[primaryType] : undefined;
  if (!type || !isPermit2Domain(domain)) return null;
  const fields = matchShape(message, type.shape, { extra: type.witness });
  if (!fields) return null;
  const permitted = type.batch ? fields.structs('permitted') : [fields.struct('permitted')];
  const spender = fields.address('spender');
  const deadline = deadlineOf(fields.integer('deadline'));

  const grants = [];
  for (const item of permitted) {
    const permission = matchShape(item, PERMISSIONS);
    if (!permission) return null;
    grants.push(
      tokenAllowance(
        permission.address('token'),
        permission.integer('amount'),
        spender,
        deadline,
        PERMIT2_UNLIMITED,
      ),
    );
  }
  return decoded(type.batch ? 'permit2-batch-transfer' : 'permit2-transfer', {
    grants,
    deadline: { usableUntil: deadline, lastsUntil: deadline },
  });
};
