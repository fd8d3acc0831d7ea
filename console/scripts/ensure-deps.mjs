// Runs `npm ci` only when node_modules does not match package-lock.json, so repeated Maven
// builds stay fast and offline-friendly. The stamp holds the SHA-256 of the lock file that the
// last successful `npm ci` installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.vigil-lock-sha256');
const want = createHash('sha256').update(readFileSync(lock)).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) {
  console.log('vigil-console: node_modules up to date with package-lock.json, skipping npm ci');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status !== 0) {
  console.error(`vigil-console: npm ci failed (exit ${r.status ?? r.signal})`);
  process.exit(r.status || 1);
}
writeFileSync(stamp, want + '\n');
