import '@fontsource-variable/inter';
import './styles/tokens.css';
import './styles/base.css';
// First of the scripts, so that the wallet is dialled while React and the console are still evaluating.
import { connection } from './session/pageConnection';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadScreenAt } from './shell/routeScreens';

// The first screen's chunk is fetched while the session connects, not after: the console that renders it
// waits for the wallet's first answers, and the screen would then wait again for its code.
if (connection.ok) void preloadScreenAt(window.location.hash);

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing its #root element');

createRoot(root).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
