import { channelKey, channelOf } from './dappChannel';
import type { DappSession, MethodCall, MethodTable } from './dappSession';
import { unauthorized } from './providerError';
import type { DappSigning, SigningMethod } from './signingRequests';

const QUEUED: readonly SigningMethod[] = [
  'eth_sendTransaction',
  'personal_sign',
  'eth_signTypedData_v4',
  'wallet_sendCalls',
];
const ANSWERED = ['wallet_getCapabilities', 'wallet_getCallsStatus', 'wallet_showCallsStatus'];

function connected(call: MethodCall) {
  if (!call.site) throw unauthorized();
  return call.site;
}

/**
 * The methods that end in a signature, and EIP-5792's questions about them: all for connected sites only.
 * A request is parsed in full before it is queued, so nothing malformed waits for the user or a signer.
 */
export function signingMethods(session: DappSession, signing: DappSigning): MethodTable {
  return Object.fromEntries([
    ...QUEUED.map((method) => [
      method,
      (call: MethodCall) => session.ask(call, signing.parse(method, call.params, connected(call))),
    ]),
    ...ANSWERED.map((method) => [
      method,
      (call: MethodCall) =>
        signing.answer(method, call.params, connected(call), channelKey(call.origin, channelOf(call))),
    ]),
  ]);
}
