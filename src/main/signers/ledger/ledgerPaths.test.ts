import { describe, expect, it } from 'vitest';
import { groupByParent } from './ledgerPaths';

describe('groupByParent', () => {
  it('batches siblings under a non-hardened step and leaves the rest alone', () => {
    expect(
      groupByParent([
        "m/44'/60'/0'/0/0",
        "m/44'/60'/0'/0/1",
        "m/44'/60'/1'/0/0",
        "m/44'/60'/0'",
        "m/44'/60'/2'/0/0",
      ]),
    ).toEqual([
      {
        parent: "m/44'/60'/0'/0",
        children: [
          { path: "m/44'/60'/0'/0/0", index: 0 },
          { path: "m/44'/60'/0'/0/1", index: 1 },
        ],
      },
      { parent: null, children: [{ path: "m/44'/60'/1'/0/0", index: 0 }] },
      { parent: null, children: [{ path: "m/44'/60'/2'/0/0", index: 0 }] },
      { parent: null, children: [{ path: "m/44'/60'/0'", index: -1 }] },
    ]);
  });
});
