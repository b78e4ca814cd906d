// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AbiCoder, Interface, MaxUint256 } from 'ethers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncedName } from '../core/phoneSync';
import { RequestCard } from './RequestCard';
import { ALICE, NOW, signRequest } from '../../../test/companion/stubClient';
import { reviewedRequest } from '../../../test/companion/phoneReviewFixture';
import { LEDGER_OWNER, SAFE, safeRequest } from '../../../test/companion/safeRequestFixture';
import type { PhoneRequest } from '../client/requestAnswers';

afterEach(cleanup);

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

function show(
  request: PhoneRequest = signRequest(),
  now = NOW,
  nameFor?: (address: string) => SyncedName | null,
) {
  const onApprove = vi.fn(() => Promise.resolve());
  const onReject = vi.fn(() => Promise.resolve());
  render(
    <RequestCard
      pending={{ desktopId: 'a'.repeat(64), request, receivedAt: NOW }}
      now={now}
      nameFor={nameFor}
      onApprove={onApprove}
      onReject={onReject}
    />,
  );
  return { onApprove, onReject };
}

describe('RequestCard', () => {
  it('shows a transfer decoded by the phone: chain, amount, recipient, fee, desktop and time left', () => {
    show();
    expect(screen.getByRole('heading', { name: 'Send ETH' })).toBeTruthy();
    expect(screen.getByText('From Work laptop')).toBeTruthy();
    expect(screen.getByText('Ethereum')).toBeTruthy();
    expect(screen.getByText('1.5 ETH')).toBeTruthy();
    expect(screen.getByText(ALICE)).toBeTruthy();
    expect(screen.getByText('0.00063 ETH')).toBeTruthy();
    expect(screen.getByText('Expires in 4:50')).toBeTruthy();
    expect(screen.queryByText(/The desktop is on/)).toBeNull();
  });

  it('shows the synced name of the recipient above its full address, and nothing extra without one', () => {
    const names = new Map<string, SyncedName>([
      [ALICE.toLowerCase(), { name: 'Alice', source: 'addressBook' }],
    ]);
    show(signRequest(), NOW, (address) => names.get(address.toLowerCase()) ?? null);
    const name = screen.getByText('Alice');
    expect(name.tagName).toBe('STRONG');
    expect(name.parentElement?.textContent).toBe('Alice address book');
    expect(name.parentElement?.nextElementSibling?.textContent).toBe(ALICE);
    cleanup();

    show(signRequest(), NOW, () => null);
    expect(screen.getByText(ALICE)).toBeTruthy();
    expect(document.querySelector('.synced-name')).toBeNull();
  });

  it('names the token recipient of a token transfer, and keeps the token address unnamed', () => {
    const data =
      '0xa9059cbb' + AbiCoder.defaultAbiCoder().encode(['address', 'uint256'], [ALICE, 5_000_000n]).slice(2);
    const asked: string[] = [];
    show(signRequest({}, { to: USDC, value: '0', data, gasLimit: '60000' }), NOW, (address) => {
      asked.push(address);
      return address.toLowerCase() === ALICE.toLowerCase() ? { name: 'Cold storage', source: 'label' } : null;
    });
    expect(screen.getByText('Cold storage').parentElement?.textContent).toBe('Cold storage label');
    expect(screen.getByText(ALICE)).toBeTruthy();
    expect(asked).not.toContain(USDC);
  });

  it('calls out a request for another network than the desktop is on', () => {
    show(signRequest({ chainId: 42161, desktopChainId: 1 }));
    expect(screen.getByText(/The desktop is on Ethereum, this request is for Arbitrum/)).toBeTruthy();
  });

  it('puts an unlimited approval warning above the details', () => {
    const data =
      '0x095ea7b3' + AbiCoder.defaultAbiCoder().encode(['address', 'uint256'], [ALICE, MaxUint256]).slice(2);
    show(signRequest({}, { to: USDC, value: '0', data, gasLimit: '60000' }));
    const warnings = screen.getByRole('list', { name: 'Warnings' });
    expect(warnings.textContent).toMatch(/Unlimited approval/);
    expect(screen.getByText('Unlimited USDC')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Token approval' })).toBeTruthy();
  });

  it('approves and rejects through the client with the request id', async () => {
    const { onApprove, onReject } = show();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Approve' })));
    expect(onApprove).toHaveBeenCalledWith('00112233445566778899aabbccddeeff');
    cleanup();

    const second = show();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reject' })));
    expect(second.onReject).toHaveBeenCalledWith('00112233445566778899aabbccddeeff');
    expect(second.onApprove).not.toHaveBeenCalled();
    expect(onReject).not.toHaveBeenCalled();
  });

  it('cannot approve an expired request', () => {
    show(signRequest(), NOW + 300_000);
    expect(screen.getByText('Expired')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Reject' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows why an approval failed', async () => {
    render(
      <RequestCard
        pending={{ desktopId: 'a'.repeat(64), request: signRequest(), receivedAt: NOW }}
        now={NOW}
        onApprove={() => Promise.reject(new Error('Not connected to that desktop.'))}
        onReject={() => Promise.resolve()}
      />,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Approve' })));
    expect(screen.getByRole('alert').textContent).toBe('Not connected to that desktop.');
  });

  it('shows the desktop’s review below what the phone decoded, attributed to the desktop', () => {
    show(reviewedRequest({ summary: 'Send 1.5 ETH to Alice' }));
    const decoded = screen.getByText('Decoded by this phone, which signs exactly this:');
    const review = screen.getByRole('region', { name: 'Your desktop’s review' });
    expect(decoded.compareDocumentPosition(review) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(review.textContent).toContain('Your desktop simulated this: Send 1.5 ETH to Alice');
  });
});

describe('RequestCard for a Safe transaction', () => {
  it('shows the Safe, the call it decoded, the signatures so far and the hash it computed', () => {
    const request = safeRequest();
    show(request);
    expect(screen.getByRole('heading', { name: 'Safe transaction' })).toBeTruthy();
    expect(screen.getByText(SAFE)).toBeTruthy();
    expect(screen.getByText(`Send 0.05 ETH to ${ALICE}`)).toBeTruthy();
    expect(screen.getByText('1 of 2 signed')).toBeTruthy();
    expect(screen.getByText(LEDGER_OWNER)).toBeTruthy();
    expect(screen.getByText('on Ledger Nano X')).toBeTruthy();
    expect(screen.getByText('Safe transaction hash')).toBeTruthy();
    expect(screen.getByText(request.safeTxHash)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Warnings' })).toBeNull();
  });

  it('puts an owner change and the desktop’s warnings in a danger callout', () => {
    const data = new Interface(['function addOwnerWithThreshold(address,uint256)']).encodeFunctionData(
      'addOwnerWithThreshold',
      [ALICE, 2n],
    );
    show(safeRequest({ warnings: ['A module is enabled.'] }, { to: SAFE, value: '0', data }));
    expect(screen.getByText(`Add owner ${ALICE} and require 2 signatures`)).toBeTruthy();
    const warnings = screen.getByRole('list', { name: 'Warnings' });
    expect(warnings.className).toContain('danger');
    expect(warnings.textContent).toContain('This changes who controls the Safe');
    expect(warnings.textContent).toContain('The desktop says: A module is enabled.');
  });

  it('approves and rejects by id, and cannot approve once expired', () => {
    const request = safeRequest();
    const { onApprove, onReject } = show(request);
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith(request.id);
    cleanup();
    const later = show(request, request.expiresAt);
    expect(screen.getByText('Expired')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(later.onReject).toHaveBeenCalledWith(request.id);
    expect(onReject).not.toHaveBeenCalled();
  });
});
