import '@fontsource-variable/inter';
import './styles/tokens.css';
import './styles/base.css';
// First of the scripts, so that the wallet is dialled while React and the console are still evaluating.
import { connection } from './session/pageConnection';
import { StrictMode } from 'react';
import type { Connection } from './api/connect';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { withFirstScreenCode } from './session/firstCalls';
import { preloadScreenAt } from './shell/routeScreens';

// The first screen's chunk is fetched while the session connects, not after, and the console's first render
// waits for it with the wallet's first answers: the screen then renders once, with its data.
const page: Connection = connection.ok
  ? { ok: true, client: withFirstScreenCode(connection.client, preloadScreenAt(window.location.hash)) }
  : connection;

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing its #root element');

createRoot(root).render(
  <StrictMode>
    <App connection={page} />
  </StrictMode>,
);
