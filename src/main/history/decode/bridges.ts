import type { ChecksumAddress } from '../../store/address';
import type { BridgeLeg } from '../activity';
import type { RawTransaction } from '../rawTransaction';
import { decodeAcross } from './bridges/across';
import { decodeArbitrum } from './bridges/arbitrum';
import { decodeCctp } from './bridges/cctp';
import { decodeOpStack } from './bridges/opStack';
import { sameAddress } from './words';

const PROTOCOLS = [decodeAcross, decodeCctp, decodeOpStack, decodeArbitrum];

/**
 * The bridge legs of a mined transaction that concern `account`: ones it sent, or whose depositor or
 * recipient it is (a relayer's batch of fills also carries other people's legs), or that name nobody (an
 * Arbitrum ticket). A failed transaction emitted nothing, so it has none.
 */
export function decodeBridgeLegs(tx: RawTransaction, account: ChecksumAddress): BridgeLeg[] {
  if (tx.status === 'failed') return [];
  const sentByAccount = sameAddress(tx.from, account);
  return PROTOCOLS.flatMap((decode) => decode(tx))
    .filter(
      ({ parties }) => sentByAccount || !parties || parties.some((party) => sameAddress(party, account)),
    )
    .map(({ leg }) => leg);
}
