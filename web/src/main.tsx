// Entry point: take a key from a `#key=` link, then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeKeyFromAddress } from './api/session';
import { App } from './app';
import './styles.css';

takeKeyFromAddress();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
