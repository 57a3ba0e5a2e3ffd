// The workloads of bench/benches/workloads.rs through Node's vm, same names and the same
// sources (the generators below mirror bench/src/lib.rs). Prints "name ns_per_op" lines.
// Run with: node --experimental-vm-modules --expose-gc bench/node/workloads.js
'use strict';
const vm = require('vm');

const fs = require('fs');
const path = require('path');
const nsPerOp = require('../js/measure.js');
const source = (name) => fs.readFileSync(path.join(__dirname, '..', 'sources', name), 'utf8');
const SMALL = source('small.js');
const GLOBALS = source('globals.js');
const CPU = source('cpu.js');

function librarySource(bytes) {
  let s = 'var registry = registry || {};\n';
  for (let i = 0; s.length < bytes; i++) {
    s += `function helper${i}(a, b) {\n  const o = { k: a + b, name: \`item-\${a}-${i}\`, list: [1, 2, 3] };\n  for (let j = 0; j < 3; j++) { o.k += j * b; }\n  return o.k > 10 ? o.name : o.list.join(',');\n}\nclass Model${i} {\n  constructor(v) { this.v = v; this.tags = new Set(['a${i}', 'b']); }\n  get double() { return this.v * 2; }\n  static of(v) { return new Model${i}(v); }\n  describe() { return helper${i}(this.v, ${i} % 7) + ':' + [...this.tags].join('|'); }\n}\nregistry.m${i} = (function () {\n  let count = 0;\n  return { next() { count += 1; return count; }, make: (v) => Model${i}.of(v), table: { x: ${i}, y: '${i}', z: null } };\n})();\n`;
  }
  return s + 'registry.m0.make(3).describe();\n';
}

const GRAPH_SIZE = 50;
function moduleGraph() {
  const out = [];
  for (let i = 0; i < GRAPH_SIZE; i++) {
    let src;
    if (i === 0) {
      src = 'export const value = 1;\nexport function combine(a, b) { return a + b; }\n';
    } else {
      const a = i - 1, b = Math.floor(i / 2);
      src = `import { value as a, combine } from './m${a}.js';\nimport { value as b } from './m${b}.js';\nexport { combine };\nconst local = [a, b].map((v) => v * 2);\nexport const value = combine(local[0], local[1]) % 1000003;\n`;
    }
    out.push([`./m${i}.js`, src]);
  }
  return out;
}

// Prints ns per op of `fn` (bench/js/measure.js).
function measure(name, fn, options) {
  console.log(`${name} ${nsPerOp(fn, options)}`);
}

async function measureAsync(name, fn, { minMs = 1500, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  let iters = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < BigInt(minMs) * 1000000n) {
    await fn();
    iters++;
  }
  console.log(`${name} ${Number(process.hrtime.bigint() - start) / iters}`);
}

async function main() {
  const kept = [];
  measure('create_context', () => kept.push(vm.createContext({})));
  kept.length = 0;
  measure('create_context_and_drop', () => { vm.createContext({}); });
  const c1 = vm.createContext({});
  const small = new vm.Script(SMALL);
  small.runInContext(c1);
  measure('run_in_context_cached_small', () => small.runInContext(c1));
  measure('run_in_new_context_small', () => vm.runInNewContext(SMALL, {}));
  measure('new_script_small', (_, n) => new vm.Script(`${SMALL} // ${n}`));
  const gctx = vm.createContext({ g: 0 });
  const globals = new vm.Script(GLOBALS);
  measure('global_access_10k', () => globals.runInContext(gctx));
  globalThis.g = 0;
  measure('global_access_10k_this_context', () => globals.runInThisContext());
  const cpu = new vm.Script(CPU);
  measure('cpu_script', () => cpu.runInContext(c1));
  measure('cpu_script_timeout', () => cpu.runInContext(c1, { timeout: 60000 }));

  // Compiles: V8 has an in-isolate compilation cache keyed by source, so each compile gets a
  // distinct tail of fixed length (V8's cachedData check compares source length, not text).
  for (const [label, bytes] of [['100kb', 100 * 1024], ['1mb', 1024 * 1024]]) {
    const src = librarySource(bytes);
    const tail = (n) => `\n// ${String(n).padStart(10, '0')}`;
    const data = new vm.Script(src + tail(-1)).createCachedData();
    measure(`compile_${label}`, (_, n) => new vm.Script(src + tail(n)), { minMs: 2000, warmup: 2 });
    measure(`compile_${label}_cached_data`, (_, n) => {
      const s = new vm.Script(src + tail(1e9 + n), { cachedData: data });
      if (s.cachedDataRejected) throw new Error('cachedData rejected');
    }, { minMs: 2000, warmup: 2 });
  }

  const lib = new vm.Script(librarySource(100 * 1024));
  measure('first_run_100kb_in_50_contexts', (ctxs) => {
    for (const c of ctxs) lib.runInContext(c);
  }, { setup: () => Array.from({ length: 50 }, () => vm.createContext({})), minMs: 3000, warmup: 2 });

  const graph = moduleGraph();
  await measureAsync('module_graph_50', async () => {
    const mods = new Map(graph.map(([spec, src]) => [spec, new vm.SourceTextModule(src)]));
    const root = mods.get(graph[graph.length - 1][0]);
    await root.link((spec) => mods.get(spec));
    await root.evaluate();
  });
}

main();
