#!/usr/bin/env node
// The klynge command. The sources are TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// serve keeps running until a signal; every other command exits with its status.
if (code >= 0) process.exit(code);
