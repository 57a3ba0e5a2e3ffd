'use strict';
// Builtins captured once, when this file is evaluated (before any user code runs), so that
// user code replacing `Array.prototype.push`, `Object.defineProperty`, `Promise.prototype.then`,
// getters on `Error.prototype` and so on cannot break the runtime's own JavaScript.
//
// Naming (the same convention as Node's internals, so the code reads alike):
//   Statics:           ObjectKeys, ArrayIsArray, MathMax, PromiseResolve   (bound to their owner)
//   Prototype methods: ArrayPrototypePush(arr, x), StringPrototypeSlice(str, 1)   (`this` first)
//   Symbol methods:    ArrayPrototypeSymbolIterator(arr)
//   Accessors:         MapPrototypeGetSize(map), ErrorPrototypeGetStack(err),
//                      ErrorPrototypeSetStack(err, value)
//   Constructors:      Array, Map, TypeError, ... (the originals)
// plus the helpers at the end (SafeMap, SafeSet, SafeWeakMap, SafeWeakSet, safePromiseAll,
// promiseThen, regExpTest, regExpReplace, descriptor helpers).
//
// Shared by two bundles that each evaluate it once: vm-node's (errors.js, modules.js, vm.js:
// it is the second argument of their factories) and boavm's (prelude and builtin modules:
// `require('internal/primordials')`).
//
// Code using these must also avoid syntax that reads patchable builtins: `for...of` and spread
// over arrays (Array.prototype[Symbol.iterator]), array destructuring, `new Set(iterable)` /
// `new Map(iterable)` (they call `add`/`set`), and property descriptors inheriting from
// Object.prototype (use `{ __proto__: null, ... }`).

const R = Reflect;
const apply = R.apply;
const bind = Function.prototype.bind;
const call = Function.prototype.call;
// uncurryThis(fn)(self, ...args) === fn.call(self, ...args), without reading `call` later.
const uncurryThis = apply(bind, bind, [call]);
const ownKeys = R.ownKeys;
const getOwnPropertyDescriptor = R.getOwnPropertyDescriptor;
const defineProperty = R.defineProperty;
const getPrototypeOf = R.getPrototypeOf;
const SymbolIterator = Symbol.iterator;

const P = { __proto__: null };

function define(name, value) {
  defineProperty(P, name, { __proto__: null, value, enumerable: true, writable: false, configurable: false });
}

// `Symbol.iterator` -> 'SymbolIterator'; 'push' -> 'Push'.
function keyName(key) {
  if (typeof key === 'symbol') {
    const d = apply(getOwnPropertyDescriptor(Symbol.prototype, 'description').get, key, []);
    // Well-known symbols are described 'Symbol.iterator'.
    let out = 'Symbol';
    const dot = d.length > 7 ? 7 : 0;
    for (let i = dot; i < d.length; i++) out += i === dot ? d[i].toUpperCase() : d[i];
    return out;
  }
  return key.length === 0 ? key : key[0].toUpperCase() + apply(String.prototype.slice, key, [1]);
}

// Copies the function-valued and accessor own properties of `source` as `${prefix}${Name}`;
// `asMethod` uncurries them (prototype members) instead of binding them to `source`.
function copy(prefix, source, asMethod) {
  const keys = ownKeys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'constructor' || key === 'caller' || key === 'arguments' || key === 'prototype') continue;
    const d = getOwnPropertyDescriptor(source, key);
    const name = prefix + keyName(key);
    if ('value' in d) {
      if (typeof d.value === 'function') {
        define(name, asMethod ? uncurryThis(d.value) : apply(bind, d.value, [source]));
      } else if (!asMethod && (typeof d.value !== 'object' || d.value === null)) {
        define(name, d.value); // e.g. NumberMAX_SAFE_INTEGER, MathPI, SymbolIterator
      }
    } else {
      if (d.get !== undefined) define(`${prefix}Get${keyName(key)}`, uncurryThis(d.get));
      if (d.set !== undefined) define(`${prefix}Set${keyName(key)}`, uncurryThis(d.set));
    }
  }
}

// Namespaces: statics only.
const namespaces = { __proto__: null, JSON, Math, Reflect };
for (const name in namespaces) {
  define(name, namespaces[name]);
  copy(name, namespaces[name], false);
}

// Constructors: the constructor, its statics and its prototype's members.
const TypedArray = getPrototypeOf(Uint8Array);
const constructors = {
  __proto__: null,
  Object, Function, Array, String, Number, Boolean, Symbol, BigInt, Date, RegExp, Promise,
  Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry, Proxy, ArrayBuffer, DataView,
  Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError,
  TypedArray, Uint8Array, Int8Array, Uint16Array, Int16Array, Uint32Array, Int32Array,
  Float32Array, Float64Array, Uint8ClampedArray, BigInt64Array, BigUint64Array,
};
if (typeof SharedArrayBuffer === 'function') constructors.SharedArrayBuffer = SharedArrayBuffer;
for (const name in constructors) {
  const ctor = constructors[name];
  define(name, ctor);
  copy(name, ctor, false);
  if (ctor.prototype !== undefined) copy(`${name}Prototype`, ctor.prototype, true);
}
define('globalThis', globalThis);
define('uncurryThis', uncurryThis);
define('parseInt', parseInt);
define('parseFloat', parseFloat);
define('isNaN', isNaN);
define('isFinite', isFinite);

