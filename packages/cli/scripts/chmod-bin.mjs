// tsc keeps the shebang of src/cli.ts but not an executable mode: set it, so `dist/cli.js` (the `bin`
// entry) runs directly, as npm and pnpm link it. A no-op on file systems without modes.
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
