import { describe, expect, it } from 'vitest';
import { describeRelayFailure } from './relayLink';

const RELAY = 'wss://relay.example.org';

describe('describeRelayFailure', () => {
  it('says what the user can do about it', () => {
    expect(describeRelayFailure(RELAY, new Error('Unexpected server response: 401'))).toBe(
      `The relay at ${RELAY} refused the project id. Check it in Settings › WalletConnect.`,
    );
    expect(describeRelayFailure(RELAY, new Error('No internet connection detected. Please restart'))).toBe(
      'There is no internet connection.',
    );
    expect(describeRelayFailure(RELAY, new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe(
      `The relay at ${RELAY} cannot be reached. Check the internet connection.`,
    );
    expect(describeRelayFailure(RELAY, 'unreachable')).toMatch(/cannot be reached/);
  });
});
