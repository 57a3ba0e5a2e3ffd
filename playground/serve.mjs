// One command to try the playground locally:
//   node playground/serve.mjs [--release] [--port 8000]
// builds crates/boavm-web for wasm32-unknown-unknown (dev profile by default: the one .ci/run
// builds; --release: smaller and faster, a separate build), writes it without its custom
// (debug) sections to playground/boavm_web.wasm and serves the repository root.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, stripCustomSections } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const release = args.includes('--release');
const port = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 8000;

const cargo = ['build', '-p', 'boavm-web', '--target', 'wasm32-unknown-unknown', ...(release ? ['--release'] : [])];
console.log(`cargo ${cargo.join(' ')}`);
const built = spawnSync('cargo', cargo, { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const wasm = path.join(root, 'target', 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'boavm_web.wasm');
const stripped = stripCustomSections(await readFile(wasm));
await writeFile(path.join(here, 'boavm_web.wasm'), stripped);
console.log(`playground/boavm_web.wasm: ${(stripped.length / 1048576).toFixed(1)} MiB (from ${path.relative(root, wasm)})`);
await serve(root, port);
console.log(`open http://localhost:${port}/playground/   (Ctrl-C stops the server)`);
