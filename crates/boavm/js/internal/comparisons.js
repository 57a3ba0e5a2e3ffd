'use strict';
// Builtin name: 'internal/comparisons'
//
// Deep equality with the semantics of Node's assert.deepEqual (loose) and
// assert.deepStrictEqual / util.isDeepStrictEqual (strict).
//
// Strict mode compares prototypes, so values from another realm (whose
// Array/Object prototypes differ) are not strictly deep-equal to local ones,
// exactly like in Node. Loose mode ignores prototypes.

const P = require('internal/primordials');
const {
  ArrayIsArray, ArrayPrototypePush, MapIteratorPrototypeNext, SetIteratorPrototypeNext, ArrayPrototypeSplice, BigIntPrototypeValueOf,
  BooleanPrototypeValueOf, DatePrototypeGetTime, NumberIsNaN,
  NumberPrototypeValueOf, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf, ObjectIs, ObjectKeys, ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable, ReflectApply, SafeMap, SafeSet, StringPrototypeValueOf,
  SymbolPrototypeValueOf, Uint8Array, regExpTest,
} = P;

const types = require('internal/types');

const hasOwn = (obj, key) => ObjectPrototypeHasOwnProperty(obj, key);
const isEnumerable = (obj, key) => ObjectPrototypePropertyIsEnumerable(obj, key);

// (Uncurried: the receiver is the first argument.)
const regExpSource = P.RegExpPrototypeGetSource;
const regExpFlags = P.RegExpPrototypeGetFlags;
const setHas = P.SetPrototypeHas;
const setValues = P.SetPrototypeValues;
const mapHas = P.MapPrototypeHas;
const mapGet = P.MapPrototypeGet;
const mapEntries = P.MapPrototypeEntries;
const setSize = P.SetPrototypeGetSize;
const mapSize = P.MapPrototypeGetSize;

const ITER_NONE = 0;
const ITER_ARRAY = 1;
const ITER_SET = 2;
const ITER_MAP = 3;

function iterate(iterFn, obj) {
  const out = [];
  const it = iterFn(obj);
  // The iterator's `next` as captured (a Map or Set iterator).
  const next = iterFn === mapEntries ? MapIteratorPrototypeNext : SetIteratorPrototypeNext;
  for (let step = next(it); !step.done; step = next(it)) ArrayPrototypePush(out, step.value);
  return out;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function similarRegExps(a, b) {
  return regExpSource(a) === regExpSource(b) &&
    regExpFlags(a) === regExpFlags(b) &&
    a.lastIndex === b.lastIndex;
}

function similarFloatArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function boxedEqual(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) &&
      ObjectIs(NumberPrototypeValueOf(a), NumberPrototypeValueOf(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) && StringPrototypeValueOf(a) === StringPrototypeValueOf(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) && BooleanPrototypeValueOf(a) === BooleanPrototypeValueOf(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) && BigIntPrototypeValueOf(a) === BigIntPrototypeValueOf(b);
  }
  if (types.isSymbolObject(a)) {
    return types.isSymbolObject(b) && SymbolPrototypeValueOf(a) === SymbolPrototypeValueOf(b);
  }
  return false;
}

function isErrorLike(value) {
  return types.isError(value);
}

