// The playground's Web Worker: runs boavm (boavm_web.wasm, built from crates/boavm-web) off the
// page's thread, so a runaway program never freezes the page (the page can terminate us).
//
// The wasm interface is hand-written (no wasm-bindgen). The module imports, from `boavm_host`:
//   now() -> f64             performance.now()
//   unix_ms() -> f64         Date.now()
//   random(ptr, len)         fills linear memory from crypto.getRandomValues
//   write(fd, ptr, len)      UTF-8 output (fd 1 stdout, 2 stderr)
// and exports memory, boavm_init() -> ms, boavm_alloc/boavm_free, boavm_start(kind, ptr, len)
// -> delay, boavm_turn() -> delay, boavm_exit_code() (delay: ms until the next turn, -1 = ended).
//
// One instance serves every run (boavm_init measures vm-core's loop rate for timeouts once);
// after a trap (the browser's native stack overflowing in deep recursion, a Rust panic) the
// instance is dropped and the next run gets a fresh one.
//
// Messages in:  { type: 'run', kind: 'cjs' | 'esm', source }
// Messages out: { type: 'ready', compileMs, initMs } | { type: 'out', fd, text }
//               | { type: 'exit', code, ms } | { type: 'crash', message }
'use strict';

const wasmUrl = new URL(self.location.href).searchParams.get('wasm') || 'boavm_web.wasm';
const decoder = new TextDecoder();
const encoder = new TextEncoder();
let modulePromise;
let instancePromise = null;
let current = null; // { instance, timer, started }

function compile() {
  modulePromise ??= (async () => {
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`cannot load ${wasmUrl}: HTTP ${response.status}`);
    return WebAssembly.compile(await response.arrayBuffer());
  })();
  return modulePromise;
}

// The instance runs use (a fresh one after a trap).
function instance() {
  instancePromise ??= (async () => {
    const t0 = performance.now();
    const module = await compile();
    const compileMs = performance.now() - t0;
    const holder = {};
    holder.instance = await WebAssembly.instantiate(module, imports(holder));
    const t1 = performance.now();
    const ok = holder.instance.exports.boavm_init() >= 0;
    postMessage({ type: 'ready', compileMs, initMs: performance.now() - t1 });
    if (!ok) throw new Error('boavm_init failed (see output)');
    return holder.instance;
  })();
  return instancePromise;
}

function imports(holder) {
  const bytes = (ptr, len) => new Uint8Array(holder.instance.exports.memory.buffer, ptr, len);
  return {
    boavm_host: {
      now: () => performance.now(),
      unix_ms: () => Date.now(),
      random(ptr, len) {
        const view = bytes(ptr, len);
        // getRandomValues fills at most 65536 bytes per call.
        for (let i = 0; i < len; i += 65536) crypto.getRandomValues(view.subarray(i, Math.min(len, i + 65536)));
      },
      write(fd, ptr, len) {
        postMessage({ type: 'out', fd, text: decoder.decode(bytes(ptr, len)) });
      },
    },
  };
}

function end(run, code) {
  if (current !== run) return;
  current = null;
  postMessage({ type: 'exit', code, ms: performance.now() - run.started });
}

// A trap (the browser's native stack overflowing in deep recursion, a Rust panic) leaves the
// instance unusable: the run ends and the next run gets a fresh instance.
function crash(run, e) {
  instancePromise = null;
  if (current !== run) return;
  current = null;
  postMessage({ type: 'crash', message: `${e && e.name}: ${e && e.message}` });
}

function schedule(run, delay) {
  if (delay < 0) {
    end(run, run.instance.exports.boavm_exit_code());
    return;
  }
  run.timer = setTimeout(() => {
    if (current !== run) return;
    let next;
    try {
      next = run.instance.exports.boavm_turn();
    } catch (e) {
      crash(run, e);
      return;
    }
    schedule(run, next);
  }, delay);
}

async function start(kind, source) {
  if (current) clearTimeout(current.timer);
  current = null;
  const run = { instance: await instance(), timer: 0, started: performance.now() };
  current = run;
  const { boavm_alloc, boavm_free, boavm_start } = run.instance.exports;
  const utf8 = encoder.encode(source);
  const ptr = boavm_alloc(utf8.length);
  new Uint8Array(run.instance.exports.memory.buffer, ptr, utf8.length).set(utf8);
  let delay;
  try {
    delay = boavm_start(kind === 'esm' ? 1 : 0, ptr, utf8.length);
  } catch (e) {
    crash(run, e);
    return;
  }
  boavm_free(ptr, utf8.length);
  schedule(run, delay);
}

onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'run') {
    start(msg.kind, msg.source).catch((e) => postMessage({ type: 'crash', message: String(e && e.stack || e) }));
  } else {
    postMessage({ type: 'crash', message: `unknown message type ${msg.type}` });
  }
};

instance().catch((e) => postMessage({ type: 'crash', message: String(e && e.message || e) }));
