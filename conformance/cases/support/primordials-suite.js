'use strict';
// Shared by the primordials-*.js cases: patches one builtin at a time (the patch throws, or
// returns garbage), exercises the whole vm API and the CLI's helpers, prints what happened,
// then restores the builtin. Node is immune to such patches (its lib/ captures builtins at
// startup); boavm must print the same.
//
// This file itself only uses builtins it captured before any patch, and calls them as plain
// functions (never as methods of something a patch could reach).

const vm = require('node:vm');
const util = require('node:util');
const assert = require('node:assert');

const apply = Reflect.apply;
const defineProperty = Reflect.defineProperty;
const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const getPrototypeOf = Reflect.getPrototypeOf;
const deleteProperty = Reflect.deleteProperty;
const objectToString = Object.prototype.toString;
const log = console.log;
// Lines are buffered while a patch is active (Node's own console is not immune to every
// patch) and printed once it is restored.
// (A fresh array after each flush: Boa 0.22 was seen to stop growing an array emptied with
// `length = 0` by index assignment.)
let buffer = [];
let buffered = 0;
const write = (line) => { buffer[buffered++] = line; };
function flush() {
  const lines = buffer;
  const n = buffered;
  buffer = [];
  buffered = 0;
  for (let i = 0; i < n; i++) apply(log, console, [lines[i]]);
}

function own(obj, key) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return undefined;
  const d = getOwnPropertyDescriptor(obj, key);
  return d === undefined ? undefined : d.value;
}

// The `name` data property found on the prototype chain (never a patched getter).
function nameOf(e) {
  let o = e;
  while (o !== null && (typeof o === 'object' || typeof o === 'function')) {
    const d = getOwnPropertyDescriptor(o, 'name');
    if (d !== undefined && 'value' in d) return d.value;
    o = getPrototypeOf(o);
  }
  return '?';
}

function describe(e) {
  if (e === null || typeof e !== 'object') return 'threw ' + typeof e + ' ' + e;
  const code = own(e, 'code');
  let message = own(e, 'message');
  if (typeof message === 'string') {
    // One line, without string methods (a patch may have replaced them).
    let flat = '';
    for (let i = 0; i < message.length; i++) flat += message[i] === '\n' ? '\\n' : message[i];
    message = flat;
  }
  return 'threw ' + nameOf(e) + (code === undefined ? '' : ' [' + code + ']') + ': ' + message;
}

function nameOfThrown(fn) {
  try {
    fn();
  } catch (e) {
    return 'threw ' + nameOf(e);
  }
  return 'no exception';
}

function show(v) {
  if (typeof v === 'string') return "'" + v + "'";  // (inspect output may span lines)
  if (typeof v === 'function') return 'function';
  if (v !== null && typeof v === 'object') return apply(objectToString, v, []);
  return '' + v;
}

// Labels of checks to leave out for the current patch (where Node itself is not immune).
let skip = { __proto__: null };

function check(label, fn) {
  if (label in skip) return;
  let line;
  try {
    line = show(fn());
  } catch (e) {
    line = describe(e);
  }
  write('  ' + label + ': ' + line);
}

async function checkAsync(label, fn) {
  if (label in skip) return;
  let line;
  try {
    line = show(await fn());
  } catch (e) {
    line = describe(e);
  }
  write('  ' + label + ': ' + line);
}

