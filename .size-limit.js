// The size budgets of .size-limit.json, measured as a user's bundler sees them: size-limit leaves
// every peer dependency out, but an app bundles zustand and sonner (and workbox for the worker)
// along with bulwark, so only React stays external. `npm run size` reads this file.
import { readFileSync } from 'node:fs';

const checks = JSON.parse(readFileSync(new URL('./.size-limit.json', import.meta.url), 'utf8'));
const external = ['react', 'react/*', 'react-dom', 'react-dom/*'];

export default checks.map((check) => ({
  ...check,
  modifyEsbuildConfig: (config) => ({ ...config, external }),
}));
