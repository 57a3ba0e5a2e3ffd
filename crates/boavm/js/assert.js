'use strict';
// Builtin name: 'assert'
//
// Node's `node:assert` (legacy mode as the default export, `assert.strict`
// for strict mode). Messages follow Node 20. One difference: Node reads the
// caller's source to describe a failed `assert.ok(expr)`; that is not
// possible here, so the message is Node's fallback `<value> == true`.

const {
  ArrayPrototypeFilter, ArrayPrototypeIndexOf, Error, ArrayPrototypeJoin, ArrayPrototypePush,
  ArrayPrototypeSlice, NumberIsNaN, ObjectDefineProperty, ObjectIs, ObjectKeys,
  ObjectPrototypeIsPrototypeOf, ReflectApply, RegExpPrototypeExec, SafeMap, SafeSet, String,
  StringPrototypeSplit, mapEntries, regExpTest, setValues,
} = require('internal/primordials');

const { inspect } = require('internal/inspect');
const { isDeepEqual, isDeepStrictEqual } = require('internal/comparisons');
const { AssertionError } = require('internal/assertion_error');
const types = require('internal/types');
const errors = require('internal/errors');

const NO_EXCEPTION_SENTINEL = {};

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function innerOk(argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
    } else if (types.isError(message)) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==' });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function ok(...args) {
  ReflectApply(innerOk, undefined, [args.length, args[0], args[1]]);
}

const assert = ok;

let failWarned = false;

function fail(actual, expected, message, operator) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!failWarned) {
      failWarned = true;
      const proc = globalThis.process;
      if (proc && typeof proc.emitWarning === 'function') {
        proc.emitWarning('assert.fail() with more than one argument is deprecated. ' +
          'Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
      }
    }
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

function requireTwo(argLen) {
  if (argLen < 2) throw errors.ERR_MISSING_ARGS('actual', 'expected');
}

function equal(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!NumberIsNaN(actual) || !NumberIsNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==' });
  }
}

function notEqual(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (NumberIsNaN(actual) && NumberIsNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=' });
  }
}

function deepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepEqual' });
}

function notDeepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'notDeepEqual' });
}

function deepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual' });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual' });
  }
}

function strictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!ObjectIs(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual' });
}

function notStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (ObjectIs(actual, expected)) innerFail({ actual, expected, message, operator: 'notStrictEqual' });
}

// Placeholder holding only the compared keys, so that the diff of a failed
// validation object lists just those.
class Comparison {
  constructor(obj, keys, actual) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && types.isRegExp(obj[key]) &&
            RegExpPrototypeExec(obj[key], actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, operator) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual' });
      err.actual = actual;
      err.expected = expected;
      err.operator = operator;
      throw err;
    }
    innerFail({ actual, expected, message, operator });
  }
}

