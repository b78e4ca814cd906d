import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The phone companion, served by the desktop's LAN relay under a strict CSP.
export default defineConfig({
  root: 'src/companion',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/companion',
    emptyOutDir: true,
    target: ['chrome130', 'safari16'],
    sourcemap: false,
    // Inline nothing: the relay's CSP allows no inline scripts or styles and no data: URLs.
    assetsInlineLimit: 0,
    // One page loaded once over the LAN, most of it the signing code (ethers, noble); splitting buys nothing.
    chunkSizeWarningLimit: 1024,
  },
});
