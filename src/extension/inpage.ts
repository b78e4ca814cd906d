// The page's main world, at document_start in every frame: the provider, announced through EIP-6963.
import { announceProvider, ledgerlineInfo } from './announce';
import { pageChannel } from './pageChannel';
import { LedgerlineProvider } from './provider';
import { channelTag } from './relayMessages';
import { offerWindowEthereum } from './windowEthereum';

const provider = new LedgerlineProvider(pageChannel(window, channelTag()));
announceProvider(window, ledgerlineInfo(), provider);
offerWindowEthereum(window, provider);
