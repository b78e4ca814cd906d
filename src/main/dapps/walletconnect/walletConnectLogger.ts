import { pino, type Logger as PinoLogger } from '@walletconnect/logger';
import type { Logger } from '../../log';

const MAX_MESSAGE = 200;

/** The words of one entry: its message, else the message of the error it was given (merged or as `err`). */
function messageOf(entry: object): string {
  const { msg, err, message } = entry as { msg?: unknown; err?: { message?: unknown }; message?: unknown };
  const text = [msg, err?.message, message].find((candidate) => typeof candidate === 'string' && candidate);
  return typeof text === 'string' ? text.slice(0, MAX_MESSAGE) : 'no message';
}

/**
 * WalletConnect's logger, pointed at ours: warnings and errors only (its debug lines carry whole payloads),
 * message text only (its objects may hold topics, requests and metadata), and nothing on the console.
 * `@walletconnect/logger` bundles pino's browser build whatever the platform, hence its `browser` options
 * (`serialize` turns an Error it is handed into its message).
 */
export function walletConnectLogger(log: Logger): PinoLogger {
  const warn = (entry: object) => log.warn('walletconnect', { message: messageOf(entry) });
  const error = (entry: object) => log.error('walletconnect', { message: messageOf(entry) });
  return pino({
    level: 'warn',
    browser: { asObject: true, serialize: true, write: { warn, error, fatal: error } },
  });
}