function vmChecks() {
  check('runInNewContext', () => vm.runInNewContext('a + 1', { a: 41 }));
  check('runInNewContext filename', () => vm.runInNewContext('x', {}, 'file.vm'));
  check('runInNewContext options', () => vm.runInNewContext('typeof globalThis.b', { b: [1] },
    { filename: 'f.js', contextName: 'n', timeout: 1000 }));
  check('createContext', () => vm.isContext(vm.createContext({ z: 1 })));
  check('createContext options', () => vm.isContext(vm.createContext({}, {
    name: 'ctx', codeGeneration: { strings: false, wasm: true }, microtaskMode: 'afterEvaluate',
  })));
  check('isContext plain', () => vm.isContext({}));
  const ctx = vm.createContext({ n: 2 });
  check('runInContext', () => vm.runInContext('n * 21', ctx));
  check('runInContext options', () => vm.runInContext('n', ctx, { filename: 'a.js', displayErrors: false }));
  check('runInThisContext', () => vm.runInThisContext('6 * 7'));
  check('runInThisContext filename', () => vm.runInThisContext('"ok"', 'this.js'));
  const script = new vm.Script('typeof n === "number" ? n + 1 : "none"', { filename: 's.js', lineOffset: 1 });
  check('Script runInContext', () => script.runInContext(ctx));
  check('Script runInNewContext', () => script.runInNewContext({ n: 9 }));
  check('Script runInNewContext options', () => script.runInNewContext({ n: 1 }, { contextName: 'x' }));
  check('Script runInThisContext', () => script.runInThisContext());
  check('createScript', () => vm.createScript('1 + 1').runInNewContext());
  check('Script sourceMapURL', () => new vm.Script('1\n//# sourceMappingURL=m.map').sourceMapURL);
  check('Script createCachedData', () => new vm.Script('1').createCachedData().length > 0);
  check('Script produceCachedData', () => new vm.Script('2', { produceCachedData: true }).cachedDataProduced);
  check('Script cachedData', () => {
    const data = new vm.Script('3').createCachedData();
    return new vm.Script('3', { cachedData: data }).cachedDataRejected;
  });
  check('compileFunction', () => vm.compileFunction('return a + b', ['a', 'b'])(40, 2));
  check('compileFunction extensions', () => vm.compileFunction('return q', [], {
    contextExtensions: [{ q: 'ext' }],
  })());
  check('compileFunction parsingContext', () => vm.compileFunction('return n', [], { parsingContext: ctx })());
  check('compileFunction produceCachedData', () => vm.compileFunction('return 1', [], {
    produceCachedData: true,
  }).cachedDataProduced);
  // (Only the class: the message text is the engine's own.)
  check('syntax error new context', () => nameOfThrown(() => vm.runInNewContext('(', {}, { filename: 'bad.js' })));
  check('syntax error this context', () => nameOfThrown(() => vm.runInThisContext('(', { filename: 'bad.js' })));
  check('thrown in context', () => vm.runInNewContext('throw new RangeError("inner")'));
  check('timeout', () => vm.runInNewContext('while (true) {}', {}, { timeout: 20 }));
  check('timeout runInContext', () => vm.runInContext('for (;;) {}', ctx, { timeout: 20 }));
  check('timeout Script', () => new vm.Script('while (true) {}').runInThisContext({ timeout: 20 }));
  check('bad context', () => vm.runInContext('1', {}));
  check('bad contextObject', () => vm.createContext('nope'));
  check('bad isContext', () => vm.isContext(1));
  check('bad timeout', () => vm.runInNewContext('1', {}, { timeout: -1 }));
  check('bad timeout type', () => vm.runInNewContext('1', {}, { timeout: 'x' }));
  check('bad filename', () => new vm.Script('1', { filename: 1 }));
  check('bad lineOffset', () => new vm.Script('1', { lineOffset: 1.5 }));
  check('bad cachedData', () => new vm.Script('1', { cachedData: 'x' }));
  check('bad options', () => new vm.Script('1', 42));
  check('bad displayErrors', () => vm.runInThisContext('1', { displayErrors: 1 }));
  check('bad codeGeneration', () => vm.createContext({}, { codeGeneration: { strings: 1 } }));
  check('bad microtaskMode', () => vm.createContext({}, { microtaskMode: 'x' }));
  check('bad compileFunction code', () => vm.compileFunction(1));
  check('bad compileFunction params', () => vm.compileFunction('', 'a'));
  check('bad compileFunction param', () => vm.compileFunction('', ['a', 2]));
  check('bad compileFunction extensions', () => vm.compileFunction('', [], { contextExtensions: [1] }));
  check('bad compileFunction parsingContext', () => vm.compileFunction('', [], { parsingContext: {} }));
  check('bad measureMemory', () => vm.measureMemory({ mode: 'x' }));
  check('bad measureMemory execution', () => vm.measureMemory({ execution: 1 }));
}

