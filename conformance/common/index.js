'use strict';

// `common` test shim for the boavm conformance run.
//
// Node's vm tests (see /work/shared/node-vm-tests) begin with
// `require('../common')`. Node's own test/common is not shipped with the
// corpus, so this file provides an independent implementation of the helpers
// those tests use. It was written from the tests' needs and is kept small on
// purpose. It must run on two hosts:
//
//   * boavm (Boa + a small CommonJS host): only `require('assert')`,
//     `require('util')` (inspect only), `console`, `process`
//     (argv / exit / exitCode / on('exit') / nextTick), timers,
//     `queueMicrotask` and an optional `gc()` can be relied on;
//   * real Node (see selftest.sh), which is how the shim itself is validated.
//
// Every optional host facility is feature-tested before use.
//
// Exit-time checks (mustCall counts, expected warnings, leaked globals) run
// from a single `process.on('exit')` listener installed when this file loads.
// They only run when the process is about to exit with status 0: if the test
// already failed, its own error is the interesting one. On failure they print
// one line per problem to stderr and exit with status 1.

const assert = require('assert');

let inspect = null;
try {
  const util = require('util');
  if (util && typeof util.inspect === 'function') inspect = util.inspect;
} catch {
  // util is optional; describe() falls back to String().
}

const hasProcess = typeof process === 'object' && process !== null;
const canListen = hasProcess && typeof process.on === 'function';
const shimFile = typeof __filename === 'string' ? __filename : null;

function describe(value) {
  if (inspect !== null) {
    try {
      return inspect(value, { depth: 2, colors: false });
    } catch {
      // fall through
    }
  }
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function writeErr(line) {
  if (typeof console === 'object' && console !== null) {
    if (typeof console.error === 'function') return console.error(line);
    if (typeof console.log === 'function') return console.log(line);
  }
}

// ---------------------------------------------------------------------------
// Call-site capture (used to say where a mustCall/mustNotCall was created).

function isShimFrame(line) {
  if (shimFile !== null && line.includes(shimFile)) return true;
  return /[\\/]common[\\/](index|fixtures|measure-memory)\.m?js\b/.test(line);
}

// Returns a short description of the first stack frame outside this shim,
// or '<unknown location>' when the engine offers no usable `stack`.
function getCallSite() {
  let stack;
  try {
    stack = new Error('call site').stack;
  } catch {
    stack = undefined;
  }
  if (typeof stack !== 'string' || stack === '') return '<unknown location>';
  const lines = stack.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const line of lines) {
    if (/^Error\b/.test(line)) continue; // header line "Error: call site"
    if (isShimFrame(line)) continue;
    return line.replace(/^at\s+/, '');
  }
  return '<unknown location>';
}

// ---------------------------------------------------------------------------
// Exit-time bookkeeping.

const callChecks = [];       // { kind: 'exact'|'atLeast', expected, actual, name, site }
const warningChecks = [];    // { name, entries: [{ message, code }], site }
const allowedGlobalValues = new Set();
const allowedGlobalNames = new Set();
let skipped = false;
let exitHookInstalled = false;

function exitStatus(code) {
  if (typeof code === 'number') return code;
  if (hasProcess && process.exitCode !== undefined && process.exitCode !== null) {
    const n = Number(process.exitCode);
    return Number.isNaN(n) ? 1 : n;
  }
  return 0;
}

function collectFailures() {
  const failures = [];
  for (const c of callChecks) {
    const ok = c.kind === 'exact' ? c.actual === c.expected : c.actual >= c.expected;
    if (!ok) {
      const want = c.kind === 'exact' ? `exactly ${c.expected}` : `at least ${c.expected}`;
      failures.push(
        `Mismatched call count for function "${c.name}": expected ${want} ` +
        `call(s), actual ${c.actual}.\n    created at ${c.site}`);
    }
  }
  for (const w of warningChecks) {
    for (const e of w.entries) {
      failures.push(
        `Expected warning was not emitted: ${w.name}: ${describe(e.message)}` +
        (e.code !== undefined ? ` (code ${e.code})` : '') +
        `\n    expected at ${w.site}`);
    }
  }
  const leaked = leakedGlobals();
  if (leaked.length > 0) {
    failures.push(`Unexpected global(s) found: ${leaked.join(', ')}` +
                  ' (use common.allowGlobals() if the test creates them on purpose)');
  }
  return failures;
}

let exitChecksDone = false;
function onExit(code) {
  // Guard: a host may re-emit 'exit' when process.exit() is called below.
  if (exitChecksDone) return;
  exitChecksDone = true;
  if (skipped || exitStatus(code) !== 0) return;
  const failures = collectFailures();
  if (failures.length === 0) return;
  for (const f of failures) writeErr(f);
  process.exitCode = 1;
  if (typeof process.exit === 'function') process.exit(1);
}

