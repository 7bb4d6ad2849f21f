import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    reportCompressedSize: false,
    // The entry-points page carries qrcode and recharts (~125 KB gzipped) and loads on demand; bench/ checks the first load.
    chunkSizeWarningLimit: 700,
  },
});
