import { connect, type Connection } from '../api/connect';
import { firstCallsAt, withFirstCalls } from './firstCalls';

/**
 * Connects the page and asks at once for what its first screen shows (firstCalls.ts). Connecting takes the
 * launch secret out of the URL fragment, which the hash router would otherwise read as an unknown route.
 */
export function openConnection(win: Window): Connection {
  const connected = connect(win);
  if (!connected.ok) return connected;
  return { ok: true, client: withFirstCalls(connected.client, firstCallsAt(win.location.hash)) };
}

/**
 * The page's connection, opened as this module is evaluated: main.tsx imports it ahead of React and the
 * console, so the socket's handshake and the first calls are under way while the rest of the entry runs.
 */
export const connection: Connection = openConnection(window);