async function moduleChecks() {
  const ctx = vm.createContext({ base: 40 });
  await checkAsync('SourceTextModule', async () => {
    const dep = new vm.SyntheticModule(['one', 'two'], function () {
      this.setExport('one', 1);
      this.setExport('two', 1);
    }, { context: ctx, identifier: 'dep' });
    const m = new vm.SourceTextModule('import { one, two } from "dep"; export default base + one + two;', {
      context: ctx, identifier: 'main',
    });
    const specifiers = m.dependencySpecifiers;
    await m.link((specifier) => {
      if (specifier !== 'dep') throw new Error('unexpected ' + specifier);
      return dep;
    });
    const linked = m.status;
    await m.evaluate({ timeout: 1000 });
    return specifiers.length + ' ' + linked + ' ' + m.status + ' ' + m.namespace.default;
  });
  await checkAsync('SourceTextModule main context', async () => {
    const m = new vm.SourceTextModule('export const x = 7; await 0;');
    await m.link(() => { throw new Error('no imports'); });
    await m.evaluate();
    return m.namespace.x;
  });
  await checkAsync('SourceTextModule error', async () => {
    const m = new vm.SourceTextModule('throw new TypeError("module failed")');
    await m.link(() => undefined);
    await m.evaluate();
    return m.status;
  });
  await checkAsync('SourceTextModule timeout', async () => {
    const m = new vm.SourceTextModule('while (true) {}', { context: ctx });
    await m.link(() => undefined);
    await m.evaluate({ timeout: 20 });
    return m.status;
  });
  await checkAsync('SourceTextModule link not module', async () => {
    const m = new vm.SourceTextModule('import "x";');
    await m.link(() => ({}));
  });
  await checkAsync('SourceTextModule link twice', async () => {
    const m = new vm.SourceTextModule('1');
    await m.link(() => undefined);
    await m.link(() => undefined);
  });
  await checkAsync('SourceTextModule evaluate unlinked', () => new vm.SourceTextModule('1').evaluate());
  await checkAsync('SourceTextModule bad options', async () => new vm.SourceTextModule('1', { context: {} }));
  await checkAsync('SourceTextModule bad identifier', async () => new vm.SourceTextModule('1', { identifier: 1 }));
  await checkAsync('SyntheticModule', async () => {
    const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', 'syn'); });
    await m.link(() => undefined);
    await m.evaluate();
    return m.namespace.v + ' ' + m.status;
  });
  await checkAsync('SyntheticModule bad names', async () => new vm.SyntheticModule(['a', 1], () => {}));
  await checkAsync('SyntheticModule duplicate names', async () => new vm.SyntheticModule(['a', 'a'], () => {}));
  await checkAsync('SyntheticModule setExport unknown', async () => {
    const m = new vm.SyntheticModule(['v'], function () { this.setExport('w', 1); });
    await m.link(() => undefined);
    await m.evaluate();
  });
  // (Node settles it from a GC callback that does not keep the loop alive: not awaited.)
  check('measureMemory', () => vm.measureMemory());
}

