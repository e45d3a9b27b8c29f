#!/usr/bin/env node
// Makes sure a Chromium for the demo and the end-to-end tests is there: CHROMIUM_PATH, /usr/bin/chromium,
// or (as root on Debian/Ubuntu) installs Debian's package. Otherwise says how to get one and fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.CHROMIUM_PATH && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('Chromium not found: installing Debian\'s "chromium" package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  `No Chromium at ${wanted}. Install one with "sudo apt-get install -y chromium" (Debian/Ubuntu), ` +
    'or set CHROMIUM_PATH to a Chromium binary (branded Google Chrome 137+ cannot load unpacked extensions).',
);
process.exit(1);
