'use strict';
// Writes a self-contained script that checks the builtins on another engine
// (Boa), using expectations computed here with Node:
//
//   node crates/boavm/js-tests/boa-check.js > /tmp/boa-check.js
//   <boa runner> /tmp/boa-check.js
//
// The generated script needs only `console.log` or a global `print`, and
// prints "N passed, M failed". Cases that need Node's `vm` module, the promise
// hook or Intl are left out.
//
// Known differences on Boa 0.22 (engine behaviour, not the builtins):
//  - Function.prototype.toString gives "function X() { [native code] }" for
//    classes and `new Function` bodies, so `format('%s', fn)` differs and the
//    Node quirk that prints `class B extends (expr) {}` as [Function: B] is
//    not reproduced (Boa shows [class B extends A]).
//  - Assigning `err.stack` creates an enumerable property (V8: non-enumerable).
//  - RegExp.prototype.source of /a\/b/ is "a\\/b".
//  - Engine error messages (e.g. calling a class without `new`) differ.

const fs = require('fs');
const path = require('path');
const vm = require('vm');
const nodeUtil = require('util');
const nodeAssert = require('assert');
const cases = require('./cases.js');

process.noDeprecation = true;

const JS_ROOT = path.join(__dirname, '..', 'js');

function listModules(dir, prefix) {
  const out = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      Object.assign(out, listModules(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name.endsWith('.js')) {
      out[`${prefix}${entry.name.slice(0, -3)}`] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
    }
  }
  return out;
}

