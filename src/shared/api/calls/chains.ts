import { z } from 'zod';
import { AddCustomChain, Chain, ChainId, SetChainExplorer } from '../../chains/chain';
import {
  ChainStatusView,
  PortfolioView,
  RefreshProgress,
  SetChainRpc,
  SetTokenHidden,
  TokenRef,
  TokenView,
  ValueHistoryView,
} from '../../portfolio';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** Networks, their endpoints and health, the tokens on them, and the balances read from them. */
export const chainsCalls = {
  'chains.list': { request: NoRequest, response: z.array(Chain) },
  'chains.status': { request: NoRequest, response: z.array(ChainStatusView) },
  'chains.setRpc': { request: SetChainRpc, response: z.null() },
  'chains.setExplorer': { request: SetChainExplorer, response: Chain },
  'chains.addCustom': { request: AddCustomChain, response: Chain },
  'chains.removeCustom': { request: z.strictObject({ chainId: ChainId }), response: z.null() },
  'portfolio.get': { request: NoRequest, response: PortfolioView },
  'portfolio.refresh': { request: NoRequest, response: z.array(ChainStatusView) },
  'portfolio.valueHistory': { request: NoRequest, response: ValueHistoryView },
  'tokens.add': { request: TokenRef, response: TokenView },
  'tokens.setHidden': { request: SetTokenHidden, response: TokenView },
} as const satisfies CallFamily;

export const chainsEvents = {
  'chains.changed': z.array(Chain),
  'chains.status': ChainStatusView,
  'portfolio.progress': RefreshProgress,
} as const satisfies EventFamily;
