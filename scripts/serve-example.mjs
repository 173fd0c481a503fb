// Serves the example association page (examples/embed) on http://127.0.0.1:8081, with CORS so that
// the app, served by `scripts/dev` on http://127.0.0.1:8080, can read its config. See
// docs/embedding.md.
import { fileURLToPath } from 'node:url';

import { serve } from '../tests/e2e/support.mjs';

const dir = fileURLToPath(new URL('../examples/embed', import.meta.url));
const server = await serve(dir, { port: 8081, cors: true });
console.log(`example association page: ${server.url} (the app must run on http://127.0.0.1:8080)`);