function installExitHook() {
  if (exitHookInstalled || !canListen) return;
  exitHookInstalled = true;
  process.on('exit', onExit);
}

// ---------------------------------------------------------------------------
// mustCall family.

function noop() {}

function copyNameAndLength(wrapper, fn) {
  for (const key of ['name', 'length']) {
    try {
      Object.defineProperty(wrapper, key, {
        value: fn[key], writable: false, enumerable: false, configurable: true,
      });
    } catch {
      // Non-configurable in some engine: leave the wrapper's own value.
    }
  }
  return wrapper;
}

function makeCounted(fn, expected, kind) {
  const check = {
    kind,
    expected,
    actual: 0,
    name: (fn !== noop && fn.name) || '<anonymous>',
    site: getCallSite(),
  };
  callChecks.push(check);
  installExitHook();
  const wrapper = function(...args) {
    check.actual++;
    return fn.apply(this, args);
  };
  return copyNameAndLength(wrapper, fn);
}

function checkCount(n, what) {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new TypeError(`${what} must be a non-negative integer, got ${describe(n)}`);
  }
}

// mustCall([fn][, exact = 1]): the returned wrapper must be called exactly
// `exact` times before the process exits.
function mustCall(fn, exact) {
  if (typeof fn === 'number') {
    exact = fn;
    fn = noop;
  } else if (fn === undefined || fn === null) {
    fn = noop;
  }
  if (typeof fn !== 'function') throw new TypeError('mustCall: fn must be a function');
  if (exact === undefined) exact = 1;
  checkCount(exact, 'mustCall: exact');
  return makeCounted(fn, exact, 'exact');
}

// mustCallAtLeast([fn][, minimum = 1]).
function mustCallAtLeast(fn, minimum) {
  if (typeof fn === 'number') {
    minimum = fn;
    fn = noop;
  } else if (fn === undefined || fn === null) {
    fn = noop;
  }
  if (typeof fn !== 'function') throw new TypeError('mustCallAtLeast: fn must be a function');
  if (minimum === undefined) minimum = 1;
  checkCount(minimum, 'mustCallAtLeast: minimum');
  return makeCounted(fn, minimum, 'atLeast');
}

// mustNotCall([msg]): the returned function fails the test if it is ever
// called.
function mustNotCall(msg) {
  const site = getCallSite();
  return function mustNotCall(...args) {
    const argsInfo = args.length > 0 ?
      `\ncalled with arguments: ${args.map(describe).join(', ')}` : '';
    assert.fail(`${msg || 'function should not have been called'} (created at ${site})` +
                argsInfo);
  };
}

// mustSucceed([fn][, exact]): a node-style callback that must be called
// (exactly `exact` times) with a falsy error; `fn` receives the other args.
function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    if (err !== undefined && err !== null) {
      assert.ifError(err);
    }
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

// expectsError(validation[, exact]): returns a function that must be called
// (exactly `exact` times) with an error matching `validation`, which accepts
// everything the second argument of assert.throws() accepts (object, RegExp,
// class or validation function).
function expectsError(validation, exact) {
  return mustCall(function validateError(actual) {
    assert.throws(() => { throw actual; }, validation);
    return true;
  }, exact);
}

// ---------------------------------------------------------------------------
// Warnings.
//
// When the host implements process warnings (process.on + process.emitWarning)
// expectWarning() listens for 'warning' events: every emitted warning must be
// one of the expected ones (in order per warning name), and every expected one
// must have been emitted by exit time.
//
// When the host has no warning machinery (no process.emitWarning), expectWarning
// is a documented NO-OP: nothing can ever be emitted, so nothing is checked.
// `common.warningsSupported` tells which mode is active.

const warningsSupported = canListen && typeof process.emitWarning === 'function';
let warningListenerInstalled = false;

function normalizeEntries(expected, code) {
  if (typeof expected === 'string' || expected instanceof RegExp) {
    return [{ message: expected, code }];
  }
  if (Array.isArray(expected)) {
    // [message, code] is a single expectation; [[message, code], ...] a list.
    if (expected.length > 0 && !Array.isArray(expected[0])) {
      return [{ message: expected[0], code: expected[1] }];
    }
    return expected.map((e) => ({ message: e[0], code: e[1] }));
  }
  if (typeof expected === 'object' && expected !== null) {
    // { CODE: message, ... }
    return Object.keys(expected).map((c) => ({ message: expected[c], code: c }));
  }
  throw new TypeError(`expectWarning: unsupported expectation ${describe(expected)}`);
}