function isSpecialObject(value) {
  return ArrayIsArray(value) || types.isArrayBufferView(value) || types.isSet(value) ||
    types.isMap(value) || types.isDate(value) || types.isRegExp(value) ||
    types.isAnyArrayBuffer(value) || types.isBoxedPrimitive(value) || isErrorLike(value);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) {
    if (a !== 0) return true;
    return strict ? ObjectIs(a, b) : true;
  }
  if (strict) {
    if (typeof a !== 'object') {
      return typeof a === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
    }
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (NumberIsNaN(a) && NumberIsNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const aTag = types.tagOf(a);
  const bTag = types.tagOf(b);
  if (aTag !== bTag) return false;

  if (ArrayIsArray(a)) {
    if (!ArrayIsArray(b) || a.length !== b.length) return false;
    const aKeys = types.getOwnNonIndexProperties(a, true, !strict);
    const bKeys = types.getOwnNonIndexProperties(b, true, !strict);
    if (aKeys.length !== bKeys.length) return false;
    return keyCheck(a, b, strict, memos, ITER_ARRAY, aKeys);
  } else if (aTag === '[object Object]') {
    return keyCheck(a, b, strict, memos, ITER_NONE);
  } else if (types.isDate(a)) {
    if (!types.isDate(b) || DatePrototypeGetTime(a) !== DatePrototypeGetTime(b)) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || !similarRegExps(a, b)) return false;
  } else if (isErrorLike(a)) {
    if (!isErrorLike(b) || a.message !== b.message || a.name !== b.name) return false;
  } else if (types.isArrayBufferView(a)) {
    if (!types.isArrayBufferView(b)) return false;
    if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
      if (!similarFloatArrays(a, b)) return false;
    } else if (!sameBytes(bytesOf(a), bytesOf(b))) {
      return false;
    }
    const aKeys = types.getOwnNonIndexProperties(a, true, !strict);
    const bKeys = types.getOwnNonIndexProperties(b, true, !strict);
    if (aKeys.length !== bKeys.length) return false;
    return keyCheck(a, b, strict, memos, ITER_NONE, aKeys);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || setSize(a) !== setSize(b)) return false;
    return keyCheck(a, b, strict, memos, ITER_SET);
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || mapSize(a) !== mapSize(b)) return false;
    return keyCheck(a, b, strict, memos, ITER_MAP);
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!boxedEqual(a, b)) return false;
  } else if (isSpecialObject(b)) {
    return false;
  }
  return keyCheck(a, b, strict, memos, ITER_NONE);
}

function countEnumerable(obj, keys) {
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    if (isEnumerable(obj, keys[i])) n++;
  }
  return n;
}

function keyCheck(a, b, strict, memos, iterationType, aKeys) {
  const keysGiven = aKeys !== undefined;
  if (!keysGiven) {
    aKeys = ObjectKeys(a);
    const bKeys = ObjectKeys(b);
    if (aKeys.length !== bKeys.length) return false;
  }
  for (let i = 0; i < aKeys.length; i++) {
    if (!isEnumerable(b, aKeys[i])) return false;
  }
  if (strict && !keysGiven) {
    const aSymbols = ObjectGetOwnPropertySymbols(a);
    if (aSymbols.length !== 0) {
      let count = 0;
      for (let i = 0; i < aSymbols.length; i++) {
        const key = aSymbols[i];
        if (isEnumerable(a, key)) {
          if (!isEnumerable(b, key)) return false;
          ArrayPrototypePush(aKeys, key);
          count++;
        } else if (isEnumerable(b, key)) {
          return false;
        }
      }
      const bSymbols = ObjectGetOwnPropertySymbols(b);
      if (aSymbols.length !== bSymbols.length && countEnumerable(b, bSymbols) !== count) return false;
    } else {
      const bSymbols = ObjectGetOwnPropertySymbols(b);
      if (bSymbols.length !== 0 && countEnumerable(b, bSymbols) !== 0) return false;
    }
  }
  if (aKeys.length === 0 &&
      (iterationType === ITER_NONE ||
       (iterationType === ITER_ARRAY && a.length === 0) ||
       (iterationType === ITER_SET && setSize(a) === 0) ||
       (iterationType === ITER_MAP && mapSize(a) === 0))) {
    return true;
  }

  // Cycle detection: when both values are already being compared further up
  // (each on its own side), the pair is assumed equal.
  if (memos === undefined) {
    memos = { a: new SafeSet(), b: new SafeSet() };
  } else if (memos.a.has(a) && memos.b.has(b)) {
    return true;
  }
  const addedA = !memos.a.has(a);
  const addedB = !memos.b.has(b);
  if (addedA) memos.a.add(a);
  if (addedB) memos.b.add(b);
  const result = objEquiv(a, b, strict, aKeys, memos, iterationType);
  if (addedA) memos.a.delete(a);
  if (addedB) memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === ITER_SET) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === ITER_MAP) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === ITER_ARRAY) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // Sparse array: compare the remaining own keys.
        const aOwn = ObjectKeys(a);
        for (let k = i; k < aOwn.length; k++) {
          const key = aOwn[k];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        return aOwn.length === ObjectKeys(b).length;
      }
    }
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

