import { expect, it } from 'vitest';
import { testOwners } from '../../../test/safes/safeKeys';
import { RECIPIENT, SAFE, sendFields } from '../../../test/safes/safeRows';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { safeExecutionLookup } from './safeExecutions';
import { SafesRepository } from './safesRepository';
import { SafeTransactionsRepository } from './safeTransactionsRepository';

const temp = useTempDatabase('safe-executions-');
const HASH = `0x${'0a'.repeat(32)}`;
const SENT = `0x${'5e'.repeat(32)}`;

it('finds the Safe and its signers behind an execTransaction the wallet sent, on that chain only', () => {
  const [ledgerOwner, phoneOwner] = testOwners(2) as [
    ReturnType<typeof testOwners>[0],
    ReturnType<typeof testOwners>[0],
  ];
  const safes = new SafesRepository(temp.db);
  const transactions = new SafeTransactionsRepository(temp.db);
  const safe = safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
  const tx = transactions.add(
    { safeId: safe.id, safeTxHash: HASH, fields: sendFields(0), kind: 'send', summary: 'Send', warnings: [] },
    1,
    [
      {
        owner: ledgerOwner.address,
        signature: ledgerOwner.signHash(HASH),
        signer: { kind: 'ledger', label: 'Nano X', fingerprint: 'ledger:4f2a9c' },
        mode: 'hashed',
        signedAt: 1,
      },
      {
        owner: phoneOwner.address,
        signature: phoneOwner.signHash(HASH),
        signer: { kind: 'phone', label: 'Pixel', fingerprint: 'phone:9b1d07' },
        mode: 'phone',
        signedAt: 2,
      },
    ],
  );
  const lookup = safeExecutionLookup(safes, transactions);
  expect(lookup(1, SENT)).toBeNull();
  transactions.setStatus(tx.id, 'executed', { execution: { hash: SENT, by: RECIPIENT, outgoingId: null } });

  expect(lookup(1, SENT)).toEqual({
    address: SAFE,
    name: 'Vault',
    signers: [
      {
        owner: ledgerOwner.address,
        kind: 'ledger',
        label: 'Nano X',
        fingerprint: 'ledger:4f2a9c',
        blind: true,
      },
      { owner: phoneOwner.address, kind: 'phone', label: 'Pixel', fingerprint: 'phone:9b1d07', blind: false },
    ],
  });
  expect(lookup(10, SENT)).toBeNull();
});