function onWarning(warning) {
  const name = warning && warning.name;
  const check = warningChecks.find((w) => w.name === name && w.entries.length > 0);
  if (!check) {
    // Only fail for warning names the test said something about; other
    // warnings (e.g. unrelated ExperimentalWarnings) are host noise.
    if (warningChecks.some((w) => w.name === name)) {
      assert.fail(`Unexpected extra ${name}: ${warning && warning.message}`);
    }
    return;
  }
  const e = check.entries.shift();
  const message = warning.message;
  if (e.message instanceof RegExp) {
    assert.match(String(message), e.message);
  } else {
    assert.strictEqual(message, e.message);
  }
  if (e.code !== undefined) assert.strictEqual(warning.code, e.code);
}

// expectWarning(name, message[, code])
// expectWarning(name, [message, code]) or expectWarning(name, [[message, code], ...])
// expectWarning({ [name]: <message | [message, code] | [[message, code], ...] |
//                          { [code]: message }>, ... })
// Messages may be strings (compared exactly) or RegExps.
function expectWarning(nameOrMap, expected, code) {
  if (!warningsSupported) return;
  const site = getCallSite();
  const groups = [];
  if (typeof nameOrMap === 'string') {
    groups.push([nameOrMap, normalizeEntries(expected, code)]);
  } else if (typeof nameOrMap === 'object' && nameOrMap !== null) {
    for (const name of Object.keys(nameOrMap)) {
      groups.push([name, normalizeEntries(nameOrMap[name])]);
    }
  } else {
    throw new TypeError('expectWarning: first argument must be a name or an object');
  }
  for (const [name, entries] of groups) warningChecks.push({ name, entries, site });
  installExitHook();
  if (!warningListenerInstalled) {
    warningListenerInstalled = true;
    process.on('warning', onWarning);
  }
}

// ---------------------------------------------------------------------------
// Leaked-global check. Like Node's harness, a test must not leave new
// enumerable properties on the global object unless it declares them with
// allowGlobals(...values). Names present when this file loads are allowed.
// Set NODE_TEST_KNOWN_GLOBALS=0 to switch the check off.

const leakCheckEnabled = !(hasProcess && process.env &&
                           process.env.NODE_TEST_KNOWN_GLOBALS === '0');
// Host globals that some hosts create lazily (e.g. on first access).
const lazyHostGlobals = [
  'gc', 'global', 'globalThis', 'console', 'process', 'Buffer', 'navigator',
  'crypto', 'fetch', 'performance', 'structuredClone', 'queueMicrotask',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate', 'atob', 'btoa',
];
const initialGlobalNames = new Set(Object.keys(globalThis).concat(lazyHostGlobals));

function allowGlobals(...values) {
  for (const v of values) {
    allowedGlobalValues.add(v);
    if (typeof v === 'string') allowedGlobalNames.add(v);
  }
}

function leakedGlobals() {
  if (!leakCheckEnabled) return [];
  const leaked = [];
  for (const key of Object.keys(globalThis)) {
    if (initialGlobalNames.has(key) || allowedGlobalNames.has(key)) continue;
    let value;
    try {
      value = globalThis[key];
    } catch {
      continue;
    }
    if (!allowedGlobalValues.has(value)) leaked.push(key);
  }
  return leaked;
}

// ---------------------------------------------------------------------------
// invalidArgTypeHelper: the " Received ..." suffix of ERR_INVALID_ARG_TYPE
// (and friends) messages, following the wording of current Node.js.

function describeReceived(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'function':
      return `function ${value.name}`;
    case 'object': {
      const ctor = value.constructor;
      if (ctor && (typeof ctor === 'function' || typeof ctor === 'object') && 'name' in ctor) {
        return `an instance of ${ctor.name}`;
      }
      return inspect !== null ? inspect(value, { depth: -1 }) : describe(value);
    }
    case 'string': {
      let s = value;
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return s.includes("'") ? `type string (${JSON.stringify(s)})` : `type string ('${s}')`;
    }
    case 'number': {
      const text = Object.is(value, -0) ? '-0' : String(value);
      return `type number (${text})`;
    }
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'boolean':
      return `type boolean (${value})`;
    case 'symbol':
      return `type symbol (${String(value)})`;
    default: {
      let s = describe(value);
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return `type ${typeof value} (${s})`;
    }
  }
}

function invalidArgTypeHelper(input) {
  return ` Received ${describeReceived(input)}`;
}

// ---------------------------------------------------------------------------
// Misc helpers.

