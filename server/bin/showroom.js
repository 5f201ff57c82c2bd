#!/usr/bin/env node
// The `showroom` command: runs server/cli.ts through tsx so no separate compile step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
