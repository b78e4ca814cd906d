import { AbiCoder, Interface } from 'ethers';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/api/channels';
import { ApiError, type ApiFailure, ErrorCode, MAX_FAILURE_DETAIL } from '../../shared/api/envelope';
import { readsAsSentence, userMessage } from '../../shared/api/userErrors';
import { RpcError } from '../rpc/rpcError';
import { chainCall } from '../tx/txErrors';
import { createRouter, type Handlers } from './router';

const ORIGIN = 'app://wallet';
const own = { origin: ORIGIN, isMainFrame: true };

/** What a library throws, as it throws it. */
function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the library to throw');
}

/** The raw failures users saw, and others like them: none of their words may reach the message. */
const RAW_FAILURES: readonly { kind: string; error: () => Error; words: string[] }[] = [
  {
    kind: 'an ethers decoding error (BUFFER_OVERRUN)',
    error: () => thrownBy(() => AbiCoder.defaultAbiCoder().decode(['uint256'], '0x')),
    words: ['out-of-bounds', 'BUFFER_OVERRUN', 'buffer=0x', 'version='],
  },
  {
    kind: 'an ethers result error (BAD_DATA)',
    error: () =>
      thrownBy(() =>
        new Interface(['function decimals() view returns (uint8)']).decodeFunctionResult('decimals', '0x'),
      ),
    words: ['could not decode', 'BAD_DATA', 'decimals()'],
  },
  {
    kind: 'a node’s refusal (RpcError)',
    error: () =>
      new RpcError(
        'rpc',
        '127.0.0.1:39383 refused eth_sendRawTransaction: Insufficient funds for gas * price + value (code -32003).',
        { chainId: 31337, host: '127.0.0.1:39383', rpcCode: -32003 },
      ),
    words: ['127.0.0.1', 'eth_sendRawTransaction', 'Insufficient funds for gas', '-32003'],
  },
  {
    kind: 'a plain Error',
    error: () => new Error('SQLITE_BUSY: database is locked'),
    words: ['SQLITE_BUSY', 'database is locked'],
  },
];

/** A router whose every handler runs `handler`; its log is read back as text. */
function routerRunning(handler: () => unknown) {
  const log = { warn: vi.fn(), error: vi.fn() };
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, handler])) as unknown as Handlers;
  const router = createRouter({ handlers, trustedOrigins: [ORIGIN], log });
  const logged = () => JSON.stringify([...log.warn.mock.calls, ...log.error.mock.calls]);
  return { router, log, logged };
}

function routerThrowing(error: () => unknown) {
  return routerRunning(() => {
    throw error();
  });
}

async function failureOf(
  router: ReturnType<typeof routerRunning>['router'],
  channel: Channel = 'settings.get',
) {
  const result = await router.invoke(channel, undefined, own);
  if (result.ok) throw new Error('expected a failure');
  expect(readsAsPage(result.error)).toBe(true);
  return result.error;
}

/** Every failure the page gets is a sentence, with any detail bounded. */
function readsAsPage(failure: ApiFailure): boolean {
  return readsAsSentence(failure.message) && (failure.detail?.length ?? 0) <= MAX_FAILURE_DETAIL;
}

function expectOnlyInDetailAndLog(failure: ApiFailure, logged: string, words: readonly string[]): void {
  for (const word of words) {
    expect(failure.message).not.toContain(word);
    expect(failure.detail).toContain(word);
    expect(logged).toContain(word);
  }
}

describe('no raw error text reaches the page', () => {
  describe.each(RAW_FAILURES)('$kind', ({ error, words }) => {
    it('thrown by a handler is the internal sentence, its words only in the detail and the log', async () => {
      const { router, logged } = routerThrowing(error);
      const failure = await failureOf(router);
      expect(failure).toMatchObject({ code: 'internal', message: userMessage('internal') });
      expectOnlyInDetailAndLog(failure, logged(), words);
    });

    it.each(ErrorCode.options)(
      'passed up as the message of an ApiError(%s) is that code’s sentence, its words only as detail',
      async (code) => {
        const { router, logged } = routerThrowing(() => {
          const raw = error();
          return new ApiError(code, `The network would not run this transaction: ${raw.message}`, {
            cause: raw,
          });
        });
        const failure = await failureOf(router);
        expect(failure).toMatchObject({ code, message: userMessage(code) });
        expectOnlyInDetailAndLog(failure, logged(), words);
      },
    );

    it.each(ErrorCode.options)(
      'as the cause of an ApiError(%s) with a sentence of its own, is only the detail',
      async (code) => {
        const sentence = 'That account is no longer in the wallet; choose another.';
        const { router, logged } = routerThrowing(() => new ApiError(code, sentence, { cause: error() }));
        const failure = await failureOf(router);
        expect(failure).toMatchObject({ code, message: sentence });
        expectOnlyInDetailAndLog(failure, logged(), words);
      },
    );
  });

  it.each(ErrorCode.options)(
    'any raw text an ApiError(%s) carries never becomes its message',
    async (code) => {
      const rawText = fc
        .string({ minLength: 12, maxLength: 3000 })
        .filter(
          (text) =>
            !readsAsSentence(text) && text.trim().length >= 12 && !userMessage(code).includes(text.trim()),
        );
      await fc.assert(
        fc.asyncProperty(rawText, fc.constantFrom('message', 'detail', 'cause'), async (raw, where) => {
          const { router } = routerThrowing(() =>
            where === 'message'
              ? new ApiError(code, raw)
              : where === 'detail'
                ? new ApiError(code, userMessage(code), { detail: raw })
                : new ApiError(code, userMessage(code), { cause: new Error(raw) }),
          );
          const failure = await failureOf(router);
          expect(failure.message).toBe(userMessage(code));
          expect(failure.detail?.length).toBeLessThanOrEqual(MAX_FAILURE_DETAIL);
          expect(failure.detail?.slice(0, 100)).toBe(raw.trim().slice(0, 100));
        }),
        { numRuns: 40 },
      );
    },
  );

  it('a node’s refusal through the transaction service is what to do, the node’s words only as detail', async () => {
    const refusal = RAW_FAILURES[2]?.error() as Error;
    const { router, logged } = routerRunning(() => chainCall(() => Promise.reject(refusal)));
    const failure = await failureOf(router);
    expect(failure).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/add funds\.$/),
    });
    expectOnlyInDetailAndLog(failure, logged(), ['127.0.0.1:39383', 'eth_sendRawTransaction', '-32003']);
  });

  it('what is thrown that is not an Error still reaches only the detail', async () => {
    for (const thrown of ['boom: ECONNRESET', { reason: 'E_WEIRD' }, 42]) {
      const { router, log } = routerThrowing(() => thrown);
      const failure = await failureOf(router);
      const detail = typeof thrown === 'string' ? thrown : JSON.stringify(thrown);
      expect(failure).toEqual({ code: 'internal', message: userMessage('internal'), detail });
      expect(log.error).toHaveBeenCalledWith('handler failed', { channel: 'settings.get', error: detail });
    }
  });
});
