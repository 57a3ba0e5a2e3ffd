'use strict';
// Differential tests for the boavm JS builtins (crates/boavm/js/*.js).
//
// Run from the repository root:   node crates/boavm/js-tests/run.js
//
// Each builtin file is loaded with a tiny CommonJS loader and its results are
// compared with Node's own util.inspect / util.format / assert / Buffer /
// TextEncoder / TextDecoder over the tables in cases.js. Prints
// "N passed, M failed" and exits 1 on any failure.
//
// Cases deliberately left out (Node behaviour that plain JS cannot reproduce):
//  - assert.ok(falsy) without a message: Node re-reads the caller's source file
//    and quotes the failing expression ("The expression evaluated to a falsy
//    value: assert.ok(x)"). The builtin prints Node's fallback `false == true`;
//    the tests run Node's assert from code compiled with a file name that does
//    not exist, so that Node takes that same fallback.
//  - Promise state/value: plain JS cannot read them. The builtin uses the host
//    hook globalThis.__boavm_promiseState; this harness installs one that is
//    fed by `track(promise)` in the cases.
//  - Map/Set iterators (`[Map Entries] { ... }`), WeakMap/WeakSet contents with
//    showHidden, and Proxy details (showProxy): they need engine internals.
//  - showHidden on functions and class instances: Node then lists prototype
//    properties through V8-specific paths; only basic showHidden is covered.
//  - Objects whose constructor's `prototype` was replaced by a null-prototype
//    object after construction: Node prints V8's internal constructor name
//    ("F <[Object: null prototype] {}> {}"); plain JS only sees "Object".
//  - Errors whose validation function is `Error` itself (assert.throws(fn,
//    Error) with a non-error throw), or an Error class of another realm, print
//    a stack created inside assert, whose frames necessarily differ between
//    the two implementations.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const nodeUtil = require('util');
const nodeAssert = require('assert');
const NodeBuffer = require('buffer').Buffer;

process.noDeprecation = true;

const JS_ROOT = path.join(__dirname, '..', 'js');

// --- loader ----------------------------------------------------------------

function createLoader(root) {
  const cache = new Map();
  function load(name) {
    if (cache.has(name)) return cache.get(name).exports;
    // One primordials source for vm-node's bundle and boavm's (boavm serves it from vm-node).
    const file = name === 'internal/primordials'
      ? path.join(__dirname, '..', '..', 'vm-node', 'js', 'primordials.js')
      : path.join(root, `${name}.js`);
    if (!fs.existsSync(file)) throw new Error(`unknown builtin: ${name}`);
    const module = { exports: {} };
    cache.set(name, module);
    const src = fs.readFileSync(file, 'utf8');
    // eslint-disable-next-line no-new-func
    new Function('module', 'exports', 'require', src)(module, module.exports, load);
    return module.exports;
  }
  return load;
}

const load = createLoader(JS_ROOT);
const mine = {
  util: load('util'),
  assert: load('assert'),
  buffer: load('buffer'),
};
const node = {
  util: nodeUtil,
  assert: nodeAssert,
  buffer: require('buffer'),
};

// --- promise hook ----------------------------------------------------------

const promiseStates = new WeakMap();
globalThis.__boavm_promiseState = (p) => promiseStates.get(p);
function track(p) {
  promiseStates.set(p, { state: 'pending', value: undefined });
  p.then((value) => promiseStates.set(p, { state: 'fulfilled', value }),
         (value) => promiseStates.set(p, { state: 'rejected', value }));
  return p;
}

// --- helpers ------------------------------------------------------------------

let passed = 0;
let failed = 0;
const failures = [];

const perGroup = {};

function record(group, label, ok, detail) {
  perGroup[group] = (perGroup[group] || 0) + 1;
  if (ok) {
    passed++;
  } else {
    failed++;
    failures.push(`[${group}] ${label}\n${detail}`);
  }
}

function show(v) {
  return typeof v === 'string' ? JSON.stringify(v) : nodeUtil.inspect(v, { depth: 4 });
}

function compile(params, src) {
  // A file name that does not exist keeps Node's assert.ok from quoting source.
  return vm.runInThisContext(`(function (${params}) { return (${src}); })`, { filename: 'boavm-case' });
}

// Errors inside actual/expected carry stacks created at different call sites;
// compare them by name, message and own enumerable properties instead.
function stableInspect(v) {
  const seen = new Set();
  function replace(x, depth) {
    if (x === null || typeof x !== 'object' || depth > 6 || seen.has(x)) return x;
    if (nodeUtil.types.isNativeError(x)) {
      const out = { errorName: x.name, errorMessage: x.message };
      for (const key of Object.keys(x)) out[key] = replace(x[key], depth + 1);
      return out;
    }
    if (Array.isArray(x)) {
      seen.add(x);
      const arr = x.map((y) => replace(y, depth + 1));
      seen.delete(x);
      return arr;
    }
    if (Object.getPrototypeOf(x) === Object.prototype) {
      seen.add(x);
      const out = {};
      for (const key of Object.keys(x)) out[key] = replace(x[key], depth + 1);
      seen.delete(x);
      return out;
    }
    return x;
  }
  return nodeUtil.inspect(replace(v, 0), { depth: 8 });
}

function errorFields(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { primitive: show(e) };
  return {
    name: e.name,
    message: e.message,
    code: e.code,
    generatedMessage: e.generatedMessage,
    operator: e.operator,
    actual: 'actual' in e ? stableInspect(e.actual) : '<none>',
    expected: 'expected' in e ? stableInspect(e.expected) : '<none>',
    ctor: e.constructor && e.constructor.name,
    ownKeys: Object.keys(e).join(','),
  };
}

