import { ApiError } from '../../shared/api/envelope';
import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../rpc/jsonRpc';
import type { ChecksumAddress } from '../store/address';
import { planSafe, type SafePlan } from './safeCreation';

/**
 * The Safe a deployer would create for these owners. Its salt is the deployer's transaction count, so the
 * address the review shows is the one `create` sends for (unless the deployer sends something between), and
 * the same owners can have a second Safe later.
 */
export async function safeCreation(
  connection: ChainConnection,
  owners: readonly ChecksumAddress[],
  threshold: number,
  deployer: ChecksumAddress,
): Promise<SafePlan> {
  const { client, signal } = connection;
  const saltNonce = await client.send(rpc.getTransactionCount(deployer, 'latest'), signal);
  const plan = await planSafe(connection, { owners, threshold, saltNonce });
  if ((await client.send(rpc.getCode(plan.address, 'latest'), signal)) !== '0x') {
    throw new ApiError(
      'conflict',
      `A Safe already exists at ${plan.address} for these owners; add it with "Add existing Safe" instead.`,
    );
  }
  return plan;
}
