#!/usr/bin/env -S node --max-old-space-size=128 --max-semi-space-size=8
// The installed `namebridge` command: runs the TypeScript CLI through tsx's loader.
// The heap flags (as in `npm run cli`) keep a long import's memory flat: see docs/importing.md.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