const portable = (src) => !/\bvm\.|track\(|natural|SharedArrayBuffer|Intl\./.test(src);

function compile(params, src) {
  return vm.runInThisContext(`(function (${params}) { return (${src}); })`, { filename: 'boavm-case' });
}

function errorSummary(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { primitive: String(e) };
  return {
    name: e.name, message: e.message, code: e.code, generatedMessage: e.generatedMessage, operator: e.operator,
  };
}

const expected = { inspect: [], format: [], assert: [], api: [] };

// Shared with the generated script (serialised with toString).
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

for (const entry of cases.inspect) {
  const [src, opts] = Array.isArray(entry) ? entry : [entry, undefined];
  if (!portable(src)) continue;
  const value = compile('', src)();
  expected.inspect.push([src, opts === undefined ? null : opts, nodeUtil.inspect(value, opts)]);
}
for (const src of cases.format) {
  if (!portable(src) || src.includes('Error(')) continue;
  const args = compile('', src)();
  expected.format.push([src, args.opts ? nodeUtil.formatWithOptions(args.opts, ...args.args) : nodeUtil.format(...args)]);
}

async function collect() {
  const apiGroups = [
    ['buffer', cases.buffer, ['B', 'TE', 'TD', 'bufferModule'], [Buffer, TextEncoder, TextDecoder, require('buffer')]],
    ['util', cases.util, ['util'], [nodeUtil]],
  ];
  for (const [group, list, params, args] of apiGroups) {
    for (const src of list) {
      if (!portable(src)) continue;
      let result;
      try {
        let r = compile(params.join(', '), src)(...args);
        if (r && typeof r.then === 'function') r = { resolved: await r };
        result = normalize(r, nodeUtil.inspect, 0);
      } catch (e) {
        const f = errorSummary(e);
        result = { threw: f.name, code: f.code, message: f.message };
      }
      expected.api.push([group, params, src, JSON.stringify(result)]);
    }
  }
  for (const src of cases.assert) {
    if (!portable(src)) continue;
    let result;
    try {
      const r = compile('assert', src)(nodeAssert);
      if (r && typeof r.then === 'function') await r;
      result = { threw: false };
    } catch (e) {
      result = { threw: true, error: errorSummary(e) };
    }
    expected.assert.push([src, result]);
  }
}

collect().then(() => {
  const modules = listModules(JS_ROOT, '');
  const out = [];
  out.push('"use strict";');
  out.push(`const MODULES = ${JSON.stringify(modules)};`);
  out.push(`const EXPECTED = ${JSON.stringify(expected, (k, v) => (v === Infinity ? '__Infinity__' : v))};`);
  out.push(normalize.toString());
  out.push(`(${runner.toString()})();`);
  process.stdout.write(`${out.join('\n')}\n`);
});

// Runs on the target engine.
function runner() {
  const log = typeof console !== 'undefined' && console && console.log ? console.log.bind(console) : print;
  const cache = {};
  function load(name) {
    if (cache[name]) return cache[name].exports;
    const module = { exports: {} };
    cache[name] = module;
    // eslint-disable-next-line no-new-func
    new Function('module', 'exports', 'require', MODULES[name])(module, module.exports, load);
    return module.exports;
  }
  const fix = (v) => (v === '__Infinity__' ? Infinity : v);
  const fixOpts = (o) => {
    if (o === null) return undefined;
    const r = {};
    for (const k of Object.keys(o)) r[k] = fix(o[k]);
    return r;
  };
  let passed = 0;
  let failed = 0;
  const check = (group, label, ok, detail) => {
    if (ok) {
      passed++;
    } else {
      failed++;
      log(`FAIL [${group}] ${label}\n${detail}\n`);
    }
  };
  const util = load('util');
  const assert = load('assert');
  const evaluate = (params, src, args) => new Function(...params, `return (${src});`)(...args);

  for (const [src, opts, want] of EXPECTED.inspect) {
    let got;
    try {
      got = util.inspect(evaluate([], src, []), fixOpts(opts));
    } catch (e) {
      got = `<threw ${e && e.message}>`;
    }
    check('inspect', src, got === want, `  got:  ${JSON.stringify(got)}\n  want: ${JSON.stringify(want)}`);
  }
  for (const [src, want] of EXPECTED.format) {
    let got;
    try {
      const args = evaluate([], src, []);
      got = args.opts ? util.formatWithOptions(args.opts, ...args.args) : util.format(...args);
    } catch (e) {
      got = `<threw ${e && e.message}>`;
    }
    check('format', src, got === want, `  got:  ${JSON.stringify(got)}\n  want: ${JSON.stringify(want)}`);
  }
  const summary = (e) => {
    if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { primitive: String(e) };
    return { name: e.name, message: e.message, code: e.code, generatedMessage: e.generatedMessage, operator: e.operator };
  };
  const pending = [];
  for (const [src, want] of EXPECTED.assert) {
    const compare = (result) => {
      const a = JSON.stringify(result);
      const b = JSON.stringify(want);
      check('assert', src, a === b, `  got:  ${a}\n  want: ${b}`);
    };
    try {
      const r = evaluate(['assert'], src, [assert]);
      if (r && typeof r.then === 'function') {
        pending.push(r.then(() => compare({ threw: false }), (e) => compare({ threw: true, error: summary(e) })));
      } else {
        compare({ threw: false });
      }
    } catch (e) {
      compare({ threw: true, error: summary(e) });
    }
  }
  const buffer = load('buffer');
  const implArgs = {
    buffer: [buffer.Buffer, util.TextEncoder, util.TextDecoder, buffer],
    util: [util],
  };
  for (const [group, params, src, want] of EXPECTED.api) {
    const compare = (result) => {
      const got = JSON.stringify(result);
      check(group, src, got === want, `  got:  ${got}\n  want: ${want}`);
    };
    const fail = (e) => {
      const f = summary(e);
      compare({ threw: f.name, code: f.code, message: f.message });
    };
    try {
      const r = evaluate(params, src, implArgs[group]);
      if (r && typeof r.then === 'function') {
        pending.push(r.then((v) => compare(normalize({ resolved: v }, util.inspect, 0)), fail));
      } else {
        compare(normalize(r, util.inspect, 0));
      }
    } catch (e) {
      fail(e);
    }
  }
  Promise.all(pending).then(() => log(`${passed} passed, ${failed} failed`));
}