function expectedException(actual, expected, message, operator) {
  let generatedMessage = false;
  let throwError = false;
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) {
      const str = String(actual);
      if (RegExpPrototypeExec(expected, str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual' });
      err.operator = operator;
      throw err;
    } else {
      // Validation object: every listed key must match.
      const keys = ObjectKeys(expected);
      if (expected instanceof Error) {
        ArrayPrototypePush(keys, 'name', 'message');
      } else if (keys.length === 0) {
        throw errors.ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (typeof actual[key] === 'string' && types.isRegExp(expected[key]) &&
            RegExpPrototypeExec(expected[key], actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, operator);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (ObjectPrototypeIsPrototypeOf(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (types.isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    // Validation function: must return exactly true.
    const res = ReflectApply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
        if (types.isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
      }
      throwError = true;
    }
  }
  if (throwError) {
    const err = new AssertionError({ actual, expected, message, operator });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function getActual(fn) {
  if (typeof fn !== 'function') throw errors.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function checkIsPromise(obj) {
  return types.isPromise(obj) ||
    (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw errors.ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw errors.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function expectsError(operator, actual, args) {
  let error = args[0];
  let message = args[1];
  if (typeof error === 'string') {
    if (args.length === 2) {
      throw errors.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw errors.ERR_AMBIGUOUS_ARGUMENT('error/message',
                                            `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw errors.ERR_AMBIGUOUS_ARGUMENT('error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw errors.ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }
  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = operator === 'rejects' ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator, message: `Missing expected ${fnType}${details}` });
  }
  if (!error) return;
  expectedException(actual, error, message, operator);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (types.isRegExp(expected)) {
      return RegExpPrototypeExec(expected, String(actual)) !== null;
    }
    throw errors.ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (ObjectPrototypeIsPrototypeOf(Error, expected)) return false;
  return ReflectApply(expected, {}, [actual]) === true;
}

function expectsNoError(operator, actual, args) {
  if (actual === NO_EXCEPTION_SENTINEL) return;
  let error = args[0];
  let message = args[1];
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = operator === 'doesNotReject' ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator,
      message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`,
    });
  }
  throw actual;
}

function throws(promiseFn, ...args) {
  expectsError('throws', getActual(promiseFn), args);
}

async function rejects(promiseFn, ...args) {
  expectsError('rejects', await waitForActual(promiseFn), args);
}

function doesNotThrow(fn, ...args) {
  expectsNoError('doesNotThrow', getActual(fn), args);
}

async function doesNotReject(fn, ...args) {
  expectsNoError('doesNotReject', await waitForActual(fn), args);
}

function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message });
    // Show the frames of the original error after the frames of this call
    // that it does not share.
    const origStack = err.stack;
    const ownStack = newErr.stack;
    if (typeof origStack === 'string' && typeof ownStack === 'string') {
      const origFrames = ArrayPrototypeFilter(StringPrototypeSplit(origStack, '\n'), (line) => regExpTest(/^\s+at /, line));
      if (origFrames.length > 0) {
        let ownLines = StringPrototypeSplit(ownStack, '\n');
        for (let f = 0; f < origFrames.length; f++) {
          const frame = origFrames[f];
          const pos = ArrayPrototypeIndexOf(ownLines, frame);
          if (pos !== -1) {
            ownLines = ArrayPrototypeSlice(ownLines, 0, pos);
            break;
          }
        }
        try {
          ObjectDefineProperty(newErr, 'stack', {
            value: `${ArrayPrototypeJoin(ownLines, '\n')}\n${ArrayPrototypeJoin(origFrames, '\n')}`,
            writable: true,
            enumerable: false,
            configurable: true,
          });
        } catch (e) {
          // Leave the stack as it is.
        }
      }
    }
    throw newErr;
  }
}

function internalMatch(string, regexp, message, operator) {
  if (!types.isRegExp(regexp)) throw errors.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const match = operator === 'match';
  if (typeof string !== 'string' || (RegExpPrototypeExec(regexp, string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' + `${typeof string} (${inspect(string)})` :
      (match ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function match(string, regexp, message) {
  internalMatch(string, regexp, message, 'match');
}

function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, 'doesNotMatch');
}

function defineMembers(target) {
  target.ok = ok;
  target.fail = fail;
  target.equal = equal;
  target.notEqual = notEqual;
  target.deepEqual = deepEqual;
  target.notDeepEqual = notDeepEqual;
  target.deepStrictEqual = deepStrictEqual;
  target.notDeepStrictEqual = notDeepStrictEqual;
  target.strictEqual = strictEqual;
  target.notStrictEqual = notStrictEqual;
  target.throws = throws;
  target.rejects = rejects;
  target.doesNotThrow = doesNotThrow;
  target.doesNotReject = doesNotReject;
  target.ifError = ifError;
  target.match = match;
  target.doesNotMatch = doesNotMatch;
  target.AssertionError = AssertionError;
}

defineMembers(assert);

function strict(...args) {
  ReflectApply(innerOk, undefined, [args.length, args[0], args[1]]);
}
defineMembers(strict);
strict.equal = strictEqual;
strict.deepEqual = deepStrictEqual;
strict.notEqual = notStrictEqual;
strict.notDeepEqual = notDeepStrictEqual;
strict.strict = strict;

assert.strict = strict;

module.exports = assert;
