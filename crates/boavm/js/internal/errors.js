'use strict';
// Builtin name: 'internal/errors'
//
// Node-style errors: a builtin error (TypeError, RangeError, ...) with an own
// enumerable `code` property and a stack whose first line reads
// "TypeError [ERR_CODE]: message", as Node prints them.

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
  ArrayPrototypeMap, ArrayPrototypePush, ArrayPrototypeShift, ArrayPrototypeSlice,
  ArrayPrototypeSplice, Error, MathAbs, NumberIsInteger, ObjectDefineProperty, RangeError, String,
  TypeError,
  StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeSlice,
  StringPrototypeSplit, StringPrototypeToLowerCase,
  ErrorPrototypeGetStack, regExpTest, regExpReplace,
} = require('internal/primordials');

let inspectModule;
function lazyInspect(value, opts) {
  if (inspectModule === undefined) inspectModule = require('internal/inspect');
  return inspectModule.inspect(value, opts);
}

// Rewrites the first line of `err.stack` to `header: message`. Engines whose
// `stack` holds only the frames (Boa) get the header added in front.
// Hosts should load the builtins under the file names "node:<builtin name>"
// so that their frames can be recognised.
function setStackHeader(err, header) {
  let stack;
  try {
    // Boa keeps `stack` as an accessor on Error.prototype (read through the captured getter);
    // V8 (the js-tests harness) as an own property of each error.
    stack = ErrorPrototypeGetStack === undefined ? err.stack : ErrorPrototypeGetStack(err);
  } catch (e) {
    return;
  }
  if (typeof stack !== 'string') return;
  let frames = '';
  if (regExpTest(/^\s+at /, stack)) {
    frames = regExpReplace(/\s+$/, stack, () => '');
  } else {
    const idx = StringPrototypeIndexOf(stack, '\n    at ');
    if (idx !== -1) frames = StringPrototypeSlice(stack, idx + 1);
  }
  // Frames inside the builtins themselves (sources named "node:<name>") are
  // dropped from the top, like Node hides its internal frames.
  const lines = frames === '' ? [] : StringPrototypeSplit(frames, '\n');
  while (lines.length > 0 && regExpTest(/(\(node:[^)]*\)|^\s*at node:\S*)\s*$/, lines[0])) ArrayPrototypeShift(lines);
  frames = ArrayPrototypeJoin(lines, '\n');
  const first = `${header}: ${err.message}`;
  try {
    ObjectDefineProperty(err, 'stack', {
      __proto__: null,
      value: frames ? `${first}\n${frames}` : first,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  } catch (e) {
    // Non-configurable stack: leave it as it is.
  }
}

function makeNodeError(Base, code, message) {
  const err = new Base(message);
  // Defined, not assigned: an accessor for `code` on a prototype must not intercept it.
  ObjectDefineProperty(err, 'code', { __proto__: null, value: code, writable: true, enumerable: true, configurable: true });
  setStackHeader(err, `${Base.name} [${code}]`);
  return err;
}

const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const classRegExp = /^([A-Z][a-z0-9]*)+$/;

function determineSpecificType(value) {
  if (value == null) return `${value}`;
  if (typeof value === 'function' && value.name) return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`;
    return `${lazyInspect(value, { depth: -1 })}`;
  }
  let inspected = lazyInspect(value, { colors: false });
  if (inspected.length > 28) inspected = `${StringPrototypeSlice(inspected, 0, 25)}...`;
  return `type ${typeof value} (${inspected})`;
}

function listOr(items, word) {
  if (items.length > 2) {
    const last = items[items.length - 1];
    return `${word}${ArrayPrototypeJoin(ArrayPrototypeSlice(items, 0, -1), ', ')}, or ${last}`;
  }
  if (items.length === 2) return `${word}${items[0]} or ${items[1]}`;
  return `${word}${items[0]}`;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!ArrayIsArray(expected)) expected = [expected];
  let msg = 'The ';
  if (StringPrototypeEndsWith(name, ' argument')) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${StringPrototypeIncludes(name, '.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';
  const typeNames = [];
  const instances = [];
  const other = [];
  for (let i = 0; i < expected.length; i++) {
    const value = expected[i];
    if (ArrayPrototypeIncludes(kTypes, value)) ArrayPrototypePush(typeNames, StringPrototypeToLowerCase(value));
    else if (regExpTest(classRegExp, value)) ArrayPrototypePush(instances, value);
    else ArrayPrototypePush(other, value);
  }
  if (instances.length > 0) {
    const pos = ArrayPrototypeIndexOf(typeNames, 'object');
    if (pos !== -1) {
      ArrayPrototypeSplice(typeNames, pos, 1);
      ArrayPrototypePush(instances, 'Object');
    }
  }
  if (typeNames.length > 0) {
    if (typeNames.length > 2) {
      msg += `one of type ${ArrayPrototypeJoin(ArrayPrototypeSlice(typeNames, 0, -1), ', ')}, or ${typeNames[typeNames.length - 1]}`;
    } else if (typeNames.length === 2) {
      msg += `one of type ${typeNames[0]} or ${typeNames[1]}`;
    } else {
      msg += `of type ${typeNames[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += listOr(instances, 'an instance of ');
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      msg += `one of ${ArrayPrototypeJoin(ArrayPrototypeSlice(other, 0, -1), ', ')}, or ${other[other.length - 1]}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (StringPrototypeToLowerCase(other[0]) !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${StringPrototypeSlice(val, i - 3, i)}${res}`;
  return `${StringPrototypeSlice(val, 0, i)}${res}`;
}

function ERR_INVALID_ARG_TYPE(name, expected, actual) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', invalidArgTypeMessage(name, expected, actual));
}

function ERR_INVALID_ARG_VALUE(name, value, reason) {
  if (reason === undefined) reason = 'is invalid';
  let inspected = lazyInspect(value);
  if (inspected.length > 128) inspected = `${StringPrototypeSlice(inspected, 0, 128)}...`;
  const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
                       `The ${type} '${name}' ${reason}. Received ${inspected}`);
}

function ERR_MISSING_ARGS(...args) {
  const wrap = (a) => `"${a}"`;
  const names = ArrayPrototypeMap(args, (a) => (ArrayIsArray(a) ? ArrayPrototypeJoin(ArrayPrototypeMap(a, wrap), ' or ') : wrap(a)));
  let msg = 'The ';
  if (names.length === 1) msg += `${names[0]} argument`;
  else if (names.length === 2) msg += `${names[0]} and ${names[1]} arguments`;
  else msg += `${ArrayPrototypeJoin(ArrayPrototypeSlice(names, 0, -1), ', ')}, and ${names[names.length - 1]} arguments`;
  return makeNodeError(TypeError, 'ERR_MISSING_ARGS', `${msg} must be specified`);
}

function ERR_AMBIGUOUS_ARGUMENT(name, reason) {
  return makeNodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "${name}" argument is ambiguous. ${reason}`);
}

function ERR_INVALID_RETURN_VALUE(input, name, value) {
  return makeNodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
                       `Expected ${input} to be returned from the "${name}" function but got ` +
                       `${determineSpecificType(value)}.`);
}

function ERR_UNKNOWN_ENCODING(encoding) {
  return makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
}

function ERR_OUT_OF_RANGE(str, range, input) {
  let received;
  if (NumberIsInteger(input) && MathAbs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = lazyInspect(input);
  }
  return makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
                       `The value of "${str}" is out of range. It must be ${range}. Received ${received}`);
}

function ERR_BUFFER_OUT_OF_BOUNDS(name) {
  return makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
                       name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
}

function ERR_ENCODING_NOT_SUPPORTED(encoding) {
  return makeNodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
}

function ERR_ENCODING_INVALID_ENCODED_DATA(encoding) {
  return makeNodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA',
                       `The encoded data was not valid for encoding ${encoding}`);
}

function ERR_INVALID_THIS(type) {
  return makeNodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

function ERR_FALSY_VALUE_REJECTION(reason) {
  const err = makeNodeError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
  err.reason = reason;
  return err;
}

module.exports = {
  setStackHeader,
  makeNodeError,
  determineSpecificType,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS,
  ERR_AMBIGUOUS_ARGUMENT,
  ERR_INVALID_RETURN_VALUE,
  ERR_UNKNOWN_ENCODING,
  ERR_OUT_OF_RANGE,
  ERR_BUFFER_OUT_OF_BOUNDS,
  ERR_ENCODING_NOT_SUPPORTED,
  ERR_ENCODING_INVALID_ENCODED_DATA,
  ERR_INVALID_THIS,
  ERR_FALSY_VALUE_REJECTION,
};
