import { describe, expect, it } from 'vitest';
import { safeState, sendFields } from '../../../test/safes/safeRows';
import type { Account } from '../store/accountsRepository';
import { toChecksumAddress } from '../store/address';
import type { SafeRow } from './safesRepository';
import type { SafeConfirmation, SafeTxRow } from './safeTransactionsRepository';
import { NOT_SIMULATED, safeTxView, safeView } from './safeViews';

const address = (digit: string) => toChecksumAddress(`0x${digit.repeat(40)}`);
const LEDGER = address('1');
const STRANGER = address('2');
const SAFE = address('3');

const ledger: Account = {
  id: 7,
  signer: 'ledger',
  deviceFingerprint: 'f00d',
  derivationScheme: 'ledger-live',
  derivationPath: "m/44'/60'/0'/0/0",
  address: LEDGER,
  label: 'Ledger main',
  createdAt: 1,
  updatedAt: 1,
};

const state = safeState([LEDGER, STRANGER], 2, {
  address: SAFE,
  nonce: 3,
  modules: [address('5')],
  warnings: ['Module 0x5555…5555 can move funds without the owners.'],
});

const deploying: SafeRow = {
  id: 1,
  chainId: 1,
  address: SAFE,
  name: 'Vault',
  status: 'deploying',
  deployment: { hash: `0x${'aa'.repeat(32)}`, outgoingId: 4 },
  state: null,
  error: null,
  readAt: null,
  createdAt: 1,
  updatedAt: 1,
};
const ready: SafeRow = { ...deploying, status: 'ready', state, readAt: 2 };

describe('safeView', () => {
  it('shows a Safe not read yet with nothing it does not know', () => {
    expect(safeView(deploying, [ledger])).toMatchObject({
      status: 'deploying',
      deployment: { hash: deploying.deployment?.hash, outgoingId: 4 },
      version: null,
      owners: [],
      threshold: 0,
      balance: null,
      readAt: null,
    });
  });

  it('matches each owner to the wallet’s account, and keeps the rest as strangers', () => {
    const view = safeView(ready, [ledger]);
    expect(view.owners).toEqual([
      {
        address: LEDGER,
        account: { id: 7, label: 'Ledger main', signer: 'ledger', deviceFingerprint: 'f00d' },
      },
      { address: STRANGER, account: null },
    ]);
    expect(view).toMatchObject({
      version: '1.4.1',
      threshold: 2,
      nonce: 3,
      modules: [address('5')],
      balance: '1000000000000000000',
      warnings: state.warnings,
    });
  });
});

describe('safeTxView', () => {
  const tx: SafeTxRow = {
    id: 9,
    safeId: 1,
    safeTxHash: `0x${'bb'.repeat(32)}`,
    fields: sendFields(3, '1'),
    kind: 'send',
    summary: 'Send 1 wei',
    warnings: [],
    status: 'collecting',
    execution: null,
    createdAt: 5,
    updatedAt: 6,
  };
  const confirmation: SafeConfirmation = {
    owner: LEDGER,
    signature: { r: `0x${'01'.repeat(32)}`, s: `0x${'02'.repeat(32)}`, yParity: 1 },
    signer: { kind: 'ledger', label: 'Nano X', fingerprint: 'f00d' },
    mode: 'clear',
    signedAt: 8,
  };

  it('shows who signed on what, never the signature itself, against the Safe’s threshold', () => {
    const described = { kind: 'send' as const, summary: 'Send 1 wei to 0x2222…2222', warnings: ['Careful.'] };
    const view = safeTxView(tx, ready, [confirmation], NOT_SIMULATED, described);
    expect(view).toMatchObject({
      id: 9,
      safe: SAFE,
      chainId: 1,
      threshold: 2,
      simulation: NOT_SIMULATED,
      ...described,
    });
    expect(view.confirmations).toEqual([
      {
        owner: LEDGER,
        signer: { kind: 'ledger', label: 'Nano X', fingerprint: 'f00d' },
        mode: 'clear',
        signedAt: 8,
      },
    ]);
    expect(JSON.stringify(view)).not.toContain(confirmation.signature.r);
  });
});
