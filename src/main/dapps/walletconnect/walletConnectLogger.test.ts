import { describe, expect, it } from 'vitest';
import type { Logger } from '../../log';
import { walletConnectLogger } from './walletConnectLogger';

function recording() {
  const lines: [string, Record<string, unknown> | undefined][] = [];
  const log: Logger = {
    info: (message, fields) => lines.push([`info ${message}`, fields]),
    warn: (message, fields) => lines.push([`warn ${message}`, fields]),
    error: (message, fields) => lines.push([`error ${message}`, fields]),
  };
  return { log, lines };
}

describe('walletConnectLogger', () => {
  it('passes warnings and errors by message only, and drops the rest', () => {
    const { log, lines } = recording();
    const logger = walletConnectLogger(log);
    logger.debug({ payload: 'secret-ish' }, 'Verify context');
    logger.info('Core Initialization Success');
    logger.warn({ topic: 'a'.repeat(64) }, 'Relayer disconnected');
    logger.error(new Error('socket hang up'));
    logger.child({ context: 'core' }).fatal('Fatal socket error');
    expect(lines).toEqual([
      ['warn walletconnect', { message: 'Relayer disconnected' }],
      ['error walletconnect', { message: 'socket hang up' }],
      ['error walletconnect', { message: 'Fatal socket error' }],
    ]);
  });

  it('caps a long message', () => {
    const { log, lines } = recording();
    walletConnectLogger(log).warn('x'.repeat(1000));
    expect((lines[0]?.[1]?.message as string).length).toBe(200);
  });
});
