'use strict';
// Builtin name: 'internal/types'
//
// Brand checks for builtin objects, written with plain ECMAScript only.
// Each check calls an intrinsic accessor or method that throws a TypeError
// when its receiver lacks the expected internal slot, so the checks also work
// for objects created in another realm (vm contexts), where `instanceof`
// against this realm's constructors would fail.

const P = require('internal/primordials');
const {
  ArrayPrototypePush, Error, Number, ObjectGetOwnPropertyNames, ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf, ObjectIsExtensible, ObjectPrototypeHasOwnProperty, ObjectPrototypeIsPrototypeOf,
  ObjectPrototypePropertyIsEnumerable, ObjectPrototypeToString, StringPrototypeCharCodeAt,
} = P;

// (Uncurried: the receiver is the first argument.)
const hasOwnProperty = ObjectPrototypeHasOwnProperty;
const mapSizeGetter = P.MapPrototypeGetSize;
const setSizeGetter = P.SetPrototypeGetSize;
const weakMapHas = P.WeakMapPrototypeHas;
const weakSetHas = P.WeakSetPrototypeHas;
const dateGetTime = P.DatePrototypeGetTime;
const regExpGlobalGetter = P.RegExpPrototypeGetGlobal;
const typedArrayTagGetter = P.TypedArrayPrototypeGetSymbolToStringTag;
const arrayBufferByteLength = P.ArrayBufferPrototypeGetByteLength;
const sharedArrayBufferByteLength = P.SharedArrayBufferPrototypeGetByteLength;
const dataViewBufferGetter = P.DataViewPrototypeGetBuffer;
const numberValueOf = P.NumberPrototypeValueOf;
const stringValueOf = P.StringPrototypeValueOf;
const booleanValueOf = P.BooleanPrototypeValueOf;
const bigIntValueOf = P.BigIntPrototypeValueOf;
const symbolValueOf = P.SymbolPrototypeValueOf;
const weakRefDeref = P.WeakRefPrototypeDeref;
const ErrorPrototype = Error.prototype;

function isObjectLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

function succeeds(fn, receiver, arg) {
  if (fn === undefined) return false;
  try {
    fn(receiver, arg);
    return true;
  } catch (e) {
    return false;
  }
}

function tagOf(value) {
  return ObjectPrototypeToString(value);
}

function isMap(value) {
  return isObjectLike(value) && succeeds(mapSizeGetter, value);
}

function isSet(value) {
  return isObjectLike(value) && succeeds(setSizeGetter, value);
}

function isWeakMap(value) {
  return isObjectLike(value) && succeeds(weakMapHas, value, {});
}

function isWeakSet(value) {
  return isObjectLike(value) && succeeds(weakSetHas, value, {});
}

function isWeakRef(value) {
  return isObjectLike(value) && succeeds(weakRefDeref, value);
}

function isDate(value) {
  return isObjectLike(value) && succeeds(dateGetTime, value);
}

function isRegExp(value) {
  if (!isObjectLike(value)) return false;
  try {
    // Returns undefined only for %RegExp.prototype% itself.
    return regExpGlobalGetter(value) !== undefined;
  } catch (e) {
    return false;
  }
}

function typedArrayName(value) {
  if (!isObjectLike(value)) return undefined;
  try {
    return typedArrayTagGetter(value);
  } catch (e) {
    return undefined;
  }
}

function isTypedArray(value) {
  return typedArrayName(value) !== undefined;
}

function typedArrayChecker(name) {
  return function(value) {
    return typedArrayName(value) === name;
  };
}

function isArrayBuffer(value) {
  return isObjectLike(value) && succeeds(arrayBufferByteLength, value);
}

function isSharedArrayBuffer(value) {
  return isObjectLike(value) && succeeds(sharedArrayBufferByteLength, value);
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}

function isDataView(value) {
  return isObjectLike(value) && succeeds(dataViewBufferGetter, value);
}

function isArrayBufferView(value) {
  return isTypedArray(value) || isDataView(value);
}

function isNumberObject(value) {
  return typeof value === 'object' && value !== null && succeeds(numberValueOf, value);
}

function isStringObject(value) {
  return typeof value === 'object' && value !== null && succeeds(stringValueOf, value);
}

function isBooleanObject(value) {
  return typeof value === 'object' && value !== null && succeeds(booleanValueOf, value);
}

function isBigIntObject(value) {
  return typeof value === 'object' && value !== null && succeeds(bigIntValueOf, value);
}

function isSymbolObject(value) {
  return typeof value === 'object' && value !== null && succeeds(symbolValueOf, value);
}

function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
}

// Host hook: `globalThis.__boavm_promiseState(value)` returns
// { state: 'pending' | 'fulfilled' | 'rejected', value } for promises and
// undefined (or throws) for anything else.
function promiseStateHook() {
  const hook = globalThis.__boavm_promiseState;
  return typeof hook === 'function' ? hook : undefined;
}

