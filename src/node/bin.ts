#!/usr/bin/env node
// The `chorus` command: everything is in cli.ts, which can be imported without running.
import { main } from './cli.js';

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
