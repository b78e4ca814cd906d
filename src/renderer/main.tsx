import '@fontsource-variable/inter';
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App } from './App';
import { preloadScreenAt } from './shell/routeScreens';

// Connect before the first render: it takes the launch secret out of the URL fragment, which the hash router
// would otherwise read as an unknown route.
const connection = connect(window);

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
