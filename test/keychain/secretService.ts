import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SECRETS = 'org.freedesktop.secrets';
const DEFAULT_COLLECTION = '/org/freedesktop/secrets/aliases/default';

/**
 * A real Secret Service for tests: a private D-Bus session with gnome-keyring-daemon on it, its keyring files
 * in a temporary HOME. This process's DBUS_SESSION_BUS_ADDRESS points at it until `stop`, so the code under
 * test talks to the real thing and never to the developer's own keyring.
 */
export interface SecretServiceSession {
  /** The bus address, as set in DBUS_SESSION_BUS_ADDRESS. */
  address: string;
  /** Locks the login collection, as a screen lock or `secret-tool lock` would. */
  lock(): Promise<void>;
  stop(): Promise<void>;
}

export interface SecretServiceOptions {
  /**
   * Point this process's DBUS_SESSION_BUS_ADDRESS at the bus (the default, for in-process keychain code). An
   * end-to-end test passes false and hands the address to the host process only: a browser it launches
   * must not hold a connection to a bus that goes away when the test stops.
   */
  exportAddress?: boolean;
}

export async function startSecretService({
  exportAddress = true,
}: SecretServiceOptions = {}): Promise<SecretServiceSession> {
  const dir = mkdtempSync(join(tmpdir(), 'keychain-'));
  const home = join(dir, 'home');
  const runtime = join(dir, 'run');
  mkdirSync(home);
  mkdirSync(runtime, { mode: 0o700 });
  const daemons: Daemon[] = [];
  // If the test process dies without running `stop`, the daemons must not outlive it.
  const killAll = () => daemons.forEach(({ child }) => child.pid && signalGroup(child.pid, 'SIGKILL'));
  process.once('exit', killAll);
  const previousAddress = process.env.DBUS_SESSION_BUS_ADDRESS;

  const stop = async () => {
    process.off('exit', killAll);
    await Promise.all(daemons.map(({ child }) => stopGroup(child)));
    if (previousAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previousAddress;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const address = await startBus(join(dir, 'bus.conf'), join(dir, 'bus'), daemons);
    for (let attempt = 1; ; attempt++) {
      const keyring = await startKeyring(daemons, home, runtime, address);
      try {
        await waitForUnlockedDefaultCollection(address, keyring);
        break;
      } catch (error) {
        // gnome-keyring-daemon has been seen to abort on start-up (a GLib assertion in its D-Bus code, on a
        // property read that raced its session set-up): a new one on the same bus and files starts clean.
        if (!(error instanceof KeyringDied) || attempt === KEYRING_ATTEMPTS) throw error;
      }
    }
    if (exportAddress) process.env.DBUS_SESSION_BUS_ADDRESS = address;
    return {
      address,
      lock: () =>
        dbus(
          address,
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.Lock',
          `array:objpath:${DEFAULT_COLLECTION}`,
        ).then(() => undefined),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A bus of our own, with no service files: nothing on this machine can be activated onto it by accident. */
async function startBus(config: string, socket: string, daemons: Daemon[]): Promise<string> {
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <!-- A session bus's limits, as Debian's session.conf sets them: the daemon's built-in defaults (256
       connections per user) are for the system bus, and the keyring binding opens a connection per call. -->
  <limit name="max_completed_connections">100000</limit>
  <limit name="max_incomplete_connections">10000</limit>
  <limit name="max_connections_per_user">100000</limit>
  <limit name="auth_timeout">240000</limit>
</busconfig>
`,
  );
  const bus = await startDaemon(
    daemons,
    'dbus-daemon',
    [`--config-file=${config}`, '--nofork', '--print-address=1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('dbus-daemon did not print its address within 5 s')),
      5000,
    );
    createInterface({ input: bus.child.stdout as Readable }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    bus.child.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}: ${bus.stderr()}`)));
  });
}

const KEYRING_ATTEMPTS = 3;

class KeyringDied extends Error {}

async function startKeyring(
  daemons: Daemon[],
  home: string,
  runtime: string,
  address: string,
): Promise<Daemon> {
  const keyring = await startDaemon(
    daemons,
    'gnome-keyring-daemon',
    ['--foreground', '--unlock', '--components=secrets'],
    {
      stdio: ['pipe', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_DATA_HOME: join(home, '.local', 'share'),
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_RUNTIME_DIR: runtime,
        DBUS_SESSION_BUS_ADDRESS: address,
      },
    },
  );
  // --unlock reads the login keyring's password from stdin, creating the keyring on first use.
  keyring.child.stdin?.end('test-keyring-password');
  return keyring;
}

async function waitForUnlockedDefaultCollection(address: string, keyring: Daemon): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    // An abort leaves no exit code, only the signal.
    if (keyring.child.exitCode !== null || keyring.child.signalCode !== null)
      throw new KeyringDied(`gnome-keyring-daemon exited: ${keyring.stderr()}`);
    try {
      last = await dbus(
        address,
        DEFAULT_COLLECTION,
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      );
      if (/boolean false/.test(last)) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `the test keyring's default collection did not unlock within 10 s: ${last} ${keyring.stderr()}`,
  );
}

function dbus(address: string, path: string, method: string, ...args: string[]): Promise<string> {
  // `--session` with the address in the environment, not `--address`: only the former says Hello to the
  // bus, and without it replies are not routed back.
  return run(
    'dbus-send',
    ['--session', '--print-reply=literal', `--dest=${SECRETS}`, path, method, ...args],
    {
      timeout: 5000,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    },
  ).then(({ stdout }) => stdout);
}

interface Daemon {
  child: ChildProcess;
  stderr(): string;
}

/**
 * Starts a daemon in a process group of its own, so stopping it also stops anything it forked. Fails with
 * the packages to install when the binary is missing, instead of letting the tests skip.
 */
async function startDaemon(
  daemons: Daemon[],
  name: string,
  args: string[],
  options: Pick<SpawnOptions, 'stdio' | 'env'>,
): Promise<Daemon> {
  const child = spawn(name, args, { ...options, detached: true });
  const stderr: Buffer[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const daemon = { child, stderr: () => Buffer.concat(stderr).toString() };
  daemons.push(daemon);
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) =>
      reject(
        new Error(
          `cannot start ${name} (${error.message}); install the Debian packages dbus and gnome-keyring`,
        ),
      ),
    );
  });
  return daemon;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && signalGroup(child.pid, 'SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}
