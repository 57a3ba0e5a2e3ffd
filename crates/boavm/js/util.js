'use strict';
// Builtin name: 'util'
//
// A subset of Node's `node:util`: inspect, format, formatWithOptions,
// isDeepStrictEqual, types, inherits, deprecate, promisify, callbackify,
// TextEncoder, TextDecoder, stripVTControlCharacters and a few legacy
// helpers.

const {
  ArrayIsArray, ArrayPrototypePop, ArrayPrototypePush, JSONStringify, Number, NumberParseFloat, NumberParseInt,
  ObjectAssign, ObjectDefineProperty, ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyDescriptors, ObjectGetPrototypeOf, ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf, Promise, ReflectApply, ReflectConstruct, ReflectOwnKeys, String,
  StringPrototypeCharCodeAt, StringPrototypeSlice, StringPrototypeSplit, SymbolFor,
  SafeSet, PromisePrototypeThen,
} = require('internal/primordials');

const inspectModule = require('internal/inspect');
const types = require('internal/types');
const comparisons = require('internal/comparisons');
const errors = require('internal/errors');
const utf8 = require('internal/utf8');

const { inspect, formatNumber, formatBigInt, stylizeNoColor, builtInObjects } = inspectModule;

const hasOwn = (obj, key) => ObjectPrototypeHasOwnProperty(obj, key);

// ---------------------------------------------------------------------------
// format

// Whether `value` would print through a toString that comes from a builtin
// (in which case %s shows the inspected value instead).
function hasBuiltInToString(value) {
  let pointer = value;
  if (typeof value.toString !== 'function') return true;
  if (hasOwn(value, 'toString')) return false;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (pointer !== null && !hasOwn(pointer, 'toString'));
  if (pointer === null) return true;
  const desc = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
}

let circularMessage;
function jsonCircularMessage() {
  if (circularMessage === undefined) {
    try {
      const a = {};
      a.a = a;
      JSONStringify(a);
    } catch (e) {
      circularMessage = StringPrototypeSplit(String(e && e.message), '\n')[0];
    }
  }
  return circularMessage;
}

function tryStringify(arg) {
  try {
    return JSONStringify(arg);
  } catch (err) {
    if (err && err.name === 'TypeError' &&
        StringPrototypeSplit(String(err.message), '\n')[0] === jsonCircularMessage()) {
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
      if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
      const nextChar = StringPrototypeCharCodeAt(first, ++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatNumber(stylizeNoColor, arg, false);
            else if (typeof arg === 'bigint') tempStr = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
            else tempStr = inspect(arg, ObjectAssign({}, inspectOptions, { depth: 0, colors: false, compact: 3 }));
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
            tempStr = inspect(args[++a], ObjectAssign({}, inspectOptions, { showHidden: true, showProxy: true, depth: 4 }));
            break;
          case 105: { // 'i'
            const arg = args[++a];
            if (typeof arg === 'bigint') tempStr = formatBigInt(stylizeNoColor, arg, false);
            else if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, NumberParseInt(arg), false);
            break;
          }
          case 102: { // 'f'
            const arg = args[++a];
            if (typeof arg === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, NumberParseFloat(arg), false);
            break;
          }
          case 99: // 'c'
            a += 1;
            tempStr = '';
            break;
          case 37: // '%'
            str += StringPrototypeSlice(first, lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += StringPrototypeSlice(first, lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += StringPrototypeSlice(first, lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += StringPrototypeSlice(first, lastPos);
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
  ObjectDefineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}

const warnedCodes = new SafeSet();

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
    if (new.target) return ReflectConstruct(fn, args, new.target);
    return ReflectApply(fn, this, args);
  }
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

const kCustomPromisify = SymbolFor('nodejs.util.promisify.custom');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return ObjectDefineProperty(fn, kCustomPromisify, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      ArrayPrototypePush(args, (err, ...values) => {
        if (err) reject(err);
        else resolve(values[0]);
      });
      ReflectApply(original, this, args);
    });
  }
  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustomPromisify, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  const fnKeys = ReflectOwnKeys(descriptors);
  for (let i = 0; i < fnKeys.length; i++) {
    const key = fnKeys[i];
    try {
      ObjectDefineProperty(fn, key, descriptors[key]);
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
    const cb = ArrayPrototypePop(args);
    validateFunction(cb, 'last argument');
    const onRejected = (reason) => {
      if (!reason) reason = errors.ERR_FALSY_VALUE_REJECTION(reason);
      cb(reason);
    };
    PromisePrototypeThen(ReflectApply(original, this, args), (value) => cb(null, value), onRejected);
  }
  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (descriptors.name && typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  const cbKeys = ReflectOwnKeys(descriptors);
  for (let i = 0; i < cbKeys.length; i++) {
    const key = cbKeys[i];
    try {
      ObjectDefineProperty(callbackified, key, descriptors[key]);
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
    const c = StringPrototypeCharCodeAt(str, i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = StringPrototypeCharCodeAt(str, i + 1);
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
const publicTypeNames = [
  'isPromise', 'isRegExp', 'isDate', 'isMap', 'isSet', 'isWeakMap', 'isWeakSet',
  'isNativeError', 'isTypedArray', 'isArrayBufferView', 'isArrayBuffer', 'isSharedArrayBuffer',
  'isAnyArrayBuffer', 'isDataView', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array',
  'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array', 'isFloat32Array',
  'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array', 'isNumberObject', 'isStringObject',
  'isBooleanObject', 'isBigIntObject', 'isSymbolObject', 'isBoxedPrimitive',
  'isArgumentsObject', 'isGeneratorFunction', 'isAsyncFunction', 'isGeneratorObject',
  'isMapIterator', 'isSetIterator', 'isWeakRef', 'isModuleNamespaceObject',
];
for (let i = 0; i < publicTypeNames.length; i++) {
  const name = publicTypeNames[i];
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
  isArray: ArrayIsArray,
  isError: types.isError,
};
