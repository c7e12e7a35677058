import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

// Everything is bundled: no CDN and no web font (government networks block them). Pages are split by route.
export default defineConfig({
  plugins: [react()],
  // The parts both faces share (GraphQL client, words, NCALayer, signing, layout) by one name, wherever a page sits.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2020',
    // The lifecycle graph's chunk (React Flow and ELK, 0.5 MB gzipped) loads only when a designer opens Lifecycles.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev` beside `dotnet run --project src/Server`: the API and the stand-in on Kezek's port.
    proxy: {
      '/graphql': 'http://localhost:5080',
      '/documents': 'http://localhost:5080',
      '/dev': { target: 'http://localhost:5080', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