function isObjectValue(v) {
  return typeof v === 'object' && v !== null;
}

// Loose mode only: whether a primitive of `a` missing from `b` could still
// have a loosely equal counterpart in `b`.
function mightHaveLoosePrim(a, b, prim, hasFn) {
  switch (typeof prim) {
    case 'undefined':
      return hasFn(b, null) && !hasFn(a, null);
    case 'object':
      return hasFn(b, undefined) && !hasFn(a, undefined);
    case 'symbol':
      return false;
    case 'string':
      return !NumberIsNaN(+prim);
    case 'number':
      return !NumberIsNaN(prim);
    default:
      return true;
  }
}

// Removes from `candidates` the first element deep-equal to `value`.
function takeEqual(candidates, value, strict, memos) {
  for (let i = 0; i < candidates.length; i++) {
    if (innerDeepEqual(value, candidates[i], strict, memos)) {
      ArrayPrototypeSplice(candidates, i, 1);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  const aValues = iterate(setValues, a);
  const bValues = iterate(setValues, b);
  // Values of `a` without an identical counterpart in `b`.
  const pending = [];
  for (let i = 0; i < aValues.length; i++) {
    const value = aValues[i];
    if (isObjectValue(value)) {
      ArrayPrototypePush(pending, value);
    } else if (!setHas(b, value)) {
      if (strict) return false;
      if (!mightHaveLoosePrim(a, b, value, setHas)) return false;
      ArrayPrototypePush(pending, value);
    }
  }
  if (pending.length === 0) return true;
  for (let i = 0; i < bValues.length; i++) {
    const value = bValues[i];
    if (isObjectValue(value)) {
      if (!takeEqual(pending, value, strict, memos)) return false;
    } else if (!strict && !setHas(a, value) && !takeEqual(pending, value, strict, memos)) {
      return false;
    }
  }
  return pending.length === 0;
}

function mapEquiv(a, b, strict, memos) {
  const aEntries = iterate(mapEntries, a);
  const bEntries = iterate(mapEntries, b);
  const pending = [];
  for (let i = 0; i < aEntries.length; i++) {
    const key = aEntries[i][0];
    const value = aEntries[i][1];
    if (isObjectValue(key)) {
      ArrayPrototypePush(pending, [key, value]);
    } else {
      const other = mapGet(b, key);
      if ((other === undefined && !mapHas(b, key)) || !innerDeepEqual(value, other, strict, memos)) {
        if (strict) return false;
        if (!mightHaveLoosePrim(a, b, key, mapHas)) return false;
        ArrayPrototypePush(pending, [key, value]);
      }
    }
  }
  if (pending.length === 0) return true;
  for (let i = 0; i < bEntries.length; i++) {
    const key = bEntries[i][0];
    const value = bEntries[i][1];
    if (isObjectValue(key)) {
      if (!takeEqualEntry(pending, key, value, strict, memos)) return false;
    } else if (!strict &&
               (!mapHas(a, key) || !innerDeepEqual(mapGet(a, key), value, false, memos)) &&
               !takeEqualEntry(pending, key, value, strict, memos)) {
      return false;
    }
  }
  return pending.length === 0;
}

function takeEqualEntry(pending, key, value, strict, memos) {
  for (let i = 0; i < pending.length; i++) {
    if (innerDeepEqual(key, pending[i][0], strict, memos) &&
        innerDeepEqual(value, pending[i][1], strict, memos)) {
      ArrayPrototypeSplice(pending, i, 1);
      return true;
    }
  }
  return false;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
