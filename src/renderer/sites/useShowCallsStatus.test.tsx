// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

afterEach(cleanup);

describe('wallet_showCallsStatus', () => {
  it('opens Send, where each call of the batch is listed with its status', async () => {
    const client = new WalletClientDouble();
    await openPage(client, 'sites', 'Connected sites');
    await act(async () => {
      client.emit('dapps.showCallsStatus', { origin: 'https://app.example.org', id: `0x${'ab'.repeat(32)}` });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Send' })).toBeTruthy();
  });
});
