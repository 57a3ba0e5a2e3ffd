'use strict';
// Builtin name: 'internal/assertion_error'
//
// AssertionError with messages laid out like Node 20's: short primitives as
// `a !== b`, everything else as a line diff of the inspected values.

const {
  ArrayPrototypeJoin, ArrayPrototypePop, Error, ArrayPrototypePush, MathMax, ObjectAssign, ObjectCreate,
  ObjectDefineProperty, ObjectGetPrototypeOf, ReflectApply, SafeMap, SafeSet, String,
  StringPrototypeEndsWith, StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeSplit,
  SymbolFor, mapEntries, regExpTest, setValues,
} = require('internal/primordials');

const { inspect } = require('internal/inspect');
const errors = require('internal/errors');

const readableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Short primitives are shown as `actual !== expected` instead of a diff.
const kMaxShortLength = 12;

function copyError(source) {
  const target = ObjectAssign(ObjectCreate(ObjectGetPrototypeOf(source)), source);
  ObjectDefineProperty(target, 'message', { value: source.message });
  return target;
}

function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// Prints the lines `lines[from, to)` that sit between two differences: up to
// two are shown as they are, longer runs are collapsed with "...".
function identicalRun(lines, i, identical, state) {
  let res = '';
  if (identical > 2) {
    if (identical > 3) {
      if (identical > 4) {
        if (identical === 5) {
          res += `\n  ${lines[i - 3]}`;
          state.printed++;
        } else {
          res += '\n...';
          state.skipped = true;
        }
      }
      res += `\n  ${lines[i - 2]}`;
      state.printed++;
    }
    res += `\n  ${lines[i - 1]}`;
    state.printed++;
  }
  return res;
}