// Tests scale their timeouts with this. Identity unless the environment sets
// BOAVM_TIMEOUT_MULTIPLIER (a positive number) for slow builds.
function platformTimeout(ms) {
  let mult = 1;
  if (hasProcess && process.env && process.env.BOAVM_TIMEOUT_MULTIPLIER) {
    const m = Number(process.env.BOAVM_TIMEOUT_MULTIPLIER);
    if (Number.isFinite(m) && m > 0) mult = m;
  }
  if (typeof ms === 'bigint') return mult === 1 ? ms : ms * BigInt(Math.ceil(mult));
  return ms * mult;
}

function printSkipMessage(msg) {
  if (typeof console === 'object' && typeof console.log === 'function') {
    console.log(`1..0 # Skipped: ${msg}`);
  }
}

// skip(msg): report the test as skipped (TAP style, like Node) and exit 0.
function skip(msg) {
  printSkipMessage(msg);
  skipped = true;
  if (hasProcess && typeof process.exit === 'function') process.exit(0);
  throw new Error(`common.skip(${describe(msg)}) needs process.exit`);
}

// Views of every TypedArray kind (and a DataView) over the bytes of `buf`
// (an ArrayBuffer or any ArrayBufferView), skipping kinds whose element size
// does not divide the byte length.
function getArrayBufferViews(buf) {
  const isView = ArrayBuffer.isView(buf);
  const buffer = isView ? buf.buffer : buf;
  const byteOffset = isView ? buf.byteOffset : 0;
  const byteLength = isView ? buf.byteLength : buf.byteLength;
  const kinds = [
    Int8Array, Uint8Array, Uint8ClampedArray,
    Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array,
  ];
  if (typeof globalThis.Float16Array === 'function') kinds.push(globalThis.Float16Array);
  if (typeof BigInt64Array === 'function') kinds.push(BigInt64Array, BigUint64Array);
  const out = [];
  for (const Kind of kinds) {
    const size = Kind.BYTES_PER_ELEMENT;
    if (byteLength % size === 0) out.push(new Kind(buffer, byteOffset, byteLength / size));
  }
  out.push(new DataView(buffer, byteOffset, byteLength));
  return out;
}

// mustNotMutateObjectDeep(obj): a read-only view of `obj`; any attempt to
// mutate it (or anything reachable through it) throws an AssertionError.
const readOnlyViews = new WeakMap();
function mustNotMutateObjectDeep(original) {
  if ((typeof original !== 'object' && typeof original !== 'function') || original === null) {
    return original;
  }
  const cached = readOnlyViews.get(original);
  if (cached) return cached;
  const refuse = (what) => () => {
    assert.fail(`Expected no side effects, got ${what}`);
  };
  const handler = {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      const desc = Reflect.getOwnPropertyDescriptor(target, prop);
      // Proxy invariant: frozen data properties must be returned unchanged.
      if (desc && 'value' in desc && !desc.configurable && !desc.writable) return value;
      return mustNotMutateObjectDeep(value);
    },
    set: (t, prop) => refuse(`set of ${String(prop)}`)(),
    defineProperty: (t, prop) => refuse(`defineProperty of ${String(prop)}`)(),
    deleteProperty: (t, prop) => refuse(`delete of ${String(prop)}`)(),
    setPrototypeOf: refuse('setPrototypeOf'),
    preventExtensions: refuse('preventExtensions'),
  };
  const view = new Proxy(original, handler);
  readOnlyViews.set(original, view);
  return view;
}

const platform = hasProcess && typeof process.platform === 'string' ? process.platform : 'linux';

const common = {
  // call-count helpers
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  expectsError,
  // warnings
  expectWarning,
  warningsSupported,
  // globals
  allowGlobals,
  leakedGlobals,
  // error-message helpers
  invalidArgTypeHelper,
  // misc
  platformTimeout,
  skip,
  printSkipMessage,
  getArrayBufferViews,
  mustNotMutateObjectDeep,
  getCallSite,
  // platform / build facts
  isWindows: platform === 'win32',
  isLinux: platform === 'linux',
  isMacOS: platform === 'darwin',
  isOSX: platform === 'darwin',
  isSunOS: platform === 'sunos',
  isFreeBSD: platform === 'freebsd',
  isOpenBSD: platform === 'openbsd',
  isAIX: platform === 'aix',
  isIBMi: platform === 'os400',
  isASan: false,
  isDebug: false,
  isMainThread: true,
  canCreateSymLink: platform !== 'win32',
  hasIntl: typeof Intl === 'object' && Intl !== null,
  hasCrypto: !!(hasProcess && process.versions && process.versions.openssl),
};

installExitHook();

module.exports = common;
