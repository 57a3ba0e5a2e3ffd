'use strict';
// Builtin name: 'internal/inspect_text'
//
// Text-level helpers of 'internal/inspect': colors, string widths, quoting
// and escaping, number formatting, and the line-breaking layout rules
// (breakLength / compact / grouping of array items into columns).

// How a property is printed: with its key (object), without (array item), or
// with its key but inside an array-like container (array extras).
const {
  Array, ArrayPrototypeJoin, ArrayPrototypePush, MathFloor, MathMax, MathMin, MathRound,
  MathSqrt, MathTrunc, NumberIsFinite, NumberIsNaN, NumberPrototypeToString, ObjectAssign,
  ObjectCreate, ObjectIs, String, StringFromCharCode, StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt, StringPrototypeIncludes, StringPrototypeNormalize,
  StringPrototypePadEnd, StringPrototypePadStart, StringPrototypeRepeat, StringPrototypeSlice,
  StringPrototypeToUpperCase, SymbolPrototypeToString, regExpTest,
} = require('internal/primordials');

const PROP_OBJECT = 0;
const PROP_ARRAY_ITEM = 1;
const PROP_ARRAY_EXTRA = 2;


// ---------------------------------------------------------------------------
// Colors

const colors = ObjectAssign(ObjectCreate(null), {
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
});
colors.grey = colors.gray;
colors.blackBright = colors.gray;
colors.faint = colors.dim;

const styles = ObjectAssign(ObjectCreate(null), {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function stylizeWithColor(str, styleType) {
  const style = styles[styleType];
  if (style !== undefined) {
    const color = colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

// Removes ANSI escape sequences (SGR and other CSI sequences).
function stripVTControlCharacters(str) {
  let out = '';
  let i = 0;
  while (i < str.length) {
    const c = StringPrototypeCharCodeAt(str, i);
    if ((c === 0x1b || c === 0x9b) && i + 1 < str.length) {
      let j = i + 1;
      if (c === 0x1b && str[j] === '[') j++;
      else if (c === 0x1b && str[j] === ']') {
        // OSC sequence, ended by BEL or ESC \
        let k = j + 1;
        while (k < str.length && StringPrototypeCharCodeAt(str, k) !== 7 &&
               !(StringPrototypeCharCodeAt(str, k) === 0x1b && str[k + 1] === '\\')) k++;
        i = k < str.length ? (StringPrototypeCharCodeAt(str, k) === 7 ? k + 1 : k + 2) : k;
        continue;
      } else if (c === 0x1b) {
        out += str[i];
        i++;
        continue;
      }
      while (j < str.length && regExpTest(/[0-9;?]/, str[j])) j++;
      if (j < str.length && regExpTest(/[A-PR-TZcf-ntqry=><~]/, str[j])) {
        i = j + 1;
        continue;
      }
    }
    out += str[i];
    i++;
  }
  return out;
}

function isFullWidthCodePoint(code) {
  return code >= 0x1100 && (
    code <= 0x115f ||
    code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

function isZeroWidthCodePoint(code) {
  return code <= 0x1F ||
    (code >= 0x7F && code <= 0x9F) ||
    (code >= 0x300 && code <= 0x36F) ||
    (code >= 0x200B && code <= 0x200F) ||
    (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) ||
    (code >= 0xFE20 && code <= 0xFE2F) ||
    (code >= 0xE0100 && code <= 0xE01EF);
}

// Number of terminal columns `str` occupies.
function getStringWidth(str, removeControlChars) {
  if (removeControlChars === undefined || removeControlChars) str = stripVTControlCharacters(str);
  let asciiOnly = true;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x20 || c > 0x7e) {
      asciiOnly = false;
      break;
    }
  }
  if (asciiOnly) return str.length;
  if (typeof str.normalize === 'function') {
    try {
      str = StringPrototypeNormalize(str, 'NFC');
    } catch (e) {
      // Keep the string as it is.
    }
  }
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCodePointAt(str, i);
    if (code > 0xffff) i++;
    if (isFullWidthCodePoint(code)) width += 2;
    else if (!isZeroWidthCodePoint(code)) width++;
  }
  return width;
}

// ---------------------------------------------------------------------------
// Primitives

function hex2(n) {
  const s = StringPrototypeToUpperCase(NumberPrototypeToString(n, 16));
  return s.length === 1 ? `0${s}` : s;
}

function escapeCode(code) {
  switch (code) {
    case 8: return '\\b';
    case 9: return '\\t';
    case 10: return '\\n';
    case 12: return '\\f';
    case 13: return '\\r';
    case 39: return "\\'";
    case 92: return '\\\\';
    default: return `\\x${hex2(code)}`;
  }
}

// Escapes control characters and lone surrogates and adds quotes. Single
// quotes are preferred; double quotes or backticks are used when that avoids
// escaping.
function strEscape(str) {
  let quote = 39;
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) quote = 34;
    else if (!StringPrototypeIncludes(str, '`') && !StringPrototypeIncludes(str, '${')) quote = 96;
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    let replacement;
    if (code < 32 || code === 92 || (code >= 0x7f && code <= 0x9f) || (code === 39 && quote === 39)) {
      replacement = escapeCode(code);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && i + 1 < str.length) {
        const next = StringPrototypeCharCodeAt(str, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      replacement = `\\u${NumberPrototypeToString(code, 16)}`;
    }
    if (replacement !== undefined) {
      out += StringPrototypeSlice(str, last, i) + replacement;
      last = i + 1;
    }
  }
  const q = StringFromCharCode(quote);
  return q + out + StringPrototypeSlice(str, last) + q;
}

// Escapes without adding quotes (used for non-enumerable keys).
function escapeKeyNoQuotes(str) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    if (code < 32 || code === 92 || code === 39 || (code >= 0x7f && code <= 0x9f)) {
      out += escapeCode(code);
    } else {
      out += str[i];
    }
  }
  return out;
}