function bufferChecks() {
  check('Buffer.from utf8', () => Buffer.from('h\u00e9llo \u20ac \ud83d\ude00').toString('hex'));
  check('Buffer.from base64', () => Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString());
  check('Buffer encodings', () => {
    const b = Buffer.from('\u00ffab', 'latin1');
    return b.toString('base64url') + ' ' + b.toString('ascii') + ' ' +
      Buffer.from('hi', 'utf16le').toString('hex') + ' ' + Buffer.from('6869', 'hex').toString('latin1');
  });
  check('Buffer.alloc fill', () => Buffer.alloc(5, 'ab').toString() + Buffer.alloc(3).fill('x', 1).toString('hex'));
  check('Buffer.concat', () => Buffer.concat([Buffer.from('a'), new Uint8Array([98, 99])], 3).toString());
  check('Buffer slice', () => {
    const b = Buffer.from('abcdef');
    return b.subarray(1, 3).toString() + b.slice(-2).toString() + Buffer.isBuffer(b.subarray(1));
  });
  check('Buffer compare', () => Buffer.compare(Buffer.from('a'), Buffer.from('b')) + ' ' +
    Buffer.from('x').equals(Buffer.from('x')) + ' ' + Buffer.from('ab').compare(Buffer.from('aa')));
  check('Buffer read/write', () => {
    const b = Buffer.alloc(14);
    b.writeUInt32LE(0xdeadbeef, 0);
    b.writeInt16BE(-2, 4);
    b.writeDoubleLE(1.5, 6);
    return b.readUInt32LE(0) + ' ' + b.readInt16BE(4) + ' ' + b.readDoubleLE(6) + ' ' + b.toString('hex', 0, 6);
  });
  check('Buffer write string', () => {
    const b = Buffer.alloc(6);
    return b.write('\u20acx', 1) + ' ' + b.toString('hex');
  });
  check('Buffer indexOf', () => {
    const b = Buffer.from('abcabc');
    return b.indexOf('ca') + ' ' + b.lastIndexOf(Buffer.from('b')) + ' ' + b.includes(99) + ' ' + b.includes('x');
  });
  check('Buffer.byteLength', () => Buffer.byteLength('\u20acuro') + ' ' + Buffer.isEncoding('UTF-8') +
    ' ' + Buffer.isEncoding('nope'));
  check('Buffer copy swap', () => {
    const b = Buffer.from([1, 2, 3, 4]);
    const t = Buffer.alloc(4);
    b.copy(t, 1, 0, 2);
    return t.toString('hex') + ' ' + b.swap16().toString('hex');
  });
  check('Buffer toJSON', () => {
    const j = Buffer.from('hi').toJSON();
    return j.type + ' ' + j.data.length + ' ' + j.data[1];
  });
  check('Buffer.from array', () => Buffer.from([104, 105]).toString() + Buffer.from(new Uint16Array([1, 2]).buffer).length);
  check('Buffer inspect', () => util.inspect(Buffer.from('hello')));
  check('btoa atob', () => require('buffer').btoa('hi') + ' ' + require('buffer').atob('aGk='));
  check('bad Buffer.from', () => Buffer.from(5));
  check('bad Buffer.alloc', () => Buffer.alloc(-1));
  check('bad Buffer encoding', () => Buffer.from('x', 'nope'));
  check('bad Buffer read', () => Buffer.alloc(2).readUInt16LE(1));
  check('bad Buffer.concat', () => Buffer.concat([1]));
}

// Values for util.inspect, built before any patch.
const fixtures = {
  plain: { a: [1, 'two', { b: null }], s: new Set([1]), m: new Map([[1, 2]]) },
  nested: { a: { b: { c: { d: {} } } }, arr: new Array(120).fill(0) },
  misc: [new Date(0), /re/g, Symbol('s'), 10n, -0, () => {}, class A {},
    new Uint8Array(2), Promise.resolve(3), new WeakMap(), [, 1], Object.create(null), new Number(3)],
  error: new RangeError('boom'),
  logged: [{ nested: { list: [1, 2, 3], str: 'x' } }, [1, 2], 'tail %s', 'x'],
  logged2: [new Map([['k', { v: 1 }]]), new Set(['a']), [undefined, null]],
};

