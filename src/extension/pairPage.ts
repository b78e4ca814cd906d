import type { LinkStatus } from './linkState';
import type { PairingRequest, PairingUpdate } from './pairingMessages';

/** The part of a `chrome.runtime.Port` the page uses. */
export interface PagePort {
  postMessage(message: PairingRequest): void;
  onMessage: { addListener(listener: (message: PairingUpdate) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

const STATUS: Record<LinkStatus, (name: string) => string> = {
  unpaired: () => 'Not paired. Paste a pairing code from Ledgerline below.',
  connecting: (name) => `Paired with ${name}. Connecting…`,
  online: (name) => `Paired with ${name}. Connected.`,
  offline: (name) =>
    `Paired with ${name}. Ledgerline is not running or not reachable; open it on this computer.`,
};

const RECONNECT_MS = 1_000;

/** "123456" as the desktop shows it: "123 456". */
export const spacedSas = (sas: string) => `${sas.slice(0, 3)} ${sas.slice(3)}`;

function element<T extends HTMLElement>(doc: Document, id: string): T {
  const found = doc.getElementById(id);
  if (!found) throw new Error(`pair.html has no #${id}`);
  return found as T;
}

/**
 * The pairing page (pair.html): the worker holds the bridge client and tells this page where things stand;
 * the page sends the code and the unpair. A new port is opened if the worker restarts.
 */
export function startPairPage(doc: Document, connect: () => PagePort): void {
  const status = element(doc, 'link-status');
  const unpair = element<HTMLButtonElement>(doc, 'unpair');
  const form = element<HTMLFormElement>(doc, 'pair-form');
  const code = element<HTMLInputElement>(doc, 'code');
  const pair = element<HTMLButtonElement>(doc, 'pair');
  const progress = element(doc, 'progress');
  const error = element(doc, 'error');
  let port: PagePort;

  const show = (update: PairingUpdate) => {
    switch (update.type) {
      case 'status':
        status.textContent = STATUS[update.status](update.desktopName ?? 'Ledgerline');
        status.classList.toggle('online', update.status === 'online');
        unpair.hidden = update.status === 'unpaired';
        return;
      case 'sas': {
        progress.replaceChildren('Compare this code with the one on your desktop: ');
        const sas = doc.createElement('span');
        sas.className = 'sas';
        sas.textContent = spacedSas(update.sas);
        progress.append(sas, ' Confirm on the desktop if they are the same.');
        return;
      }
      case 'paired':
        progress.textContent = `Paired with ${update.desktopName}.`;
        code.value = '';
        pair.disabled = false;
        return;
      case 'failed':
        progress.textContent = '';
        error.textContent = update.message;
        pair.disabled = false;
        return;
    }
  };
  const open = () => {
    port = connect();
    port.onMessage.addListener(show);
    // The worker stops when idle and starts again on the next port; a pairing in progress ends with it.
    port.onDisconnect.addListener(() => setTimeout(open, RECONNECT_MS));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    progress.textContent = 'Connecting to Ledgerline…';
    pair.disabled = true;
    port.postMessage({ type: 'pair', code: code.value });
  });
  unpair.addEventListener('click', () => port.postMessage({ type: 'unpair' }));
  open();
}
