import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static bundle used three ways: Electron (vendordesk:// protocol), the
// Vite dev server under `npm start`, and browser mode (`npm run web`). Relative asset URLs
// make the same build work under all three.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // No source maps in the production bundle: it is served as is by Electron's protocol and
    // by browser mode (tests assert none ship). `vite build --sourcemap` for local debugging.
    sourcemap: false,
  },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
});
