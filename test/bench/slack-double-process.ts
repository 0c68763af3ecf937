/**
 * The Slack API double in its own process for benchmarks, so its CPU and memory are
 * not counted as ours. Options come as JSON in DOUBLE_OPTIONS (or the file DOUBLE_OPTIONS_FILE); prints the base URL.
 * Recorded calls are dropped every second to keep the double's memory flat.
 */
import { readFileSync } from 'node:fs';
import { startSlackApiDouble, type SlackApiDoubleOptions } from '../doubles/slack-api-double.js';

const file = process.env.DOUBLE_OPTIONS_FILE;
const options = JSON.parse(file ? readFileSync(file, 'utf8') : (process.env.DOUBLE_OPTIONS ?? '{}')) as SlackApiDoubleOptions;
const double = await startSlackApiDouble(options);
setInterval(() => double.reset(), 1000).unref();
process.stdout.write(`${double.url}\n`);
process.on('SIGTERM', () => void double.close().then(() => process.exit(0)));
