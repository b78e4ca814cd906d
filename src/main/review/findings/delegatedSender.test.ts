import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { PartyNames } from '../parties';
import { delegatedSender, delegateOf } from './delegatedSender';

const DELEGATE = toChecksumAddress('0x63c0c19a282a1b52b07dd5a65b58948a07dae32b');
const code = `0xef0100${DELEGATE.slice(2).toLowerCase()}`;
const parties = new PartyNames({
  accounts: [],
  addressBook: [],
  labels: [{ address: DELEGATE, name: 'Smart account' }],
  tokens: () => null,
  chainId: 1,
});

describe('delegateOf', () => {
  it('reads the delegate from 0xef0100 and 20 bytes, and nothing else', () => {
    expect(delegateOf(code)).toBe(DELEGATE);
    expect(delegateOf(code.toUpperCase().replace('0X', '0x'))).toBe(DELEGATE);
    expect(delegateOf('0x')).toBeNull();
    expect(delegateOf(`${code}00`)).toBeNull();
    expect(delegateOf(`0x6080${DELEGATE.slice(2)}`)).toBeNull();
  });
});

describe('delegatedSender', () => {
  it('warns of a delegated sender, naming the delegate contract', () => {
    const found = delegatedSender({ fromCode: code, parties });
    expect(found).toMatchObject({
      code: 'delegated-sender',
      severity: 'warning',
      facts: [{ label: 'Delegated to', value: DELEGATE }],
    });
    expect(found?.message).toMatch(
      new RegExp(`^This account is delegated \\(EIP-7702\\) to the contract Smart account \\(${DELEGATE}\\)`),
    );
    expect(delegatedSender({ fromCode: code })?.message).toContain(`to the contract ${DELEGATE}, which`);
  });

  it('says nothing for a plain account', () => {
    expect(delegatedSender({ fromCode: '0x' })).toBeNull();
  });
});
