import react from '@vitejs/plugin-react';
import { basename } from 'node:path';
import { defineConfig } from 'vite';

// The screen a launch opens on (DEFAULT_ROUTE_ID in src/renderer/routing/routes.ts).
const FIRST_SCREEN = 'src/renderer/portfolio/PortfolioPage.tsx';

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
    rolldownOptions: {
      output: {
        // A launch loads three scripts, not 28: every module the entry needs in the entry's chunk (left alone,
        // the bundler gave each one a screen also uses, a 200-byte icon included, a chunk of its own, and
        // HTTP/1.1 fetched them six at a time), all the first screen needs besides in its chunk, and the value
        // chart's plot. Every other screen and sheet is still a chunk of its own; one that shares a module with
        // the first screen loads the first screen's chunk for it. The first screen's chunk is not named in
        // index.html: fetched and compiled beside the entry, it held the entry (and the socket it opens) back,
        // and the first paint came later (bench:startup's README note has the figures).
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            { name: basename(FIRST_SCREEN, '.tsx'), test: (id) => id.endsWith(FIRST_SCREEN), priority: 1 },
          ],
        },
      },
    },
  },
});