function diffFields(a, b) {
  const out = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[key] !== b[key]) out.push(`  ${key}:\n    mine: ${show(a[key])}\n    node: ${show(b[key])}`);
  }
  return out.join('\n');
}

// --- groups -----------------------------------------------------------------------

const cases = require('./cases.js');

async function runInspect() {
  // Build every value first so that tracked promises can settle.
  const prepared = [];
  for (const entry of cases.inspect) {
    const [src, opts] = Array.isArray(entry) ? entry : [entry, undefined];
    let value;
    try {
      value = compile('vm, track', src)(vm, track);
    } catch (e) {
      record('inspect', src, false, `  could not build value: ${e && e.stack}`);
      continue;
    }
    prepared.push({ src, opts, value });
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (const { src, opts, value } of prepared) {
    const label = opts ? `${src}  ${JSON.stringify(opts)}` : src;
    let a;
    let b;
    try {
      a = opts === undefined ? mine.util.inspect(value) : mine.util.inspect(value, opts);
    } catch (e) {
      a = `<threw ${e && e.stack}>`;
    }
    b = opts === undefined ? nodeUtil.inspect(value) : nodeUtil.inspect(value, opts);
    record('inspect', label, a === b, `  mine: ${JSON.stringify(a)}\n  node: ${JSON.stringify(b)}`);
  }
}

function runFormat() {
  for (const src of cases.format) {
    // The same arguments go to both sides (so that error stacks match).
    const args = compile('vm', src)(vm);
    let a;
    let b;
    try {
      a = args.opts ? mine.util.formatWithOptions(args.opts, ...args.args) : mine.util.format(...args);
    } catch (e) {
      a = `<threw ${e && e.message}>`;
    }
    try {
      b = args.opts ? nodeUtil.formatWithOptions(args.opts, ...args.args) : nodeUtil.format(...args);
    } catch (e) {
      b = `<threw ${e && e.message}>`;
    }
    record('format', src, a === b, `  mine: ${JSON.stringify(a)}\n  node: ${JSON.stringify(b)}`);
  }
}

async function outcome(fn) {
  try {
    const r = fn();
    if (r && typeof r.then === 'function') await r;
    return { threw: false };
  } catch (e) {
    return { threw: true, error: e };
  }
}

async function runAssert() {
  for (const src of cases.assert) {
    const fn = compile('assert, vm', src);
    const a = await outcome(() => fn(mine.assert, vm));
    const b = await outcome(() => fn(node.assert, vm));
    let ok = a.threw === b.threw;
    let detail = `  mine threw: ${a.threw}, node threw: ${b.threw}`;
    if (a.threw) detail += `\n  mine error: ${show(a.error && a.error.stack ? a.error.stack : a.error)}`;
    if (b.threw) detail += `\n  node error: ${show(b.error && b.error.message)}`;
    if (ok && a.threw) {
      const fa = errorFields(a.error);
      const fb = errorFields(b.error);
      const d = diffFields(fa, fb);
      const aIsAssertion = a.error instanceof mine.assert.AssertionError;
      const bIsAssertion = b.error instanceof node.assert.AssertionError;
      ok = d === '' && aIsAssertion === bIsAssertion;
      detail = d + (aIsAssertion === bIsAssertion ? '' : `\n  AssertionError class: mine ${aIsAssertion} node ${bIsAssertion}`);
    }
    record('assert', src, ok, detail);
  }
}

function normalize(v, inspect, depth) {
  if (depth > 4) return '<deep>';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : v;
  if (typeof v === 'symbol') return v.toString();
  if (v === undefined) return '<undefined>';
  if (typeof v === 'function') return `<function ${v.name}>`;
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) {
    return {
      view: Object.prototype.toString.call(v),
      ctor: v.constructor.name,
      bytes: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
      inspect: inspect(v),
    };
  }
  if (Array.isArray(v)) return v.map((x) => normalize(x, inspect, depth + 1));
  const out = { ctor: v.constructor && v.constructor.name };
  for (const key of Object.keys(v)) out[key] = normalize(v[key], inspect, depth + 1);
  return out;
}

async function runApi(group, list, params, impls) {
  for (const src of list) {
    const fn = compile(params, src);
    const results = [];
    for (const impl of impls) {
      try {
        let r = fn(...impl.args);
        if (r && typeof r.then === 'function') r = { resolved: await r };
        results.push(JSON.stringify(normalize(r, impl.inspect, 0)));
      } catch (e) {
        const f = errorFields(e);
        results.push(JSON.stringify({ threw: f.name, code: f.code, message: f.message }));
      }
    }
    record(group, src, results[0] === results[1], `  mine: ${results[0]}\n  node: ${results[1]}`);
  }
}

async function main() {
  await runInspect();
  runFormat();
  await runAssert();
  await runApi('buffer', cases.buffer, 'B, TE, TD, vm, bufferModule', [
    { args: [mine.buffer.Buffer, mine.util.TextEncoder, mine.util.TextDecoder, vm, mine.buffer], inspect: mine.util.inspect },
    { args: [NodeBuffer, TextEncoder, TextDecoder, vm, node.buffer], inspect: nodeUtil.inspect },
  ]);
  await runApi('util', cases.util, 'util, vm', [
    { args: [mine.util, vm], inspect: mine.util.inspect },
    { args: [nodeUtil, vm], inspect: nodeUtil.inspect },
  ]);

  for (const f of failures) console.log(`FAIL ${f}\n`);
  console.log(`cases per group: ${Object.keys(perGroup).map((g) => `${g}=${perGroup[g]}`).join(' ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exitCode = 1;
});
