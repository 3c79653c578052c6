/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The build lands where Quarkus serves static resources from its jar; `npm run dev` proxies the BFF on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../target/classes/META-INF/resources', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // The first screen loads the entry and the React chunk only; each page comes with its route (App.tsx).
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Changes with a React upgrade only, so browsers keep it cached across releases of the app.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Only the board draws charts; kept apart from the board's own code for the same reason.
            { name: 'charts', test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8080',
      '/bff': 'http://localhost:8080',
      '/logout': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