function groupDigitsFromRight(digits) {
  let i = digits.length;
  const start = digits[0] === '-' ? 1 : 0;
  let result = '';
  for (; i >= start + 4; i -= 3) result = `_${StringPrototypeSlice(digits, i - 3, i)}${result}`;
  return i === digits.length ? digits : `${StringPrototypeSlice(digits, 0, i)}${result}`;
}

function groupDigitsFromLeft(digits) {
  let result = '';
  let i = 0;
  for (; i < digits.length - 3; i += 3) result += `${StringPrototypeSlice(digits, i, i + 3)}_`;
  return i === 0 ? digits : `${result}${StringPrototypeSlice(digits, i)}`;
}

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (ObjectIs(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const integer = MathTrunc(number);
  const intStr = String(integer);
  if (integer === number) {
    if (!NumberIsFinite(number) || StringPrototypeIncludes(intStr, 'e')) return fn(intStr, 'number');
    return fn(groupDigitsFromRight(intStr), 'number');
  }
  if (NumberIsNaN(number)) return fn(intStr, 'number');
  return fn(`${groupDigitsFromRight(intStr)}.${groupDigitsFromLeft(StringPrototypeSlice(String(number), intStr.length + 1))}`, 'number');
}

function formatBigInt(fn, bigint, numericSeparator) {
  const str = String(bigint);
  if (!numericSeparator) return fn(`${str}n`, 'bigint');
  return fn(`${groupDigitsFromRight(str)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    case 'number':
      return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint':
      return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean':
      return fn(`${value}`, 'boolean');
    case 'undefined':
      return fn('undefined', 'undefined');
    default:
      // symbol
      return fn(SymbolPrototypeToString(value), 'symbol');
  }
}

// ---------------------------------------------------------------------------
// Layout

function outputLength(ctx, entry) {
  return ctx.colors ? stripVTControlCharacters(entry).length : entry.length;
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += outputLength(ctx, output[i]);
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !StringPrototypeIncludes(base, '\n');
}

// Lays out arrays with many short entries as a table of aligned columns.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let entries = output.length;
  if (ctx.maxArrayLength < output.length) {
    // The "... more items" entry does not take part in the grouping.
    entries--;
  }
  const separatorSpace = 2;
  const widths = new Array(entries);
  for (let i = 0; i < entries; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    widths[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = MathSqrt(actualMax - totalLength / output.length);
    const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    const columns = MathMin(
      MathRound(MathSqrt(2.5 * biasedMax * entries) / biasedMax),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const columnWidths = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) {
        if (widths[j] > lineLength) lineLength = widths[j];
      }
      ArrayPrototypePush(columnWidths, lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const grouped = [];
    for (let i = 0; i < entries; i += columns) {
      const max = MathMin(i + columns, entries);
      let line = '';
      let j = i;
      for (; j < max - 1; j++) {
        const padding = columnWidths[j - i] + output[j].length - widths[j];
        line += padStart ? StringPrototypePadStart(`${output[j]}, `, padding, ' ') : StringPrototypePadEnd(`${output[j]}, `, padding, ' ');
      }
      if (padStart) {
        const padding = columnWidths[j - i] + output[j].length - widths[j] - separatorSpace;
        line += StringPrototypePadStart(output[j], padding, ' ');
      } else {
        line += output[j];
      }
      ArrayPrototypePush(grouped, line);
    }
    if (ctx.maxArrayLength < output.length) ArrayPrototypePush(grouped, output[entries]);
    output = grouped;
  }
  return output;
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === PROP_ARRAY_EXTRA && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = ArrayPrototypeJoin(output, ', ');
          if (!StringPrototypeIncludes(joined, '\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${ArrayPrototypeJoin(output, `,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${ArrayPrototypeJoin(output, ', ')} ${braces[1]}`;
  }
  const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
  const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${ArrayPrototypeJoin(output, `,\n${indentation}  `)} ${braces[1]}`;
}


module.exports = {
  PROP_OBJECT,
  PROP_ARRAY_ITEM,
  PROP_ARRAY_EXTRA,
  colors,
  styles,
  stylizeWithColor,
  stylizeNoColor,
  stripVTControlCharacters,
  getStringWidth,
  strEscape,
  escapeKeyNoQuotes,
  formatNumber,
  formatBigInt,
  formatPrimitive,
  reduceToSingleString,
};
