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
    // One stylesheet, loaded with the entry: a screen's own CSS file would be fetched only when its chunk is,
    // and the import waits for it to load, so the first screen's paint waited on a second round trip.
    cssCodeSplit: false,
  },
});
