import { describe, expect, it } from 'vitest';
import { RefusalLog } from './refusalLog';
import { captureLog } from '../../../../test/pairing/relayTestKit';

describe('RefusalLog', () => {
  it('logs a set number of lines per window and sums up the rest when the next one begins', () => {
    let clock = 0;
    const { log, entries } = captureLog();
    const refusals = new RefusalLog(log, 2, 1000, () => clock);
    for (let i = 0; i < 5; i += 1) refusals.refused('relay refused a message', 'malformed');
    expect(entries).toHaveLength(2);
    clock = 1000;
    refusals.refused('relay refused a connection');
    expect(entries.slice(2)).toEqual([
      { level: 'warn', message: 'relay refused more messages than it logs', fields: { count: 3 } },
      { level: 'warn', message: 'relay refused a connection', fields: {} },
    ]);
  });
});
