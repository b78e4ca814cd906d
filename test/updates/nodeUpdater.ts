import type { RequestOptions } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';

/** Electron's `app` as electron-updater sees it, in plain Node: nothing here quits or relaunches the test. */
class NodeAppAdapter implements AppAdapter {
  readonly name = 'Ledgerline';
  readonly isPackaged = true;
  quits = 0;
  relaunches = 0;

  constructor(
    readonly version: string,
    readonly userDataPath: string,
    readonly baseCachePath: string,
    readonly appUpdateConfigPath: string,
  ) {}

  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  relaunch(): void {
    this.relaunches += 1;
  }
  quit(): void {
    this.quits += 1;
  }
  onQuit(): void {
    // The engine turns install-on-quit off, so a handler here would be a bug; there is no quit to hook.
  }
}

/**
 * electron-updater's own executor with Node's `http` under it in place of Electron's `net`. builder-util's
 * NodeHttpExecutor alone lacks the `download` the updaters call; this keeps electron-updater's `download`
 * and everything above the request itself.
 */
export class NodeNetExecutor extends ElectronHttpExecutor {
  private readonly node = new NodeHttpExecutor();

  override createRequest(
    options: RequestOptions,
    callback: Parameters<ElectronHttpExecutor['createRequest']>[1],
  ): Electron.ClientRequest {
    // A socket per request: electron-updater adds a timeout listener to the socket for each request, which
    // Node's keep-alive agent would pile up on one socket.
    const request = this.node.createRequest({ ...options, agent: false }, callback);
    return request as unknown as Electron.ClientRequest;
  }
}

/**
 * electron-updater's real `.deb` updater (check, download, sha512 check, cache), with Node's HTTP executor for
 * Electron's `net` and an installer that records the file instead of running dpkg under sudo.
 */
export class NodeDebUpdater extends DebUpdater {
  /** The installer files `install` was handed, in order. */
  readonly installed: string[] = [];

  constructor(readonly appAdapter: NodeAppAdapter) {
    super(undefined, appAdapter);
    // AppUpdater leaves its executor unset when handed an app adapter, and its typings hide the field.
    (this as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeNetExecutor();
  }

  /**
   * Records the installer instead of running it, and answers "not installed": on true, BaseUpdater reaches for
   * Electron's own autoUpdater to announce the quit, which plain Node has not.
   */
  protected override doInstall(): boolean {
    this.installed.push(this.installerPath ?? '');
    return false;
  }
}

export interface NodeUpdaterSetup {
  updater: NodeDebUpdater;
  /** Where electron-updater keeps downloads (its cache folder for this app). */
  cacheDir: string;
  cleanup(): Promise<void>;
}

/** A fresh updater for an installed `version`, with its user data and cache in a temporary folder. */
export async function createNodeUpdater(version: string): Promise<NodeUpdaterSetup> {
  const root = await mkdtemp(join(tmpdir(), 'ledgerline-updater-'));
  const userData = join(root, 'userData');
  const cache = join(root, 'cache');
  await mkdir(userData);
  // What electron-builder writes into the app's resources when `publish` is set.
  const config = join(root, 'app-update.yml');
  await writeFile(config, 'updaterCacheDirName: ledgerline-updater\n');
  const updater = new NodeDebUpdater(new NodeAppAdapter(version, userData, cache, config));
  return {
    updater,
    cacheDir: join(cache, 'ledgerline-updater'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