function getPromiseState(value) {
  const hook = promiseStateHook();
  if (hook === undefined) return undefined;
  try {
    const res = hook(value);
    if (res !== null && typeof res === 'object' && typeof res.state === 'string') return res;
  } catch (e) {
    // Not a promise.
  }
  return undefined;
}

function isPromise(value) {
  if (!isObjectLike(value)) return false;
  if (getPromiseState(value) !== undefined) return true;
  return tagOf(value) === '[object Promise]';
}

function isNativeError(value) {
  return isObjectLike(value) && tagOf(value) === '[object Error]';
}

function isError(value) {
  if (!isObjectLike(value)) return false;
  if (isNativeError(value)) return true;
  try {
    return ObjectPrototypeIsPrototypeOf(ErrorPrototype, value);
  } catch (e) {
    return false;
  }
}

function isArgumentsObject(value) {
  return isObjectLike(value) && tagOf(value) === '[object Arguments]';
}

function isGeneratorFunction(value) {
  if (typeof value !== 'function') return false;
  const t = tagOf(value);
  return t === '[object GeneratorFunction]' || t === '[object AsyncGeneratorFunction]';
}

function isAsyncFunction(value) {
  if (typeof value !== 'function') return false;
  const t = tagOf(value);
  return t === '[object AsyncFunction]' || t === '[object AsyncGeneratorFunction]';
}

function isGeneratorObject(value) {
  if (!isObjectLike(value)) return false;
  const t = tagOf(value);
  return t === '[object Generator]' || t === '[object AsyncGenerator]';
}

function isMapIterator(value) {
  return isObjectLike(value) && tagOf(value) === '[object Map Iterator]';
}

function isSetIterator(value) {
  return isObjectLike(value) && tagOf(value) === '[object Set Iterator]';
}

function isModuleNamespaceObject(value) {
  return isObjectLike(value) && ObjectGetPrototypeOf(value) === null &&
    tagOf(value) === '[object Module]' && !ObjectIsExtensible(value);
}

// Returns the own keys of `value` that are not array indices. With
// `onlyEnumerable` the non-enumerable ones are left out; with `skipSymbols`
// symbols are left out.
function isArrayIndexKey(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
  if (key.length > 1 && StringPrototypeCharCodeAt(key, 0) === 48) return false;
  for (let i = 0; i < key.length; i++) {
    const c = StringPrototypeCharCodeAt(key, i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}

function getOwnNonIndexProperties(value, onlyEnumerable, skipSymbols) {
  const names = ObjectGetOwnPropertyNames(value);
  const out = [];
  for (let i = 0; i < names.length; i++) {
    const key = names[i];
    if (isArrayIndexKey(key)) continue;
    if (onlyEnumerable && !ObjectPrototypePropertyIsEnumerable(value, key)) continue;
    ArrayPrototypePush(out, key);
  }
  if (!skipSymbols) {
    const symbols = ObjectGetOwnPropertySymbols(value);
    for (let i = 0; i < symbols.length; i++) {
      if (onlyEnumerable && !ObjectPrototypePropertyIsEnumerable(value, symbols[i])) continue;
      ArrayPrototypePush(out, symbols[i]);
    }
  }
  return out;
}

module.exports = {
  hasOwnProperty,
  isObjectLike,
  tagOf,
  isMap,
  isSet,
  isWeakMap,
  isWeakSet,
  isWeakRef,
  isDate,
  isRegExp,
  isTypedArray,
  typedArrayName,
  isUint8Array: typedArrayChecker('Uint8Array'),
  isUint8ClampedArray: typedArrayChecker('Uint8ClampedArray'),
  isUint16Array: typedArrayChecker('Uint16Array'),
  isUint32Array: typedArrayChecker('Uint32Array'),
  isInt8Array: typedArrayChecker('Int8Array'),
  isInt16Array: typedArrayChecker('Int16Array'),
  isInt32Array: typedArrayChecker('Int32Array'),
  isFloat32Array: typedArrayChecker('Float32Array'),
  isFloat64Array: typedArrayChecker('Float64Array'),
  isBigInt64Array: typedArrayChecker('BigInt64Array'),
  isBigUint64Array: typedArrayChecker('BigUint64Array'),
  isArrayBuffer,
  isSharedArrayBuffer,
  isAnyArrayBuffer,
  isDataView,
  isArrayBufferView,
  isNumberObject,
  isStringObject,
  isBooleanObject,
  isBigIntObject,
  isSymbolObject,
  isBoxedPrimitive,
  isPromise,
  getPromiseState,
  isNativeError,
  isError,
  isArgumentsObject,
  isGeneratorFunction,
  isAsyncFunction,
  isGeneratorObject,
  isMapIterator,
  isSetIterator,
  isModuleNamespaceObject,
  isArrayIndexKey,
  getOwnNonIndexProperties,
};
