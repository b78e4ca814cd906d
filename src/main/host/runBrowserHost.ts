import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BRIDGE_PORT } from '../dapps/bridge/extensionBridge';
import { createLogger } from '../log';
import type { DeviceSource } from '../signers/deviceSource';
import { type BrowserHostOptions, startBrowserHost } from './browserHost';
import { defaultDataDir } from './dataDir';

/**
 * Starts the browser host from the environment (PORT, WALLET_BRIDGE_PORT, WALLET_DATA_DIR) and prints the URL to open. The
 * launcher passes the real hardware sources; the end-to-end tests' entry passes a Ledger emulator, and may pass
 * a shorter floor between value snapshots.
 */
export async function runBrowserHost(
  deviceSources: readonly DeviceSource[],
  { valueSnapshotFloorMs }: Pick<BrowserHostOptions, 'valueSnapshotFloorMs'> = {},
): Promise<void> {
  const log = createLogger('browser-host');
  const port = portFrom('PORT') ?? 0;
  const bridgePort = portFrom('WALLET_BRIDGE_PORT') ?? DEFAULT_BRIDGE_PORT;
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = process.env.WALLET_DATA_DIR ?? defaultDataDir();
  try {
    const host = await startBrowserHost({
      port,
      bridgePort,
      rendererDir: join(here, '..', 'renderer'),
      dataDir,
      app: { name: __APP_NAME__, version: __APP_VERSION__ },
      log,
      deviceSources,
      valueSnapshotFloorMs,
    });
    console.log(`${__APP_NAME__} browser host is running with its data in ${dataDir}`);
    console.log(`Open ${host.url}`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`The browser host could not start: ${reason}`);
    process.exit(1);
  }
}

function portFrom(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a TCP port number (0-65535), not ${JSON.stringify(text)}.`);
    process.exit(2);
  }
  return port;
}