// Prototypes with no global constructor.
const iteratorPrototypes = {
  __proto__: null,
  ArrayIteratorPrototype: getPrototypeOf([][SymbolIterator]()),
  StringIteratorPrototype: getPrototypeOf(''[SymbolIterator]()),
  MapIteratorPrototype: getPrototypeOf(new Map()[SymbolIterator]()),
  SetIteratorPrototype: getPrototypeOf(new Set()[SymbolIterator]()),
  RegExpStringIteratorPrototype: getPrototypeOf(/a/[Symbol.matchAll](''))
};
for (const name in iteratorPrototypes) copy(name, iteratorPrototypes[name], true);
define('AsyncFunction', getPrototypeOf(async function () {}).constructor);
define('GeneratorFunction', getPrototypeOf(function* () {}).constructor);

// --- helpers ------------------------------------------------------------------------------

const {
  ArrayPrototypePush, MapPrototypeForEach, SetPrototypeForEach, RegExpPrototypeExec,
  RegExpPrototypeGetGlobal, StringPrototypeSlice, ObjectFreeze, ObjectSetPrototypeOf,
} = P;
const PromiseCtor = Promise;
const ArrayCtor = Array;

// A class whose prototype holds its own copies of `Base.prototype`'s methods, so instances
// keep working whatever happens to `Base.prototype` (and `new Safe(iterable)` adds through
// them).
function makeSafe(Base, Safe) {
  const keys = ownKeys(Base.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'constructor') continue;
    const d = getOwnPropertyDescriptor(Base.prototype, key);
    defineProperty(Safe.prototype, key, d);
  }
  ObjectSetPrototypeOf(Safe.prototype, null);
  ObjectFreeze(Safe.prototype);
  ObjectFreeze(Safe);
  return Safe;
}
define('SafeMap', makeSafe(Map, class SafeMap extends Map {
  constructor(entries) { super(entries); }
}));
define('SafeSet', makeSafe(Set, class SafeSet extends Set {
  constructor(values) { super(values); }
}));
define('SafeWeakMap', makeSafe(WeakMap, class SafeWeakMap extends WeakMap {
  constructor(entries) { super(entries); }
}));
define('SafeWeakSet', makeSafe(WeakSet, class SafeWeakSet extends WeakSet {
  constructor(values) { super(values); }
}));

// The values of a Map / Set (or entries as [key, value]) as a new array, without iterators.
define('mapEntries', (map) => {
  const out = [];
  MapPrototypeForEach(map, (v, k) => { ArrayPrototypePush(out, [k, v]); });
  return out;
});
define('mapValues', (map) => {
  const out = [];
  MapPrototypeForEach(map, (v) => { ArrayPrototypePush(out, v); });
  return out;
});
define('setValues', (set) => {
  const out = [];
  SetPrototypeForEach(set, (v) => { ArrayPrototypePush(out, v); });
  return out;
});

// promise.then(onFulfilled, onRejected) for a native promise of any realm, without reading
// `then`, `constructor` or Symbol.species (await, unlike Promise.prototype.then, performs the
// reaction directly on a native promise).
function promiseThen(promise, onFulfilled, onRejected) {
  return (async () => {
    let value;
    try {
      value = await promise;
    } catch (err) {
      if (onRejected === undefined) throw err;
      return onRejected(err);
    }
    return onFulfilled === undefined ? value : onFulfilled(value);
  })();
}
define('promiseThen', promiseThen);

// Promise.all over an array of values / promises, reading nothing patchable. The result array
// has no prototype (resolving with it would read a `then` inherited from Array.prototype).
define('safePromiseAll', (values) => new PromiseCtor((resolve, reject) => {
  const n = values.length;
  const results = new ArrayCtor(n);
  ObjectSetPrototypeOf(results, null);
  let remaining = n;
  if (n === 0) {
    resolve(results);
    return;
  }
  for (let i = 0; i < n; i++) {
    promiseThen(values[i], (v) => {
      results[i] = v;
      remaining -= 1;
      if (remaining === 0) resolve(results);
    }, reject);
  }
}));

// A rejected promise handled by nobody yet, without Promise.reject (which reads `this`).
define('rejectedPromise', (err) => new PromiseCtor((resolve, reject) => reject(err)));
define('resolvedPromise', (value) => new PromiseCtor((resolve) => resolve(value)));

// `re` must not be sticky; works for global and non-global regexps (lastIndex is reset).
define('regExpTest', (re, str) => {
  re.lastIndex = 0;
  const m = RegExpPrototypeExec(re, str);
  re.lastIndex = 0;
  return m !== null;
});
define('regExpExec', (re, str) => {
  re.lastIndex = 0;
  const m = RegExpPrototypeExec(re, str);
  re.lastIndex = 0;
  return m;
});

// str.replace(re, fn) where fn(match) returns the replacement (match is the exec result);
// every match when `re` is global, else the first one. Replacement patterns like `$1` are
// not interpreted: `fn` builds the text.
define('regExpReplace', (re, str, fn) => {
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (;;) {
    const m = RegExpPrototypeExec(re, str);
    if (m === null) break;
    out += StringPrototypeSlice(str, last, m.index) + fn(m);
    last = m.index + m[0].length;
    if (!RegExpPrototypeGetGlobal(re)) break;
    if (m[0].length === 0) re.lastIndex += 1;
  }
  re.lastIndex = 0;
  return out + StringPrototypeSlice(str, last);
});

// Property descriptors that cannot inherit `get`/`set`/`value` from Object.prototype.
define('dataDescriptor', (value, writable, enumerable, configurable) => ({
  __proto__: null, value, writable, enumerable, configurable,
}));

ObjectFreeze(P);
module.exports = P;
