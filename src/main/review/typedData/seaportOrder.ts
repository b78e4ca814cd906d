import type { ChecksumAddress } from '../../store/address';
import { type AssetMove, type Decoder, decoded, deadlineOf, ERC20_UNLIMITED } from './decoded';
import { matchShape } from './structShape';
import type { StructValue } from './typedDataValue';

const ORDER = {
  offerer: 'address',
  zone: 'address',
  offer: 'struct[]',
  consideration: 'struct[]',
  orderType: 'uint8',
  startTime: 'uint256',
  endTime: 'uint256',
  zoneHash: 'bytes32',
  salt: 'uint256',
  conduitKey: 'bytes32',
  counter: 'uint256',
};
const ITEM = {
  itemType: 'uint8',
  token: 'address',
  identifierOrCriteria: 'uint256',
  startAmount: 'uint256',
  endAmount: 'uint256',
};
const CONSIDERATION_ITEM = { ...ITEM, recipient: 'address' };

/** Seaport's ItemType: 4 and 5 are "any token of the collection the criteria (a Merkle root, or 0: any) allow". */
const ASSETS: Partial<Record<number, { asset: AssetMove['asset']; criteria: boolean }>> = {
  0: { asset: 'native', criteria: false },
  1: { asset: 'erc20', criteria: false },
  2: { asset: 'erc721', criteria: false },
  3: { asset: 'erc1155', criteria: false },
  4: { asset: 'erc721', criteria: true },
  5: { asset: 'erc1155', criteria: true },
};

/**
 * A Seaport `OrderComponents` listing: the offer is what the signer hands over to whoever fulfils it, the
 * consideration what must be paid for it and to whom. Amounts that change over time (auctions) are read
 * at their worst for the signer: the most that leaves, the least that comes back.
 */
export const decodeSeaportOrder: Decoder = ({ primaryType, message, domain }) => {
  const fields = primaryType === 'OrderComponents' ? matchShape(message, ORDER) : null;
  if (!fields || domain.name !== 'Seaport' || !domain.verifyingContract) return null;
  const marketplace = domain.verifyingContract;
  const expires = deadlineOf(fields.integer('endTime'));

  const grants = items(fields.structs('offer'), ITEM, marketplace, expires);
  const consideration = items(fields.structs('consideration'), CONSIDERATION_ITEM, marketplace, expires);
  if (!grants || !consideration) return null;
  return decoded('seaport-order', {
    grants,
    consideration,
    deadline: { usableUntil: expires, lastsUntil: expires },
  });
};

function items(
  list: StructValue[],
  shape: typeof ITEM | typeof CONSIDERATION_ITEM,
  marketplace: ChecksumAddress,
  expires: number | null,
): AssetMove[] | null {
  const consideration = shape === CONSIDERATION_ITEM;
  const moves: AssetMove[] = [];
  for (const entry of list) {
    const item = matchShape(entry, shape);
    const type = item && ASSETS[Number(item.integer('itemType'))];
    if (!item || !type) return null;
    const start = item.integer('startAmount');
    const end = item.integer('endAmount');
    const [least, most] = start < end ? [start, end] : [end, start];
    const nft = type.asset === 'erc721' || type.asset === 'erc1155';
    moves.push({
      asset: type.asset,
      token: item.address('token'),
      amount: consideration ? least : most,
      unlimitedAt: type.asset === 'erc20' ? ERC20_UNLIMITED : null,
      tokenId: nft && !type.criteria ? item.integer('identifierOrCriteria') : null,
      spender: marketplace,
      expires,
      recipient: consideration ? item.address('recipient') : null,
    });
  }
  return moves;
}
