'use strict';
// Node's ERR_* errors and argument validators, with Node's exact message text.
// Runs as a factory: (inspect) => exports.

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
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function makeNodeError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  // Node's errors print their code: `TypeError [ERR_X]: message`.
  Object.defineProperty(err, 'toString', {
    value() { return `${this.name} [${code}]: ${this.message}`; },
    enumerable: false, writable: true, configurable: true,
  });
  // V8 shows the code in the name part of the stack: `TypeError [ERR_X]: message`.
  const stack = err.stack;
  if (typeof stack === 'string') {
    const nl = stack.indexOf('\n');
    const rest = nl === -1 ? '' : stack.slice(nl);
    Object.defineProperty(err, 'stack', {
      value: `${err.name} [${code}]: ${message}${rest}`, writable: true, configurable: true, enumerable: false,
    });
  }
  return err;
}

const classRe = /^[A-Z][a-zA-Z0-9]*$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function formatList(list, conj = 'or') {
  if (list.length <= 2) return list.join(` ${conj} `);
  return `${list.slice(0, -1).join(', ')}, ${conj} ${list[list.length - 1]}`;
}

function invalidArgTypeMessage(name, expected, actual, inspect) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const type = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRe.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
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
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
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
      if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
      const type = name.includes('.') ? 'property' : 'argument';
      return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${shown}`);
    },
    ERR_OUT_OF_RANGE(name, range, received) {
      let shown;
      if (Number.isInteger(received) && Math.abs(received) > 2 ** 32) {
        shown = String(received).replace(/(\d)(?=(\d{3})+$)/g, '$1_');
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
          (!allowArray && Array.isArray(value)) ||
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
      if (!Array.isArray(value)) throw E.ERR_INVALID_ARG_TYPE(name, 'Array', value);
    },
    validateInt32(value, name, min = -2147483648, max = 2147483647) {
      if (typeof value !== 'number') throw E.ERR_INVALID_ARG_TYPE(name, 'number', value);
      if (!Number.isInteger(value)) throw E.ERR_OUT_OF_RANGE(name, 'an integer', value);
      if (value < min || value > max) throw E.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    },
    validateUint32(value, name, positive = false) {
      if (typeof value !== 'number') throw E.ERR_INVALID_ARG_TYPE(name, 'number', value);
      if (!Number.isInteger(value)) throw E.ERR_OUT_OF_RANGE(name, 'an integer', value);
      const min = positive ? 1 : 0;
      const max = 4294967295;
      if (value < min || value > max) throw E.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    },
    validateOneOf(value, name, oneOf) {
      if (!oneOf.includes(value)) {
        const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
        throw E.ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
      }
    },
    isArrayBufferView(value) {
      return ArrayBuffer.isView(value);
    },
  };
  return { errors: E, validators: V, invalidArgTypeMessage };
};
