import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Inline nothing: the CSP forbids data: scripts and styles must come from the app's own origin.
    assetsInlineLimit: 0,
  },
});
