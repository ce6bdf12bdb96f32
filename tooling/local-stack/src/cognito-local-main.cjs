// Starts cognito-local exactly as its bin (lib/bin/start.js) does — the same server, the same
// .cognito/config.json read from the working directory — but logs plain JSON lines, each written
// whole and at once. Why: the bin logs through sonic-boom 2.8, which counts characters where it
// writes bytes, so after a multi-byte line (the box holding a confirmation code is drawn with
// "╭─│") it holds the rest back until the next log line: the latest code could stay unseen
// indefinitely. The stack reads the codes from these lines.
'use strict';
const { writeSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');

const [packageDir] = process.argv.slice(2);
if (!packageDir) {
  console.error('usage: cognito-local-main.cjs <cognito-local package directory>');
  process.exit(2);
}
// cognito-local's own dependencies, resolved from its package: the versions it was built with.
const load = createRequire(join(packageDir, 'package.json'));
const pino = load('pino');
const { createDefaultServer } = load('./lib/server/index.js');

function writeLine(line) {
  let rest = Buffer.from(line, 'utf8');
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(1, rest));
    } catch (error) {
      // A full pipe: the reader is draining it; try again.
      if (error.code !== 'EAGAIN') throw error;
    }
  }
}

const logger = pino({ level: process.env.DEBUG ? 'debug' : 'info', base: undefined }, { write: writeLine });
createDefaultServer(logger)
  .then((server) => server.start())
  .then((server) => {
    const address = server.address();
    logger.info(`Cognito Local running on http://${address.address}:${address.port}`);
  })
  .catch((error) => {
    logger.error(error);
    process.exit(1);
  });
