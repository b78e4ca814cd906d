import Eth from '@ledgerhq/hw-app-eth';
import { Interface, Signature, Transaction, keccak256, recoverAddress, verifyMessage } from 'ethers';
import { describe, expect, it } from 'vitest';
import { expectedAddress } from '../signing/fixtures';
import { LedgerEmulator, SW } from './ledgerEmulator';
import { TEST_MNEMONIC } from '../signing/fixtures';
import { ledgerTokenDescriptor } from '../../src/main/review/device/ledgerTokens';
import { toChecksumAddress } from '../../src/main/store/address';

const PATH = "44'/60'/0'/0/0";
const OFFLINE = { calServiceURL: null, cryptoassetsBaseURL: null };
const NO_RESOLUTION = { domains: [], plugin: [], externalPlugin: [], nfts: [], erc20Tokens: [] };

async function status(emulator: LedgerEmulator, apdu: string): Promise<number> {
  const response = await emulator.exchange(Buffer.from(apdu, 'hex'));
  return response.readUInt16BE(response.length - 2);
}

describe('LedgerEmulator', () => {
  it('signs with the published test mnemonic', () => {
    expect(TEST_MNEMONIC.split(' ')).toHaveLength(12);
    expect(new LedgerEmulator().addressAt("m/44'/60'/0'/0/0")).toBe(
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    );
  });

  it('answers get address with and without chain code, and counts exchanges', async () => {
    const emulator = new LedgerEmulator();
    const eth = new Eth(emulator, 'w0w', OFFLINE);
    const plain = await eth.getAddress(PATH, false, false);
    const withChainCode = await eth.getAddress(PATH, false, true);
    expect(plain.address).toBe(expectedAddress(`m/${PATH}`));
    expect(plain.chainCode).toBeUndefined();
    expect(withChainCode.chainCode).toMatch(/^[0-9a-f]{64}$/);
    expect(emulator.exchangeCount).toBe(2);
    expect(emulator.exchangeLog.map((e) => e.p2)).toEqual([0x00, 0x01]);
  });

  it('truncates the legacy v to one byte as the app does for large chain ids', async () => {
    const emulator = new LedgerEmulator();
    const transaction = Transaction.from({
      type: 0,
      chainId: 11_155_111n,
      nonce: 0,
      gasPrice: 1n,
      gasLimit: 21_000n,
      to: expectedAddress(`m/${PATH}`),
      value: 1n,
    });
    const unsigned = transaction.unsignedSerialized.slice(2);
    const path = '058000002c8000003c800000000000000000000000';
    const length = (path.length + unsigned.length) / 2;
    const response = await emulator.exchange(
      Buffer.from(`e0040000${length.toString(16)}${path}${unsigned}`, 'hex'),
    );
    const rawV = response[0] ?? -1;
    expect([(11_155_111 * 2 + 35) & 0xff, (11_155_111 * 2 + 36) & 0xff]).toContain(rawV);
    const result = await new Eth(emulator, 'w0w', OFFLINE).signTransaction(PATH, unsigned, NO_RESOLUTION);
    transaction.signature = Signature.from({
      r: `0x${result.r}`,
      s: `0x${result.s}`,
      v: BigInt(`0x${result.v}`),
    });
    expect(transaction.from).toBe(expectedAddress(`m/${PATH}`));
  });

  it('refuses a transaction with data while blind signing is off, with 0x6a80', async () => {
    const emulator = new LedgerEmulator({ blindSigning: false });
    const transaction = Transaction.from({
      type: 2,
      chainId: 1n,
      nonce: 0,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
      gasLimit: 50_000n,
      to: expectedAddress(`m/${PATH}`),
      data: '0xa9059cbb',
    });
    const eth = new Eth(emulator, 'w0w', OFFLINE);
    await expect(
      eth.signTransaction(PATH, transaction.unsignedSerialized.slice(2), NO_RESOLUTION),
    ).rejects.toThrow(/Blind signing/);
    emulator.blindSigning = true;
    await expect(
      eth.signTransaction(PATH, transaction.unsignedSerialized.slice(2), NO_RESOLUTION),
    ).resolves.toBeDefined();
  });

  describe('ERC-20 token information (E0 0A)', () => {
    const usdc = toChecksumAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
    const alice = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    const transfer = new Interface(['function transfer(address,uint256)']).encodeFunctionData('transfer', [
      alice,
      12_500_000n,
    ]);
    const usdcTransfer = (chainId = 1n) =>
      Transaction.from({
        type: 2,
        chainId,
        nonce: 0,
        maxFeePerGas: 21_000_000_000n,
        maxPriorityFeePerGas: 1n,
        gasLimit: 60_000n,
        to: usdc,
        data: transfer,
      }).unsignedSerialized.slice(2);
    const withUsdc = { ...NO_RESOLUTION, erc20Tokens: [ledgerTokenDescriptor(1, usdc)?.hex ?? ''] };

    it('answers with the slot it stored the token in, and refuses a forged descriptor', async () => {
      const emulator = new LedgerEmulator();
      const descriptor = ledgerTokenDescriptor(1, usdc)?.hex ?? '';
      const length = (descriptor.length / 2).toString(16).padStart(2, '0');
      const answer = await emulator.exchange(Buffer.from(`e00a0000${length}${descriptor}`, 'hex'));
      expect(answer.toString('hex')).toBe('009000');
      const forged = descriptor.slice(0, 2) + Buffer.from('USDT').toString('hex') + descriptor.slice(10);
      expect(await status(emulator, `e00a0000${length}${forged}`)).toBe(SW.INVALID_DATA);
    });

    it('clear-signs a transfer of a provided token with blind signing off, showing token, amount, recipient', async () => {
      const emulator = new LedgerEmulator({ blindSigning: false });
      const eth = new Eth(emulator, 'w0w', OFFLINE);
      const result = await eth.signTransaction(PATH, usdcTransfer(), withUsdc);
      expect(emulator.exchangeLog.map((entry) => entry.ins)).toContain(0x0a);
      expect(emulator.lastScreen).toEqual([
        { label: 'Amount', value: 'USDC 12.5' },
        { label: 'To', value: alice },
        { label: 'Max fees', value: 'ETH 0.00126' },
      ]);
      const signed = Transaction.from(`0x${usdcTransfer()}`);
      signed.signature = Signature.from({
        r: `0x${result.r}`,
        s: `0x${result.s}`,
        v: BigInt(`0x${result.v}`),
      });
      expect(signed.from).toBe(expectedAddress(`m/${PATH}`));
    });

    it('still needs blind signing without the descriptor, on another chain, and once the token was used', async () => {
      const emulator = new LedgerEmulator({ blindSigning: false });
      const eth = new Eth(emulator, 'w0w', OFFLINE);
      await expect(eth.signTransaction(PATH, usdcTransfer(), NO_RESOLUTION)).rejects.toThrow(/Blind signing/);
      await expect(eth.signTransaction(PATH, usdcTransfer(8453n), withUsdc)).rejects.toThrow(/Blind signing/);
      await eth.signTransaction(PATH, usdcTransfer(), withUsdc);
      // The app forgets provided tokens once it signed.
      await expect(eth.signTransaction(PATH, usdcTransfer(), NO_RESOLUTION)).rejects.toThrow(/Blind signing/);
    });

    it('shows the transaction hash of blind-signed data, and names the network off chain 1', async () => {
      const emulator = new LedgerEmulator({ blindSigning: true });
      const eth = new Eth(emulator, 'w0w', OFFLINE);
      const unsigned = usdcTransfer(8453n);
      await eth.signTransaction(PATH, unsigned, NO_RESOLUTION);
      expect(emulator.lastScreen).toEqual([
        { label: 'To', value: usdc },
        { label: 'Max fees', value: 'ETH 0.00126' },
        { label: 'Network', value: 'Base' },
        { label: 'Transaction hash', value: keccak256(`0x${unsigned}`) },
      ]);
    });
  });

  it('signs a personal message after the configured delay', async () => {
    const emulator = new LedgerEmulator({ confirmationDelayMs: 30 });
    const eth = new Eth(emulator, 'w0w', OFFLINE);
    const started = Date.now();
    const { v, r, s } = await eth.signPersonalMessage(PATH, Buffer.from('hi').toString('hex'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(verifyMessage('hi', Signature.from({ r: `0x${r}`, s: `0x${s}`, v }))).toBe(
      expectedAddress(`m/${PATH}`),
    );
  });

  it('signs EIP-712 hashed mode over 0x1901 ‖ domain ‖ struct', async () => {
    const emulator = new LedgerEmulator();
    const eth = new Eth(emulator, 'w0w', OFFLINE);
    const domain = '11'.repeat(32);
    const struct = '22'.repeat(32);
    const { v, r, s } = await eth.signEIP712HashedMessage(PATH, domain, struct);
    const digest = keccak256(`0x1901${domain}${struct}`);
    expect(recoverAddress(digest, Signature.from({ r: `0x${r}`, s: `0x${s}`, v }))).toBe(
      expectedAddress(`m/${PATH}`),
    );
  });

  it('reports app and version, the dashboard, and the configuration flags', async () => {
    const emulator = new LedgerEmulator({ blindSigning: true, app: { name: 'Ethereum', version: '1.12.1' } });
    const eth = new Eth(emulator, 'w0w', OFFLINE);
    expect(await eth.getAppConfiguration()).toMatchObject({ arbitraryDataEnabled: 1, version: '1.12.1' });
    emulator.app = { name: 'BOLOS', version: '1.1.2' };
    const response = await emulator.exchange(Buffer.from('b001000000', 'hex'));
    expect(response.subarray(2, 7).toString('ascii')).toBe('BOLOS');
    expect(await status(emulator, 'e006000000')).toBe(SW.APP_NOT_OPEN);
  });

  it('plays each failure state on demand', async () => {
    const emulator = new LedgerEmulator();
    emulator.lock();
    expect(await status(emulator, 'e006000000')).toBe(SW.LOCKED);
    emulator.lock(SW.SECURITY_NOT_SATISFIED);
    expect(await status(emulator, 'e006000000')).toBe(SW.SECURITY_NOT_SATISFIED);
    emulator.unlock();
    emulator.failNext(SW.NO_APP_OPEN);
    expect(await status(emulator, 'e006000000')).toBe(SW.NO_APP_OPEN);
    expect(await status(emulator, 'e006000000')).toBe(SW.OK);
    emulator.app = { name: 'Bitcoin', version: '2.2.3' };
    expect(await status(emulator, 'e006000000')).toBe(SW.WRONG_APP);
    emulator.app = { name: 'Ethereum', version: '1.13.0' };
    emulator.answer = 'reject';
    expect(await status(emulator, 'e002010015058000002c8000003c800000000000000000000000')).toBe(SW.DENIED);
    emulator.rejectStatus = SW.DENIED_NEWER;
    expect(await status(emulator, 'e002010015058000002c8000003c800000000000000000000000')).toBe(
      SW.DENIED_NEWER,
    );
  });

  it('fails an exchange in flight when unplugged, and stays unplugged until replugged', async () => {
    const emulator = new LedgerEmulator({ confirmationDelayMs: 5_000 });
    const pending = emulator.exchange(
      Buffer.from('e002010015058000002c8000003c800000000000000000000000', 'hex'),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    emulator.unplug();
    await expect(pending).rejects.toMatchObject({ name: 'DisconnectedDeviceDuringOperation' });
    await expect(emulator.exchange(Buffer.from('e006000000', 'hex'))).rejects.toMatchObject({
      name: 'DisconnectedDevice',
    });
    emulator.replug();
    expect(await status(emulator, 'e006000000')).toBe(SW.OK);
  });

  it('unplugs during a chosen exchange', async () => {
    const emulator = new LedgerEmulator();
    emulator.unplugDuringExchange(2);
    expect(await status(emulator, 'e006000000')).toBe(SW.OK);
    await expect(emulator.exchange(Buffer.from('e006000000', 'hex'))).rejects.toMatchObject({
      name: 'DisconnectedDeviceDuringOperation',
    });
    expect(emulator.isPlugged).toBe(false);
  });
});