// `message`, when given, replaces the readable operator as the first line.
function createErrDiff(actual, expected, operator, message) {
  let other = '';
  let res = '';
  let end = '';
  const state = { skipped: false, printed: 0 };
  const actualInspected = inspectValue(actual);
  const actualLines = StringPrototypeSplit(actualInspected, '\n');
  const expectedLines = StringPrototypeSplit(inspectValue(expected), '\n');

  let i = 0;
  let indicator = '';

  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }

  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const actualRaw = actualLines[0];
    const expectedRaw = expectedLines[0];
    const inputLength = actualRaw.length + expectedRaw.length;
    if (inputLength <= kMaxShortLength) {
      if ((typeof actual !== 'object' || actual === null) &&
          (typeof expected !== 'object' || expected === null) &&
          (actual !== 0 || expected !== 0)) {
        return `${header(operator, message)}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      // Mark the first differing column when both fit on one terminal line.
      if (inputLength < 80) {
        while (actualRaw[i] === expectedRaw[i]) i++;
        if (i > 2) {
          indicator = `\n  ${StringPrototypeRepeat(' ', i)}^`;
          i = 0;
        }
      }
    }
  }

  // Drop identical trailing lines (keeping up to three for context).
  let a = actualLines[actualLines.length - 1];
  let b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (i++ < 3) end = `\n  ${a}${end}`;
    else other = a;
    ArrayPrototypePop(actualLines);
    ArrayPrototypePop(expectedLines);
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }

  const maxLines = MathMax(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Same inspection output but not (deep-)equal.
    const lines = StringPrototypeSplit(actualInspected, '\n');
    if (lines.length > 50) {
      lines[46] = '...';
      while (lines.length > 47) ArrayPrototypePop(lines);
    }
    return `${readableOperator.notIdentical}\n\n${ArrayPrototypeJoin(lines, '\n')}\n`;
  }

  if (i >= 5) {
    end = `\n...${end}`;
    state.skipped = true;
  }
  if (other !== '') {
    end = `\n  ${other}${end}`;
    other = '';
  }

  let identical = 0;
  const msg = `${header(operator, message)}\n+ actual - expected`;
  const skippedMsg = ' ... Lines skipped';

  let lines = actualLines;
  let plusMinus = '+';
  let maxLength = expectedLines.length;
  if (actualLines.length < maxLines) {
    lines = expectedLines;
    plusMinus = '-';
    maxLength = actualLines.length;
  }

  for (i = 0; i < maxLines; i++) {
    if (maxLength < i + 1) {
      // Only one side has lines left.
      res += identicalRun(lines, i, identical, state);
      identical = 0;
      if (lines === actualLines) res += `\n${plusMinus} ${lines[i]}`;
      else other += `\n${plusMinus} ${lines[i]}`;
      state.printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      let diverging = actualLine !== expectedLine &&
        (!StringPrototypeEndsWith(actualLine, ',') || StringPrototypeSlice(actualLine, 0, -1) !== expectedLine);
      if (diverging && StringPrototypeEndsWith(expectedLine, ',') && StringPrototypeSlice(expectedLine, 0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        res += identicalRun(actualLines, i, identical, state);
        identical = 0;
        // Consecutive differing lines show as +++--- rather than +-+-+-.
        res += `\n+ ${actualLine}`;
        other += `\n- ${expectedLine}`;
        state.printed += 2;
      } else {
        res += other;
        other = '';
        identical++;
        if (identical <= 2) {
          res += `\n  ${actualLine}`;
          state.printed++;
        }
      }
    }
    if (state.printed > 50 && i < maxLines - 2) {
      return `${msg}${skippedMsg}\n${res}\n...${other}\n...`;
    }
  }
  return `${msg}${state.skipped ? skippedMsg : ''}\n${res}${other}${end}${indicator}`;
}

function header(operator, message) {
  return message != null ? String(message) : readableOperator[operator];
}

function addEllipsis(string) {
  const lines = StringPrototypeSplit(string, '\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${ArrayPrototypeJoin(lines, '\n')}\n...`;
  } else if (string.length > 512) {
    return `${StringPrototypeSlice(string, 512)}...`;
  }
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      throw errors.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator } = options;
    let { actual, expected } = options;
    let text;
    if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null &&
        'stack' in actual && actual instanceof Error && 'stack' in expected && expected instanceof Error) {
      actual = copyError(actual);
      expected = copyError(expected);
    }
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      text = createErrDiff(actual, expected, operator, message);
    } else if (message != null) {
      text = String(message);
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = readableOperator[operator];
      const res = StringPrototypeSplit(inspectValue(actual), '\n');
      if (operator === 'notStrictEqual' &&
          ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
        base = readableOperator.notStrictEqualObject;
      }
      if (res.length > 50) {
        res[46] = '...';
        while (res.length > 47) ArrayPrototypePop(res);
      }
      if (res.length === 1) text = `${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`;
      else text = `${base}\n\n${ArrayPrototypeJoin(res, '\n')}\n`;
    } else {
      let res = inspectValue(actual);
      let other = inspectValue(expected);
      const knownOperator = readableOperator[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${knownOperator}\n\n${res}`;
        if (res.length > 1024) res = `${StringPrototypeSlice(res, 0, 1021)}...`;
        text = res;
      } else {
        if (res.length > 512) res = `${StringPrototypeSlice(res, 0, 509)}...`;
        if (other.length > 512) other = `${StringPrototypeSlice(other, 0, 509)}...`;
        if (operator === 'deepEqual') {
          res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else {
          const newOp = readableOperator[`${operator}Unequal`];
          if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
          else other = ` ${operator} ${other}`;
        }
        text = `${res}${other}`;
      }
    }
    super(text);
    this.generatedMessage = !message;
    ObjectDefineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    errors.setStackHeader(this, 'AssertionError [ERR_ASSERTION]');
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [SymbolFor('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
    if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
    const result = inspect(this, ObjectAssign({}, ctx, { customInspect: false, depth: 0 }));
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

module.exports = {
  AssertionError,
  inspectValue,
};
