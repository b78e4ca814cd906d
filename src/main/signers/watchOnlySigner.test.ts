import { describe, expect, it } from 'vitest';
import { watchOnlySigner } from './watchOnlySigner';

describe('watchOnlySigner', () => {
  it('refuses every request with cannot_sign and says how to sign instead', async () => {
    const requests = [
      () => watchOnlySigner.getAddresses(["m/44'/60'/0'/0/0"]),
      () => watchOnlySigner.showAddress("m/44'/60'/0'/0/0"),
      () => watchOnlySigner.getExtendedPublicKey("m/44'/60'/0'"),
      () => watchOnlySigner.signPersonalMessage("m/44'/60'/0'/0/0", new Uint8Array([1])),
      () =>
        watchOnlySigner.signTypedData("m/44'/60'/0'/0/0", {
          domain: {},
          types: {},
          primaryType: 'X',
          message: {},
        }),
    ];
    for (const request of requests) {
      await expect(request()).rejects.toMatchObject({
        code: 'cannot_sign',
        message: expect.stringContaining('watch-only'),
      });
    }
    expect(watchOnlySigner.kind).toBe('watch');
  });
});
