'use strict';
// Node's ERR_* errors and argument validators, with Node's exact message text.
// Runs as a factory: (inspect) => exports. Only captured builtins are used (`primordials`).

const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
  ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSplice, ArrayBufferIsView,
  Error, MathAbs, NumberIsInteger, ObjectDefineProperty, RangeError, String,
  StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeSlice,
  StringPrototypeToLowerCase, TypeError, ErrorPrototypeGetStack,
  dataDescriptor, regExpTest,
} = primordials;

// The `name` of the errors this file creates (never read back from a prototype a user may
// have given a getter).
const errorNames = new primordials.SafeMap();
errorNames.set(Error, 'Error');
errorNames.set(TypeError, 'TypeError');
errorNames.set(RangeError, 'RangeError');

// Reads a data property through the prototype chain without running getters.
function dataValue(obj, key) {
  let o = obj;
  while (o !== null && (typeof o === 'object' || typeof o === 'function')) {
    const d = primordials.ReflectGetOwnPropertyDescriptor(o, key);
    if (d !== undefined) return 'value' in d ? d.value : undefined;
    o = primordials.ReflectGetPrototypeOf(o);
  }
  return undefined;
}

function describeReceived(value, inspect) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function') {
    return value.name ? ` Received function ${value.name}` : ' Received function ';
  }
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return ` Received an instance of ${value.constructor.name}`;
    }
    return ` Received ${inspect(value, { depth: -1 })}`;
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${StringPrototypeSlice(shown, 0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function makeNodeError(Base, code, message) {
  const err = new Base(message);
  ObjectDefineProperty(err, 'code', dataDescriptor(code, true, true, true));
  // Node's errors print their code: `TypeError [ERR_X]: message`.
  ObjectDefineProperty(err, 'toString', dataDescriptor(function toString() {
    return `${this.name} [${code}]: ${this.message}`;
  }, true, false, true));
  // V8 shows the code in the name part of the stack: `TypeError [ERR_X]: message`.
  const name = errorNames.get(Base) || dataValue(err, 'name');
  let stack;
  try {
    stack = ErrorPrototypeGetStack === undefined ? err.stack : ErrorPrototypeGetStack(err);
  } catch {
    stack = undefined;
  }
  if (typeof stack === 'string') {
    const nl = StringPrototypeIndexOf(stack, '\n');
    const rest = nl === -1 ? '' : StringPrototypeSlice(stack, nl);
    ObjectDefineProperty(err, 'stack', dataDescriptor(`${name} [${code}]: ${message}${rest}`, true, false, true));
  }
  return err;
}

const classRe = /^[A-Z][a-zA-Z0-9]*$/;

// '12345678901' -> '12_345_678_901' (Node's out-of-range numbers).
function addNumericSeparator(digits) {
  if (StringPrototypeIncludes(digits, 'e')) return digits;
  const start = digits[0] === '-' ? 1 : 0;
  let out = '';
  let i = digits.length;
  for (; i >= start + 4; i -= 3) out = `_${StringPrototypeSlice(digits, i - 3, i)}${out}`;
  return `${StringPrototypeSlice(digits, 0, i)}${out}`;
}
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function formatList(list, conj = 'or') {
  if (list.length <= 2) return ArrayPrototypeJoin(list, ` ${conj} `);
  return `${ArrayPrototypeJoin(ArrayPrototypeSlice(list, 0, -1), ', ')}, ${conj} ${list[list.length - 1]}`;
}

function invalidArgTypeMessage(name, expected, actual, inspect) {
  if (!ArrayIsArray(expected)) expected = [expected];
  let msg = 'The ';
  if (StringPrototypeEndsWith(name, ' argument')) {
    msg += `${name} `;
  } else {
    const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (let i = 0; i < expected.length; i++) {
    const value = expected[i];
    if (ArrayPrototypeIncludes(kTypes, value)) ArrayPrototypePush(types, StringPrototypeToLowerCase(value));
    else if (regExpTest(classRe, value)) ArrayPrototypePush(instances, value);
    else ArrayPrototypePush(other, value);
  }
  if (instances.length > 0) {
    const pos = ArrayPrototypeIndexOf(types, 'object');
    if (pos !== -1) {
      ArrayPrototypeSplice(types, pos, 1);
      ArrayPrototypePush(instances, 'Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types)}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances)}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${formatList(other)}`;
    else {
      if (StringPrototypeToLowerCase(other[0]) !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += '.';
  return msg + describeReceived(actual, inspect);
}

module.exports = function makeErrors(inspect) {
  const E = {
    ERR_INVALID_ARG_TYPE(name, expected, actual) {
      return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', invalidArgTypeMessage(name, expected, actual, inspect));
    },
    ERR_INVALID_ARG_VALUE(name, value, reason = 'is invalid') {
      let shown = inspect(value);
      if (shown.length > 128) shown = `${StringPrototypeSlice(shown, 0, 128)}...`;
      const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
      return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${shown}`);
    },
    ERR_OUT_OF_RANGE(name, range, received) {
      let shown;
      if (NumberIsInteger(received) && MathAbs(received) > 2 ** 32) {
        shown = addNumericSeparator(String(received));
      } else if (typeof received === 'bigint') {
        shown = `${received}n`;
      } else {
        shown = inspect(received);
      }
      return makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`);
    },
    code(Base, code, message) {
      return makeNodeError(Base, code, message);
    },
  };

  const V = {
    validateObject(value, name, { allowArray = false, allowFunction = false, nullable = false } = {}) {
      if ((!nullable && value === null) ||
          (!allowArray && ArrayIsArray(value)) ||
          (typeof value !== 'object' && (!allowFunction || typeof value !== 'function'))) {
        throw E.ERR_INVALID_ARG_TYPE(name, 'Object', value);
      }
    },
    validateString(value, name) {
      if (typeof value !== 'string') throw E.ERR_INVALID_ARG_TYPE(name, 'string', value);
    },
    validateBoolean(value, name) {
      if (typeof value !== 'boolean') throw E.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
    },
    validateFunction(value, name) {
      if (typeof value !== 'function') throw E.ERR_INVALID_ARG_TYPE(name, 'Function', value);
    },
    validateArray(value, name) {
      if (!ArrayIsArray(value)) throw E.ERR_INVALID_ARG_TYPE(name, 'Array', value);
    },
    validateInt32(value, name, min = -2147483648, max = 2147483647) {
      if (typeof value !== 'number') throw E.ERR_INVALID_ARG_TYPE(name, 'number', value);
      if (!NumberIsInteger(value)) throw E.ERR_OUT_OF_RANGE(name, 'an integer', value);
      if (value < min || value > max) throw E.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    },
    validateUint32(value, name, positive = false) {
      if (typeof value !== 'number') throw E.ERR_INVALID_ARG_TYPE(name, 'number', value);
      if (!NumberIsInteger(value)) throw E.ERR_OUT_OF_RANGE(name, 'an integer', value);
      const min = positive ? 1 : 0;
      const max = 4294967295;
      if (value < min || value > max) throw E.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    },
    validateOneOf(value, name, oneOf) {
      if (!ArrayPrototypeIncludes(oneOf, value)) {
        const shown = [];
        for (let i = 0; i < oneOf.length; i++) {
          const v = oneOf[i];
          ArrayPrototypePush(shown, typeof v === 'string' ? `'${v}'` : String(v));
        }
        const allowed = ArrayPrototypeJoin(shown, ', ');
        throw E.ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
      }
    },
    isArrayBufferView(value) {
      return ArrayBufferIsView(value);
    },
  };
  return { errors: E, validators: V, invalidArgTypeMessage };
};
