import { z } from 'zod';
import {
  BrowserRef,
  BrowsersView,
  ConfirmBrowserPairing,
  DappApproval,
  DappRequestRef,
  DappRequestView,
  DappReview,
  SetWindowEthereum,
  SiteOrigin,
  SiteRef,
  SiteView,
} from '../../dapps';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** Sites connected through the paired browser extension, their requests, and the browsers themselves. */
export const dappsCalls = {
  'dapps.sites': { request: NoRequest, response: z.array(SiteView) },
  /** Requests waiting for the user, oldest first; they survive a reload of the page and a restart. */
  'dapps.requests': { request: NoRequest, response: z.array(DappRequestView) },
  /** A fresh review of a signing request, with the site's findings first; nothing is signed. */
  'dapps.review': { request: DappRequestRef, response: DappReview },
  /** Approves: connects, switches, adds, or signs (on the account's device) and answers the site. */
  'dapps.approve': { request: DappApproval, response: z.null() },
  /** The site gets 4001 (user rejected). */
  'dapps.reject': { request: DappRequestRef, response: z.null() },
  /** Disconnects a site: it sees `accountsChanged []` at once and gets 4100 until it connects again. */
  'dapps.revoke': { request: SiteRef, response: z.null() },
  'dapps.revokeAll': { request: NoRequest, response: z.null() },
  'dapps.setWindowEthereum': { request: SetWindowEthereum, response: SiteView },
  'browsers.status': { request: NoRequest, response: BrowsersView },
  /** Shows a new pairing code (and withdraws any earlier one that was not used). */
  'browsers.startPairing': { request: NoRequest, response: BrowsersView },
  'browsers.confirmPairing': { request: ConfirmBrowserPairing, response: BrowsersView },
  'browsers.cancelPairing': { request: BrowserRef, response: BrowsersView },
  /** Forgets the browser: its socket closes at once and it must pair again. */
  'browsers.revoke': { request: BrowserRef, response: BrowsersView },
} as const satisfies CallFamily;

export const dappsEvents = {
  'dapps.sitesChanged': z.array(SiteView),
  'dapps.requestsChanged': z.array(DappRequestView),
  'browsers.changed': BrowsersView,
  /** A site called `wallet_showCallsStatus`: the app shows that batch. */
  'dapps.showCallsStatus': z.strictObject({ origin: SiteOrigin, id: z.string().regex(/^0x[0-9a-f]{64}$/) }),
} as const satisfies EventFamily;
