'use strict';
// Builtin name: 'util'
//
// A subset of Node's `node:util`: inspect, format, formatWithOptions,
// isDeepStrictEqual, types, inherits, deprecate, promisify, callbackify,
// TextEncoder, TextDecoder, stripVTControlCharacters and a few legacy
// helpers.

const inspectModule = require('internal/inspect');
const types = require('internal/types');
const comparisons = require('internal/comparisons');
const errors = require('internal/errors');
const utf8 = require('internal/utf8');

const { inspect, formatNumber, formatBigInt, stylizeNoColor, builtInObjects } = inspectModule;

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

// ---------------------------------------------------------------------------
// format

// Whether `value` would print through a toString that comes from a builtin
// (in which case %s shows the inspected value instead).
function hasBuiltInToString(value) {
  let pointer = value;
  if (typeof value.toString !== 'function') return true;
  if (hasOwn(value, 'toString')) return false;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (pointer !== null && !hasOwn(pointer, 'toString'));
  if (pointer === null) return true;
  const desc = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
}

let circularMessage;
function jsonCircularMessage() {
  if (circularMessage === undefined) {
    try {
      const a = {};
      a.a = a;
      JSON.stringify(a);
    } catch (e) {
      circularMessage = String(e && e.message).split('\n')[0];
    }
  }
  return circularMessage;
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err && err.name === 'TypeError' &&
        String(err.message).split('\n')[0] === jsonCircularMessage()) {
      return '[Circular]';
    }
    throw err;
  }
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    let tempStr;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatNumber(stylizeNoColor, arg, false);
            else if (typeof arg === 'bigint') tempStr = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
            else tempStr = inspect(arg, Object.assign({}, inspectOptions, { depth: 0, colors: false, compact: 3 }));
            break;
          }
          case 106: // 'j'
            tempStr = tryStringify(args[++a]);
            break;
          case 100: { // 'd'
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, Number(arg), false);
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a], inspectOptions);
            break;
          case 111: // 'o'
            tempStr = inspect(args[++a], Object.assign({}, inspectOptions, { showHidden: true, showProxy: true, depth: 4 }));
            break;
          case 105: { // 'i'
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, Number.parseInt(arg), false);
            break;
          }
          case 102: { // 'f'
            const arg = args[++a];
            if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, Number.parseFloat(arg), false);
            break;
          }
          case 99: // 'c'
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw errors.ERR_INVALID_ARG_TYPE('inspectOptions', 'Object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

// ---------------------------------------------------------------------------
// Misc helpers

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw errors.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw errors.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw errors.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const warnedCodes = new Set();

function emitDeprecationWarning(msg, code) {
  const proc = globalThis.process;
  if (proc && proc.noDeprecation) return;
  if (proc && typeof proc.emitWarning === 'function') {
    proc.emitWarning(msg, 'DeprecationWarning', code);
    return;
  }
  if (typeof console !== 'undefined' && console && typeof console.error === 'function') {
    console.error(`${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}`);
  }
}

function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code === undefined || !warnedCodes.has(code)) {
        if (code !== undefined) warnedCodes.add(code);
        emitDeprecationWarning(msg, code);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return fn.apply(this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisify, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) reject(err);
        else resolve(values[0]);
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    try {
      Object.defineProperty(fn, key, descriptors[key]);
    } catch (e) {
      // Non-configurable own property of `fn` (e.g. `prototype`): skip.
    }
  }
  return fn;
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const cb = args.pop();
    validateFunction(cb, 'last argument');
    const onRejected = (reason) => {
      if (!reason) reason = errors.ERR_FALSY_VALUE_REJECTION(reason);
      cb(reason);
    };
    Reflect.apply(original, this, args).then((value) => cb(null, value), onRejected);
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (descriptors.name && typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  for (const key of Reflect.ownKeys(descriptors)) {
    try {
      Object.defineProperty(callbackified, key, descriptors[key]);
    } catch (e) {
      // Skip properties that cannot be redefined.
    }
  }
  return callbackified;
}

function debuglog() {
  const logger = function() {};
  logger.enabled = false;
  return logger;
}

function toUSVString(str) {
  str = `${str}`;
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
        continue;
      }
    }
    out += (c >= 0xd800 && c <= 0xdfff) ? '\ufffd' : str[i];
  }
  return out;
}

const publicTypes = {};
for (const name of [
  'isPromise', 'isRegExp', 'isDate', 'isMap', 'isSet', 'isWeakMap', 'isWeakSet',
  'isNativeError', 'isTypedArray', 'isArrayBufferView', 'isArrayBuffer', 'isSharedArrayBuffer',
  'isAnyArrayBuffer', 'isDataView', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array',
  'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array', 'isFloat32Array',
  'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array', 'isNumberObject', 'isStringObject',
  'isBooleanObject', 'isBigIntObject', 'isSymbolObject', 'isBoxedPrimitive',
  'isArgumentsObject', 'isGeneratorFunction', 'isAsyncFunction', 'isGeneratorObject',
  'isMapIterator', 'isSetIterator', 'isWeakRef', 'isModuleNamespaceObject',
]) {
  publicTypes[name] = types[name];
}

module.exports = {
  inspect,
  format,
  formatWithOptions,
  isDeepStrictEqual: comparisons.isDeepStrictEqual,
  types: publicTypes,
  inherits,
  deprecate,
  promisify,
  callbackify,
  debuglog,
  debug: debuglog,
  toUSVString,
  stripVTControlCharacters: inspectModule.stripVTControlCharacters,
  TextEncoder: utf8.TextEncoder,
  TextDecoder: utf8.TextDecoder,
  isArray: Array.isArray,
  isError: types.isError,
};
