'use strict';
// Builtin name: 'internal/comparisons'
//
// Deep equality with the semantics of Node's assert.deepEqual (loose) and
// assert.deepStrictEqual / util.isDeepStrictEqual (strict).
//
// Strict mode compares prototypes, so values from another realm (whose
// Array/Object prototypes differ) are not strictly deep-equal to local ones,
// exactly like in Node. Loose mode ignores prototypes.

const types = require('internal/types');

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const isEnumerable = (obj, key) => Object.prototype.propertyIsEnumerable.call(obj, key);

const regExpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const regExpFlags = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
const setHas = Set.prototype.has;
const setValues = Set.prototype.values;
const mapHas = Map.prototype.has;
const mapGet = Map.prototype.get;
const mapEntries = Map.prototype.entries;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;

const ITER_NONE = 0;
const ITER_ARRAY = 1;
const ITER_SET = 2;
const ITER_MAP = 3;

function iterate(iterFn, obj) {
  const out = [];
  const it = iterFn.call(obj);
  for (let step = it.next(); !step.done; step = it.next()) out.push(step.value);
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
  return regExpSource.call(a) === regExpSource.call(b) &&
    regExpFlags.call(a) === regExpFlags.call(b) &&
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
      Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (types.isSymbolObject(a)) {
    return types.isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

function isErrorLike(value) {
  return types.isError(value);
}

function isSpecialObject(value) {
  return Array.isArray(value) || types.isArrayBufferView(value) || types.isSet(value) ||
    types.isMap(value) || types.isDate(value) || types.isRegExp(value) ||
    types.isAnyArrayBuffer(value) || types.isBoxedPrimitive(value) || isErrorLike(value);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) {
    if (a !== 0) return true;
    return strict ? Object.is(a, b) : true;
  }
  if (strict) {
    if (typeof a !== 'object') {
      return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    }
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const aTag = types.tagOf(a);
  const bTag = types.tagOf(b);
  if (aTag !== bTag) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const aKeys = types.getOwnNonIndexProperties(a, true, !strict);
    const bKeys = types.getOwnNonIndexProperties(b, true, !strict);
    if (aKeys.length !== bKeys.length) return false;
    return keyCheck(a, b, strict, memos, ITER_ARRAY, aKeys);
  } else if (aTag === '[object Object]') {
    return keyCheck(a, b, strict, memos, ITER_NONE);
  } else if (types.isDate(a)) {
    if (!types.isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
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
    if (!types.isSet(b) || setSize.call(a) !== setSize.call(b)) return false;
    return keyCheck(a, b, strict, memos, ITER_SET);
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || mapSize.call(a) !== mapSize.call(b)) return false;
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
    aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    if (aKeys.length !== bKeys.length) return false;
  }
  for (let i = 0; i < aKeys.length; i++) {
    if (!isEnumerable(b, aKeys[i])) return false;
  }
  if (strict && !keysGiven) {
    const aSymbols = Object.getOwnPropertySymbols(a);
    if (aSymbols.length !== 0) {
      let count = 0;
      for (let i = 0; i < aSymbols.length; i++) {
        const key = aSymbols[i];
        if (isEnumerable(a, key)) {
          if (!isEnumerable(b, key)) return false;
          aKeys.push(key);
          count++;
        } else if (isEnumerable(b, key)) {
          return false;
        }
      }
      const bSymbols = Object.getOwnPropertySymbols(b);
      if (aSymbols.length !== bSymbols.length && countEnumerable(b, bSymbols) !== count) return false;
    } else {
      const bSymbols = Object.getOwnPropertySymbols(b);
      if (bSymbols.length !== 0 && countEnumerable(b, bSymbols) !== 0) return false;
    }
  }
  if (aKeys.length === 0 &&
      (iterationType === ITER_NONE ||
       (iterationType === ITER_ARRAY && a.length === 0) ||
       (iterationType === ITER_SET && setSize.call(a) === 0) ||
       (iterationType === ITER_MAP && mapSize.call(a) === 0))) {
    return true;
  }

  // Cycle detection: when both values are already being compared further up
  // (each on its own side), the pair is assumed equal.
  if (memos === undefined) {
    memos = { a: new Set(), b: new Set() };
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
        const aOwn = Object.keys(a);
        for (let k = i; k < aOwn.length; k++) {
          const key = aOwn[k];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        return aOwn.length === Object.keys(b).length;
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
      return hasFn.call(b, null) && !hasFn.call(a, null);
    case 'object':
      return hasFn.call(b, undefined) && !hasFn.call(a, undefined);
    case 'symbol':
      return false;
    case 'string':
      return !Number.isNaN(+prim);
    case 'number':
      return !Number.isNaN(prim);
    default:
      return true;
  }
}

// Removes from `candidates` the first element deep-equal to `value`.
function takeEqual(candidates, value, strict, memos) {
  for (let i = 0; i < candidates.length; i++) {
    if (innerDeepEqual(value, candidates[i], strict, memos)) {
      candidates.splice(i, 1);
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
  for (const value of aValues) {
    if (isObjectValue(value)) {
      pending.push(value);
    } else if (!setHas.call(b, value)) {
      if (strict) return false;
      if (!mightHaveLoosePrim(a, b, value, setHas)) return false;
      pending.push(value);
    }
  }
  if (pending.length === 0) return true;
  for (const value of bValues) {
    if (isObjectValue(value)) {
      if (!takeEqual(pending, value, strict, memos)) return false;
    } else if (!strict && !setHas.call(a, value) && !takeEqual(pending, value, strict, memos)) {
      return false;
    }
  }
  return pending.length === 0;
}

function mapEquiv(a, b, strict, memos) {
  const aEntries = iterate(mapEntries, a);
  const bEntries = iterate(mapEntries, b);
  const pending = [];
  for (const [key, value] of aEntries) {
    if (isObjectValue(key)) {
      pending.push([key, value]);
    } else {
      const other = mapGet.call(b, key);
      if ((other === undefined && !mapHas.call(b, key)) || !innerDeepEqual(value, other, strict, memos)) {
        if (strict) return false;
        if (!mightHaveLoosePrim(a, b, key, mapHas)) return false;
        pending.push([key, value]);
      }
    }
  }
  if (pending.length === 0) return true;
  for (const [key, value] of bEntries) {
    if (isObjectValue(key)) {
      if (!takeEqualEntry(pending, key, value, strict, memos)) return false;
    } else if (!strict &&
               (!mapHas.call(a, key) || !innerDeepEqual(mapGet.call(a, key), value, false, memos)) &&
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
      pending.splice(i, 1);
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