async function cliChecks() {
  await checkAsync('setTimeout', () => new Promise((resolve) => setTimeout(resolve, 1, 'timer')));
  await checkAsync('setTimeout clear', () => new Promise((resolve) => {
    const t = setTimeout(() => resolve('cleared timer ran'), 1);
    clearTimeout(t);
    setTimeout(() => resolve('cleared'), 2);
  }));
  await checkAsync('setInterval', () => new Promise((resolve) => {
    let n = 0;
    const t = setInterval(() => {
      n += 1;
      if (n === 2) { clearInterval(t); resolve('interval ' + n); }
    }, 1);
  }));
  await checkAsync('setImmediate', () => new Promise((resolve) => setImmediate(resolve, 'immediate')));
  await checkAsync('nextTick', () => new Promise((resolve) => process.nextTick(resolve, 'tick')));
  await checkAsync('queueMicrotask', () => new Promise((resolve) => queueMicrotask(() => resolve('micro'))));
  check('bad setTimeout', () => setTimeout('x'));
  check('bad nextTick', () => process.nextTick(1));
  check('inspect', () => util.inspect(fixtures.plain));
  check('inspect error', () => util.inspect(fixtures.error).length > 0);
  check('inspect nested', () => util.inspect(fixtures.nested, { depth: 1, breakLength: 40 }));
  check('inspect misc', () => util.inspect(fixtures.misc));
  check('format', () => util.format('%s=%d %j %o %%', 'k', 42, { j: 1 }, [1]));
  check('assert ok', () => assert.ok(true));
  check('assert.strictEqual', () => assert.strictEqual(1, 2));
  check('assert.deepStrictEqual', () => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
  check('assert.deepStrictEqual fail', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
  check('assert.throws', () => assert.throws(() => { throw new TypeError('t'); }, TypeError));
  check('assert.throws regexp', () => assert.throws(() => { throw new Error('xyz'); }, /y/));
  check('assert.notStrictEqual', () => assert.notStrictEqual(1, 2));
  await checkAsync('assert.rejects', () => assert.rejects(Promise.reject(new Error('r')), Error));
  bufferChecks();
  if (!('console.log' in skip)) {
    write('  console.log: follows');
    flush();
    apply(log, console, fixtures.logged);
    apply(log, console, fixtures.logged2);
  }
}

// Applies `patch` (returns a restore function), runs every check but those in `skips`,
// restores.
async function run(label, patch, families, skips) {
  apply(log, console, ['== ' + label]);
  skip = { __proto__: null };
  if (skips !== undefined) for (let i = 0; i < skips.length; i++) skip[skips[i]] = true;
  const restore = patch();
  try {
    if (families.vm) vmChecks();
    if (families.modules) await moduleChecks();
    if (families.cli) await cliChecks();
  } finally {
    restore();
    flush();
  }
}

// Marks a patch that installs an accessor (getter and setter both throw).
const kAccessor = Symbol('accessor');
function accessor(name) {
  return { [kAccessor]: true, get: thrower(name + ' getter'), set: thrower(name + ' setter') };
}

// Replaces obj[key] with `value` (a data property, or an accessor from accessor());
// returns the restore function.
function replace(obj, key, value) {
  const saved = getOwnPropertyDescriptor(obj, key);
  if (value !== null && typeof value === 'object' && own(value, kAccessor) === true) {
    defineProperty(obj, key, { get: own(value, 'get'), set: own(value, 'set'), configurable: true, enumerable: false });
  } else {
    defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: false });
  }
  return () => {
    if (saved === undefined) deleteProperty(obj, key);
    else defineProperty(obj, key, saved);
  };
}

// A function that throws when called (as a patched builtin).
function thrower(name) {
  return function patched() { throw new Error('patched ' + name + ' called'); };
}

// Runs each [label, obj, key] patch in turn (each replaced by a thrower).
async function runAll(patches, families) {
  // Node prints one-time ExperimentalWarnings (on stderr) through its console, which some
  // patches break: have them printed before any patch.
  vm.measureMemory();
  new vm.SourceTextModule('');
  await new Promise((resolve) => setTimeout(resolve, 5));
  for (let i = 0; i < patches.length; i++) {
    const p = patches[i];
    const value = p.length > 3 && p[3] !== undefined ? p[3] : thrower(p[0]);
    await run(p[0], () => replace(p[1], p[2], value), families, p[4]);
  }
}

module.exports = { run, runAll, replace, thrower, accessor };
