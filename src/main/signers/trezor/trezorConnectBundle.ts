import * as TrezorConnectModule from '@trezor/connect';

/*
 * Everything the wallet takes from @trezor/connect at run time, loaded only through createTrezorConnect. It is
 * the entry of dist/main/trezor-connect.cjs (scripts/build-trezor.mjs), which the main bundle requires beside
 * itself; from the source tree (vitest, dev host) it loads the packages from node_modules.
 */
export { BridgeTransport } from '@trezor/transport';

export type RealConnect = (typeof TrezorConnectModule)['default'];

export const TrezorConnect: RealConnect = defaultExport(TrezorConnectModule);

/**
 * A CommonJS package seen from ESM: bundlers and Node in "node mode" hand over `module.exports` as the
 * default, whose `default` is TrezorConnect; others honour `__esModule` and hand over TrezorConnect itself.
 */
function defaultExport(loaded: typeof TrezorConnectModule): RealConnect {
  const candidate: unknown = loaded.default;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    'default' in candidate &&
    !('init' in candidate)
  ) {
    return (candidate as { default: RealConnect }).default;
  }
  return loaded.default;
}
