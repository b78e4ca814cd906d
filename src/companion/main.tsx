import '@fontsource-variable/inter';
import './ui/companion.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectRelayLink } from '../shared/pairing/relayLink';
import { PhoneClient } from './client/phoneClient';
import { App } from './ui/App';
import { takeInvite, watchInvites } from './ui/invite';
import { documentVisibility } from './ui/pageVisibility';

// Read before the first render, so the secret leaves the address bar as early as possible.
const inviteUrl = takeInvite(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing its #root element');

createRoot(root).render(
  <StrictMode>
    <App
      inviteUrl={inviteUrl}
      subscribeInvites={(listener) => watchInvites(window, listener)}
      createClient={(store) =>
        new PhoneClient({ store, connectRelay: connectRelayLink, visibility: documentVisibility(document) })
      }
    />
  </StrictMode>,
);
