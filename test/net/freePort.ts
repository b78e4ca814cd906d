import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on right now, for a service a test starts: fixed ports collide when two
 * test files or a CI neighbour run at once.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('No loopback port was given.');
  return address.port;
}
