// Builds the static console site: bundles src/main.js (+ the CSS it imports) with esbuild and
// copies index.html and the offline basemap data next to it.
// Usage: node scripts/build.mjs [OUTDIR]   (Maven passes target/classes/vigil-console)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = resolve(process.argv[2] ?? join(root, 'target', 'classes', 'vigil-console'));

// Start from an empty directory so files removed from src/ do not linger in the jar.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(src, 'main.js')],
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: process.env.VIGIL_CONSOLE_MINIFY !== '0', // 0: readable names in a CPU profile (ConsoleBench)
  sourcemap: false, // keeps the jar lean; build with esbuild directly when debugging
  outdir: out,
  entryNames: '[name]',
  logLevel: 'warning',
  legalComments: 'linked',
});

cpSync(join(src, 'index.html'), join(out, 'index.html'));
cpSync(join(src, 'login.html'), join(out, 'login.html'));
cpSync(join(src, 'login.js'), join(out, 'login.js'));
cpSync(join(src, 'login.css'), join(out, 'login.css'));
cpSync(join(src, 'data'), join(out, 'data'), { recursive: true });

// Licence texts of the npm packages bundled into main.js travel with the site (BSD/MIT/ISC ask for it).
mkdirSync(join(out, 'licenses'), { recursive: true });
for (const [pkg, file] of [['ol', 'LICENSE.md'], ['milsymbol', 'LICENSE'], ['rbush', 'LICENSE'],
  ['quickselect', 'LICENSE'], ['earcut', 'LICENSE'], ['mgrs', 'license.md']]) {
  const from = join(root, 'node_modules', pkg, file);
  if (existsSync(from)) cpSync(from, join(out, 'licenses', `${pkg}-${file}`));
}
console.log(`vigil-console built into ${out}`);
