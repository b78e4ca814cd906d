// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { PairingRequest, PairingUpdate } from './pairingMessages';
import html from './pair.html?raw';
import { startPairPage, type PagePort } from './pairPage';

function workerPort() {
  const received: PairingRequest[] = [];
  const onMessage: ((message: PairingUpdate) => void)[] = [];
  const port: PagePort = {
    postMessage: (message) => received.push(message),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: () => undefined },
  };
  return {
    port,
    received,
    update: (message: PairingUpdate) => onMessage.forEach((listener) => listener(message)),
  };
}

const byLabel = (label: string) => {
  const id = [...document.querySelectorAll('label')].find((found) => found.textContent === label)?.htmlFor;
  return document.getElementById(id ?? '') as HTMLInputElement;
};
const button = (name: string) =>
  [...document.querySelectorAll('button')].find((found) => found.textContent === name) as HTMLButtonElement;
const statusRegions = () => document.querySelectorAll('[aria-labelledby="pair-title"] [role="status"]');

describe('the pairing page', () => {
  let worker: ReturnType<typeof workerPort>;

  beforeEach(() => {
    // The page's own markup, without the stylesheet and script tags happy-dom would try to fetch.
    document.body.innerHTML = html.slice(html.indexOf('<main'), html.indexOf('</main>') + '</main>'.length);
    worker = workerPort();
    startPairPage(document, () => worker.port);
  });

  it('sends the pasted code and shows the SAS in the one status region, spaced as the desktop shows it', () => {
    byLabel('Pairing code').value = 'ledgerline-extension:AAAA';
    button('Pair').click();
    expect(worker.received).toEqual([{ type: 'pair', code: 'ledgerline-extension:AAAA' }]);
    expect(button('Pair').disabled).toBe(true);
    worker.update({ type: 'sas', sas: '123456' });
    expect(statusRegions()).toHaveLength(1);
    expect(statusRegions()[0]?.textContent).toContain(
      'Compare this code with the one on your desktop: 123 456',
    );
    worker.update({ type: 'paired', desktopName: 'Studio' });
    expect(statusRegions()[0]?.textContent).toBe('Paired with Studio.');
    expect(byLabel('Pairing code').value).toBe('');
    expect(button('Pair').disabled).toBe(false);
  });

  it('shows a failure as an alert and lets the user try again', () => {
    byLabel('Pairing code').value = 'bad';
    button('Pair').click();
    worker.update({ type: 'failed', message: 'That is not a Ledgerline pairing code.' });
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      'That is not a Ledgerline pairing code.',
    );
    expect(button('Pair').disabled).toBe(false);
  });

  it('shows where the link stands, and offers Unpair only while paired', () => {
    worker.update({ type: 'status', status: 'unpaired', desktopName: null });
    expect(document.getElementById('link-status')?.textContent).toMatch(/^Not paired/);
    expect(button('Unpair').hidden).toBe(true);
    worker.update({ type: 'status', status: 'offline', desktopName: 'Studio' });
    expect(document.getElementById('link-status')?.textContent).toMatch(
      /Paired with Studio\. Ledgerline is not running/,
    );
    expect(button('Unpair').hidden).toBe(false);
    button('Unpair').click();
    expect(worker.received).toEqual([{ type: 'unpair' }]);
  });
});
