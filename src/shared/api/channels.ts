/**
 * The names of every call and event, without their schemas, so the preload can build `window.wallet` without
 * bundling zod. contract.ts must give each exactly one schema: the compiler rejects a missing or extra name.
 */
export const CHANNELS = [
  'app.info',
  'chains.list',
  'settings.get',
  'settings.set',
  'data.location',
  'data.reset',
  'backup.export',
  'backup.import',
  'vault.status',
  'accounts.list',
  'accounts.addWatch',
  'chains.status',
  'chains.setRpc',
  'chains.addCustom',
  'chains.removeCustom',
  'portfolio.get',
  'portfolio.refresh',
  'tokens.add',
  'tokens.setHidden',
  'accounts.remove',
  'devices.list',
  'devices.discover',
  'devices.addAccounts',
  'devices.verifyAddress',
  'devices.forget',
  'devices.answer',
  'signing.message',
  'signing.typedData',
  'signing.transaction',
  'history.page',
  'history.status',
  'history.sync',
  'history.exportCsv',
  'history.sources',
  'history.setEtherscanKey',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENT_NAMES = [
  'settings.changed',
  'chains.changed',
  'accounts.changed',
  'chains.status',
  'portfolio.progress',
  'devices.changed',
  'signing.request',
  'history.progress',
  'history.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
