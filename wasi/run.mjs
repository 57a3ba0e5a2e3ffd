// Runs the WASI build of the boavm CLI (wasm32-wasip1) in node's built-in `node:wasi`:
//   node wasi/run.mjs [--wasm PATH] [boavm args…]      e.g. node wasi/run.mjs examples/demo.js
// The working directory is preopened at its own absolute path and passed as PWD (the CLI enters
// it at start), so relative script and module paths resolve as natively; nothing outside it is
// visible. The exit code is the program's. No npm dependencies.
//
// The module runs in a worker thread with a large native stack: wasm frames live on the host
// thread's stack, and Boa (a recursive interpreter) compiled to wasm needs far more than the main
// thread's default (~1 MB V8 limit; `console.log` alone overflowed it, and V8 crashed with
// SIGSEGV instead of throwing RangeError). The worker's stack is set by `stackSizeMb`.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import process from 'node:process';
import v8 from 'node:v8';

// V8 flushes the bytecode of JS functions idle for a while; `wasi.start` stays idle on the stack
// during a long wasm run, and unwinding node:wasi's proc_exit exception through it then crashed
// V8 (SIGSEGV in HandlerTable::LookupRange, about 1 run in 5 on node 20). Process-wide flag.
v8.setFlagsFromString('--no-flush-bytecode');

// Native stack of the worker, in MB (virtual memory: only touched pages become resident).
const STACK_MB = 1024;

if (isMainThread) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let args = process.argv.slice(2);
  let wasmPath = process.env.BOAVM_WASM
    ?? path.join(here, '..', 'target', 'wasm32-wasip1', 'release', 'boavm.wasm');
  if (args[0] === '--wasm') {
    wasmPath = args[1];
    args = args.slice(2);
  }
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { wasmPath, args, cwd: process.cwd() },
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  worker.on('error', (e) => {
    console.error('wasi/run.mjs:', e);
    process.exitCode = 70;
  });
  worker.on('exit', (code) => {
    process.exitCode ??= code;
  });
} else {
  const { wasmPath, args, cwd } = workerData;
  let bytes;
  try {
    bytes = await readFile(wasmPath);
  } catch (e) {
    console.error(`wasi/run.mjs: cannot read ${wasmPath} (build it: cargo build -p boavm --target wasm32-wasip1 --no-default-features --release): ${e.message}`);
    process.exit(70);
  }
  const wasi = new WASI({
    version: 'preview1',
    args: ['boavm', ...args],
    // The host's environment (LANG for Intl's default locale, etc.), plus where to start.
    env: { ...process.env, PWD: cwd },
    preopens: { [cwd]: cwd },
    // proc_exit returns from start() with the code instead of ending the thread abruptly.
    returnOnExit: true,
  });
  const module = await WebAssembly.compile(bytes);
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  process.exit(wasi.start(instance) ?? 0);
}
