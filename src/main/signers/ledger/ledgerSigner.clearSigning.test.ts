import { Signature, Transaction } from 'ethers';
import { describe, expect, it } from 'vitest';
import { LedgerEmulator } from '../../../../test/ledger/ledgerEmulator';
import { expectedAddress } from '../../../../test/signing/fixtures';
import { deviceScreen } from '../../review/device/deviceScreen';
import {
  ALICE,
  UNLISTED_TOKEN,
  approveData,
  tokenTransferAction,
  transferData,
  usdcSend,
} from '../../../../test/review/deviceScreenFixtures';
import { DeviceError } from '../../../shared/deviceError';
import type { UnsignedTransaction } from '../signer';
import { LedgerSigner } from './ledgerSigner';

const PATH = "m/44'/60'/0'/0/0";
const TOKEN_INFO = 0x0a;

/** The review's USDC send (12.5 USDC to Alice on chain 1) as the transaction the wallet signs. */
function signable(
  to = usdcSend('ledger').transaction.to,
  data = usdcSend('ledger').transaction.data,
): UnsignedTransaction {
  return {
    type: 2,
    chainId: 1n,
    nonce: 4,
    to,
    value: 0n,
    data,
    gasLimit: 65_000n,
    maxFeePerGas: 23_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  };
}

function setup() {
  const emulator = new LedgerEmulator({ blindSigning: false });
  return { emulator, signer: new LedgerSigner(emulator) };
}

describe('LedgerSigner clear-signs ERC-20 transfers', () => {
  it('signs a USDC send with blind signing off, and the Ledger shows exactly what the review said it would', async () => {
    const { emulator, signer } = setup();
    const transaction = signable();
    const signature = await signer.signTransaction(PATH, transaction);

    expect(emulator.exchangeLog.some((entry) => entry.ins === TOKEN_INFO)).toBe(true);
    const review = deviceScreen({
      ...usdcSend('ledger'),
      maxFee: transaction.gasLimit * (transaction.type === 2 ? transaction.maxFeePerGas : 0n),
    });
    expect(review.mode).toBe('clear');
    expect(emulator.lastScreen).toEqual(review.lines);
    expect(emulator.lastScreen).toContainEqual({ label: 'To', value: ALICE });

    const signed = Transaction.from({ ...transaction, signature: Signature.from(signature) });
    expect(signed.from).toBe(expectedAddress(PATH));
  });

  it('sends no descriptor for a token Ledger has not signed, which still needs blind signing', async () => {
    const { emulator, signer } = setup();
    const error = await signer
      .signTransaction(PATH, signable(UNLISTED_TOKEN))
      .catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).state).toBe('blind_signing_required');
    expect(emulator.exchangeLog.some((entry) => entry.ins === TOKEN_INFO)).toBe(false);
    // The review says so too: the device screen it predicts for this transaction is blind.
    const unlisted = deviceScreen({
      ...usdcSend('ledger'),
      action: tokenTransferAction(UNLISTED_TOKEN, 12_500_000n),
      transaction: { to: UNLISTED_TOKEN, value: 0n, data: transferData(ALICE, 12_500_000n) },
    });
    expect(unlisted.mode).toBe('blind');
  });

  it('keeps an approval of a listed token blind: only transfers get the descriptor', async () => {
    const { emulator, signer } = setup();
    const error = await signer
      .signTransaction(PATH, signable(undefined, approveData(ALICE, 0n)))
      .catch((cause: unknown) => cause);
    expect((error as DeviceError).state).toBe('blind_signing_required');
    expect(emulator.exchangeLog.some((entry) => entry.ins === TOKEN_INFO)).toBe(false);
  });
});
