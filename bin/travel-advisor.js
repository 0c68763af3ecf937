#!/usr/bin/env node
// Runs the compiled CLI (built into dist/ by `npm ci` through the prepare script).
import '../dist/channels/cli/main.js';
