import { describe, expect, it } from 'vitest';
import { ApiError, MAX_FAILURE_DETAIL } from '../../shared/api/envelope';
import { userMessage } from '../../shared/api/userErrors';
import { explainError, failure } from './apiFailure';

describe('failure', () => {
  it('keeps a sentence of its own, and has no detail when there is no raw text', () => {
    expect(failure('not_found', 'That contact was removed; reload the list.')).toEqual({
      code: 'not_found',
      message: 'That contact was removed; reload the list.',
    });
  });

  it('replaces a message that is not a sentence with the code’s, and keeps it as the detail', () => {
    expect(failure('conflict', 'UNIQUE constraint failed: contacts.address', ['SQLITE_CONSTRAINT'])).toEqual({
      code: 'conflict',
      message: userMessage('conflict'),
      detail: 'UNIQUE constraint failed: contacts.address\nSQLITE_CONSTRAINT',
    });
  });

  it('says a text once when a wrapper already repeats it, and bounds the whole', () => {
    const inner = 'rpc.example did not answer within 10000 ms.';
    const outer = `No RPC endpoint of Ethereum answered. Last: ${inner}`;
    expect(failure('chain_unavailable', null, [outer, inner]).detail).toBe(outer);
    expect(failure('internal', null, ['x'.repeat(5000)]).detail?.length).toBe(MAX_FAILURE_DETAIL);
  });
});

describe('explainError', () => {
  it('tells a service’s refusal from a fault of the app', () => {
    expect(explainError(new ApiError('cancelled', 'You cancelled the request.'))).toEqual({
      failure: { code: 'cancelled', message: 'You cancelled the request.' },
      expected: true,
    });
    expect(explainError(new Error('boom'))).toEqual({
      failure: { code: 'internal', message: userMessage('internal'), detail: 'boom' },
      expected: false,
    });
  });

  it('collects the causes, outermost first, and stops on a cycle', () => {
    const root = new Error('ECONNRESET');
    const middle = new Error('socket hang up', { cause: root });
    const looped = new Error('looped');
    looped.cause = looped;
    expect(
      explainError(new ApiError('device_error', 'The device stopped answering.', { cause: middle })),
    ).toEqual({
      failure: {
        code: 'device_error',
        message: 'The device stopped answering.',
        detail: 'socket hang up\nECONNRESET',
      },
      expected: true,
    });
    expect(explainError(looped).failure.detail).toBe('looped');
  });
});
