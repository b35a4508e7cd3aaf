#!/usr/bin/env node
// The `chorus` (and `chorus-summary`) command: everything is in cli.ts, which can be imported without running.
import { main } from './cli.js';

// Ctrl-C: the progress bar is left on standard error unless the line is erased first.
process.once('SIGINT', () => {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  process.exit(130);
});

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
