'use strict';

// `../common/globals` for the boavm conformance shim.
//
// `intrinsics` is the set of names of the built-in global properties that a
// fresh JS realm (e.g. a vm context) may have on its global object before any
// user code runs: the ECMAScript (ECMA-262) value, function and constructor
// properties of the global object, Annex B functions, the ECMA-402 `Intl`
// namespace, proposals engines ship, and the few host-independent extras that
// engines install in every realm (`console`, `WebAssembly`). Tests subtract it
// from Object.getOwnPropertyNames(contextGlobal) to see only what the sandbox
// contributed; listing a name an engine lacks does no harm.

const valueProperties = ['globalThis', 'Infinity', 'NaN', 'undefined'];

const functionProperties = [
  'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
  // Annex B
  'escape', 'unescape',
];

const constructorProperties = [
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError',
  'FinalizationRegistry', 'Float16Array', 'Float32Array', 'Float64Array',
  'Function', 'Int8Array', 'Int16Array', 'Int32Array', 'Iterator', 'Map',
  'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError',
  'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
  'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet',
  // Explicit resource management
  'DisposableStack', 'AsyncDisposableStack', 'SuppressedError',
  // Proposals shipped by some engines
  'ShadowRealm',
];

const otherProperties = [
  'Atomics', 'JSON', 'Math', 'Reflect',
  // ECMA-402
  'Intl',
  // Temporal (shipped by some engines, e.g. Boa)
  'Temporal',
  // Installed by engines in every realm, not by the embedder
  'console', 'WebAssembly',
];

const intrinsics = new Set([
  ...valueProperties,
  ...functionProperties,
  ...constructorProperties,
  ...otherProperties,
]);

module.exports = {
  intrinsics,
};
