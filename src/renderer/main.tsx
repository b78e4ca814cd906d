import '@fontsource-variable/inter';
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App } from './App';

// Connect before the first render: it takes the launch secret out of the URL fragment, which the hash router
// would otherwise read as an unknown route.
const connection = connect(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing its #root element');

createRoot(root).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
