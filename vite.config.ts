import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // The shell holds index.html and the client entry; features' pages are reached from there.
  root: 'src/web/shell',
  plugins: [react()],
  build: {
    outDir: '../../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // The styles are global: one stylesheet for every page, whichever scripts the page loads.
    cssCodeSplit: false,
    // Maps each page's module to its script, so the server can name a page's scripts in its HTML.
    manifest: true,
    rolldownOptions: {
      treeshake: {
        // The design system's React package does not say it is free of side effects, but it is: a
        // component that needs the custom elements imports @digdir/designsystemet-web itself. Saying
        // so keeps the components no page uses (and floating-ui and a virtual list under them) out
        // of the script every page loads.
        moduleSideEffects: [
          { test: /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false },
        ],
      },
      output: {
        // Pages share most of the design system's components and the kit; as one script each they
        // cost a page two requests instead of a dozen scripts of a few hundred bytes.
        codeSplitting: {
          groups: [
            {
              name: 'design-system',
              test: /node_modules[\\/](@digdir|@u-elements|@floating-ui|@radix-ui|clsx)[\\/]/,
            },
            { name: 'kit', test: /src[\\/](web[\\/]kit|shared)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
