'use strict';
// Builtin name: 'internal/inspect'
//
// A re-implementation of the observable output of Node's `util.inspect`
// (v20 defaults: depth 2, breakLength 80, compact 3) on top of plain
// ECMAScript. No engine internals are used: type detection relies on the
// brand checks in 'internal/types'.

const primordials = require('internal/primordials');
const {
  ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypeIndexOf, ArrayPrototypeJoin,
  ArrayPrototypePop, ArrayPrototypePush, ArrayPrototypeSlice, ArrayPrototypeSort,
  ArrayPrototypeSplice, ArrayPrototypeUnshift, BigIntPrototypeValueOf, Boolean,
  BooleanPrototypeValueOf, DatePrototypeGetTime, DatePrototypeToISOString, DatePrototypeToString,
  ErrorPrototypeToString, FunctionPrototypeCall, FunctionPrototypeToString, MathMax, MathMin,
  Number, NumberIsNaN, NumberPrototypeToString, NumberPrototypeValueOf, ObjectAssign,
  ObjectDefineProperty, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols, ObjectGetPrototypeOf, ObjectKeys, ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable, ObjectSeal, ReflectApply, RegExp, RegExpPrototypeToString,
  SafeMap, SafeSet, String, StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeRepeat, StringPrototypeSlice, StringPrototypeSplit,
  StringPrototypeStartsWith, StringPrototypeToLowerCase, StringPrototypeValueOf, SymbolFor,
  MapIteratorPrototypeNext, SetIteratorPrototypeNext, SymbolIterator, SymbolPrototypeToString,
  SymbolPrototypeValueOf, SymbolToStringTag, Uint8Array, regExpExec, regExpReplace, regExpTest,
} = primordials;

const types = require('internal/types');
const errors = require('internal/errors');
const {
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
} = require('internal/inspect_text');

const hasOwn = (obj, key) => ObjectPrototypeHasOwnProperty(obj, key);
const isEnumerable = (obj, key) => ObjectPrototypePropertyIsEnumerable(obj, key);

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');

const inspectDefaultOptions = ObjectSeal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});


const plainKeyRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

// ---------------------------------------------------------------------------
// Names, prefixes, keys

const builtInObjects = new SafeSet();
const globalNames = ObjectGetOwnPropertyNames(globalThis);
for (let i = 0; i < globalNames.length; i++) {
  const name = globalNames[i];
  if (regExpTest(/^[A-Z][a-zA-Z0-9]+$/, name)) {
    const desc = ObjectGetOwnPropertyDescriptor(globalThis, name);
    if (desc && typeof desc.value === 'function') builtInObjects.add(name);
  }
}

function safeInstanceof(obj, ctor) {
  try {
    return obj instanceof ctor;
  } catch (e) {
    return false;
  }
}

function builtinTagName(obj) {
  return StringPrototypeSlice(types.tagOf(obj), 8, -1);
}

// Like Node, Object.prototype and Function.prototype keep their name when user code replaces
// their `constructor` (other builtin prototypes then show as `Object [Tag]`).
const ObjectPrototype = primordials.Object.prototype;
const FunctionPrototype = primordials.Function.prototype;

// The name of the first constructor on the prototype chain that `obj` is an
// instance of; null for objects without prototype.
function getConstructorName(obj, ctx, recurseTimes) {
  let firstProto;
  const original = obj;
  while (obj !== null && obj !== undefined) {
    const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
        safeInstanceof(original, desc.value)) {
      return String(desc.value.name);
    }
    if (obj === ObjectPrototype) return 'Object';
    if (obj === FunctionPrototype) return 'Function';
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  const res = builtinTagName(original);
  if (ctx.depth !== null && recurseTimes > ctx.depth) return `${res} <Complex prototype>`;
  const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1);
  if (protoName === null) {
    const inner = inspect(firstProto, ObjectAssign({}, ctxToOptions(ctx), { customInspect: false, depth: -1 }));
    return `${res} <${inner}>`;
  }
  return `${res} <${protoName}>`;
}

function getPrefix(constructor, tag, fallback, size) {
  if (size === undefined) size = '';
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function getKeys(value, showHidden) {
  const symbols = ObjectGetOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) ArrayPrototypePush(keys, symbols[i]);
  } else {
    keys = ObjectKeys(value);
    for (let i = 0; i < symbols.length; i++) {
      if (isEnumerable(value, symbols[i])) ArrayPrototypePush(keys, symbols[i]);
    }
  }
  return keys;
}

// Names of builtin constructors (globals and members of namespace objects
// such as Intl), used to tell them apart from user classes on engines that
// do not keep the source text of classes.
const builtinConstructorNames = new SafeSet(['GeneratorFunction', 'AsyncFunction',
                                         'AsyncGeneratorFunction', 'TypedArray']);
for (let i = 0; i < globalNames.length; i++) {
  const name = globalNames[i];
  // Only data properties are read: accessors on the global may have effects.
  const globalDesc = ObjectGetOwnPropertyDescriptor(globalThis, name);
  if (globalDesc === undefined || !ObjectPrototypeHasOwnProperty(globalDesc, 'value')) continue;
  const member = globalDesc.value;
  if (typeof member === 'function') {
    builtinConstructorNames.add(name);
  } else if (member !== null && typeof member === 'object' && regExpTest(/^[A-Z]/, name)) {
    const innerNames = ObjectGetOwnPropertyNames(member);
    for (let j = 0; j < innerNames.length; j++) {
      const inner = innerNames[j];
      const desc = ObjectGetOwnPropertyDescriptor(member, inner);
      if (desc && typeof desc.value === 'function') builtinConstructorNames.add(inner);
    }
  }
}

// Classes are recognised from their source text, as Node does. A heritage
// expression containing parentheses before the body is only accepted in the
// simple `class X extends Y {` form.
//
// Engines that print classes as "function X() { [native code] }" (Boa) are
// handled by the host hook globalThis.__boavm_isClassConstructor(fn) when
// present, else by the fact that only class constructors and builtins have a
// non-writable `prototype`.
function isClassSource(fn) {
  let src;
  try {
    src = FunctionPrototypeToString(fn);
  } catch (e) {
    return false;
  }
  if (!StringPrototypeStartsWith(src, 'class')) {
    if (!StringPrototypeEndsWith(src, '[native code] }')) return false;
    const hook = globalThis.__boavm_isClassConstructor;
    if (typeof hook === 'function') return Boolean(hook(fn));
    const desc = ObjectGetOwnPropertyDescriptor(fn, 'prototype');
    return desc !== undefined && 'value' in desc && desc.writable === false &&
      !builtinConstructorNames.has(fn.name);
  }
  if (!StringPrototypeEndsWith(src, '}')) return false;
  const body = StringPrototypeSlice(src, 5, -1);
  const brace = StringPrototypeIndexOf(body, '{');
  if (brace === -1) return false;
  if (!StringPrototypeIncludes(StringPrototypeSlice(body, 0, brace), '(')) return true;
  // Comments are replaced by a placeholder word, as in Node.
  const stripped = regExpReplace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, body, () => 'undefined');
  return regExpTest(/^(\s+[^(]*?)\s*{/, stripped);
}

function getClassBase(value, constructor, tag) {
  const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = ObjectGetPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getFunctionBase(value, constructor, tag) {
  if (isClassSource(value)) return getClassBase(value, constructor, tag);
  let type = 'Function';
  if (types.isGeneratorFunction(value)) type = `Generator${type}`;
  if (types.isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') base += ' (anonymous)';
  else base += `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

// ---------------------------------------------------------------------------
// Errors

function errorToString(err) {
  try {
    return ErrorPrototypeToString(err);
  } catch (e) {
    return '[object Error]';
  }
}

// Node's engine (V8) puts "Name: message" in front of the frames; Boa's
// `stack` only holds the frames. Both are turned into the V8 layout.
function getStackString(err) {
  let stack;
  try {
    stack = err.stack;
  } catch (e) {
    stack = undefined;
  }
  if (typeof stack === 'string' && regExpTest(/^\s+at /, stack)) {
    return `${errorToString(err)}\n${regExpReplace(/\s+$/, stack, () => '')}`;
  }
  return stack ? String(stack) : errorToString(err);
}

function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (!ctx.showHidden && keys.length !== 0) {
    const names = ['name', 'message', 'stack'];
    for (let n = 0; n < names.length; n++) {
      const name = names[n];
      const index = ArrayPrototypeIndexOf(keys, name);
      if (index !== -1 && StringPrototypeIncludes(stack, err[name])) ArrayPrototypeSplice(keys, index, 1);
    }
  }
}

function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (StringPrototypeEndsWith(name, 'Error') && StringPrototypeStartsWith(stack, name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = regExpExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/, stack) ||
        regExpExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prototype = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
    if (name !== prototype) {
      if (StringPrototypeIncludes(prototype, name)) {
        if (len === 0) stack = `${prototype}: ${stack}`;
        else stack = `${prototype}${StringPrototypeSlice(stack, len)}`;
      } else {
        stack = `${prototype} [${name}]${StringPrototypeSlice(stack, len)}`;
      }
    }
  }
  return stack;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = getStackString(err);
  removeDuplicateErrorKeys(ctx, keys, err, stack);
  if ('cause' in err && (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'cause'))) ArrayPrototypePush(keys, 'cause');
  if (ArrayIsArray(err.errors) && (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'errors'))) ArrayPrototypePush(keys, 'errors');
  stack = improveStack(stack, constructor, name, tag);
  const message = err.message;
  let pos = (message && typeof message === 'string' && StringPrototypeIndexOf(stack, message)) || -1;
  if (pos !== -1) pos += message.length;
  const stackStart = StringPrototypeIndexOf(stack, '\n    at', pos);
  if (stackStart === -1) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) {
    stack = ArrayPrototypeJoin(StringPrototypeSplit(stack, '\n'), `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
  }
  return stack;
}

// ---------------------------------------------------------------------------
// Entry formatters

function formatNothing() {
  return [];
}

function remainingText(remaining) {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function formatArray(ctx, value, recurseTimes) {
  const valueLength = value.length;
  const len = MathMin(MathMax(0, ctx.maxArrayLength), valueLength);
  const output = [];
  for (let i = 0; i < len; i++) {
    if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, len, output, i);
    ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, i, PROP_ARRAY_ITEM));
  }
  const remaining = valueLength - len;
  if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
  return output;
}

// Continues formatArray once a hole is found: runs of holes are printed as
// `<N empty items>`; `maxLength` bounds the number of output entries.
function formatSparseArray(ctx, value, recurseTimes, maxLength, output, start) {
  const keys = ObjectKeys(value);
  let index = start;
  for (let k = start; k < keys.length && output.length < maxLength; k++) {
    const key = keys[k];
    if (!types.isArrayIndexKey(key)) break;
    const numeric = Number(key);
    if (numeric !== index) {
      const empty = numeric - index;
      ArrayPrototypePush(output, ctx.stylize(`<${empty} empty item${empty > 1 ? 's' : ''}>`, 'undefined'));
      index = numeric;
      if (output.length === maxLength) break;
    }
    ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, key, PROP_ARRAY_ITEM));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      ArrayPrototypePush(output, ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    ArrayPrototypePush(output, remainingText(remaining));
  }
  return output;
}

const typedArrayLengthGetter = ObjectGetOwnPropertyDescriptor(
  ObjectGetPrototypeOf(Uint8Array.prototype), 'length').get;

function makeTypedArrayFormatter(view, length) {
  return function formatTypedArray(ctx, value, recurseTimes) {
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    for (let i = 0; i < maxLength; i++) {
      const element = view[i];
      ArrayPrototypePush(output, typeof element === 'bigint' ?
        formatBigInt(ctx.stylize, element, ctx.numericSeparator) :
        formatNumber(ctx.stylize, element, ctx.numericSeparator));
    }
    if (remaining > 0) ArrayPrototypePush(output, remainingText(remaining));
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      const extras = ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'];
      for (let k = 0; k < extras.length; k++) {
        const key = extras[k];
        ArrayPrototypePush(output, `[${key}]: ${formatValue(ctx, view[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  };
}

function hexBytes(bytes, count) {
  let out = '';
  for (let i = 0; i < count; i++) {
    if (i !== 0) out += ' ';
    const h = NumberPrototypeToString(bytes[i], 16);
    out += h.length === 1 ? `0${h}` : h;
  }
  return out;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch (e) {
    return [ctx.stylize('(detached)', 'special')];
  }
  let str = hexBytes(bytes, MathMin(ctx.maxArrayLength, bytes.length));
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

// (Uncurried: the receiver is the first argument.)
const setValues = primordials.SetPrototypeValues;
const mapEntries = primordials.MapPrototypeEntries;
const setSizeGetter = primordials.SetPrototypeGetSize;
const mapSizeGetter = primordials.MapPrototypeGetSize;

function formatSet(ctx, value, recurseTimes) {
  const length = setSizeGetter(value);
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  ctx.indentationLvl += 2;
  const it = setValues(value);
  for (let i = 0; i < maxLength; i++) {
    const step = SetIteratorPrototypeNext(it);
    if (step.done) break;
    ArrayPrototypePush(output, formatValue(ctx, step.value, recurseTimes));
  }
  if (length - maxLength > 0) ArrayPrototypePush(output, remainingText(length - maxLength));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const length = mapSizeGetter(value);
  const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  ctx.indentationLvl += 2;
  const it = mapEntries(value);
  for (let i = 0; i < maxLength; i++) {
    const step = MapIteratorPrototypeNext(it);
    if (step.done) break;
    const k = formatValue(ctx, step.value[0], recurseTimes);
    const v = formatValue(ctx, step.value[1], recurseTimes);
    ArrayPrototypePush(output, `${k} => ${v}`);
  }
  if (length - maxLength > 0) ArrayPrototypePush(output, remainingText(length - maxLength));
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx, value, recurseTimes) {
  const details = types.getPromiseState(value);
  if (details === undefined) return [ctx.stylize('<unknown>', 'special')];
  if (details.state === 'pending') return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, details.value, recurseTimes);
  ctx.indentationLvl -= 2;
  return [details.state === 'rejected' ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let type;
  let primitive;
  if (types.isNumberObject(value)) {
    type = 'Number';
    primitive = NumberPrototypeValueOf(value);
  } else if (types.isStringObject(value)) {
    type = 'String';
    primitive = StringPrototypeValueOf(value);
    // The index keys of boxed strings only repeat the characters.
    ArrayPrototypeSplice(keys, 0, primitive.length);
  } else if (types.isBooleanObject(value)) {
    type = 'Boolean';
    primitive = BooleanPrototypeValueOf(value);
  } else if (types.isBigIntObject(value)) {
    type = 'BigInt';
    primitive = BigIntPrototypeValueOf(value);
  } else {
    type = 'Symbol';
    primitive = SymbolPrototypeValueOf(value);
  }
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) base += ' (null prototype)';
    else base += ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, StringPrototypeToLowerCase(type));
}

// ---------------------------------------------------------------------------
// Core

function depthExceeded(ctx, recurseTimes) {
  return ctx.depth !== null && recurseTimes > ctx.depth;
}

function ctxToOptions(ctx) {
  const out = {};
  const keys = ObjectKeys(inspectDefaultOptions);
  for (let i = 0; i < keys.length; i++) out[keys[i]] = ctx[keys[i]];
  if (ctx.userOptions !== undefined) ObjectAssign(out, ctx.userOptions);
  out.stylize = ctx.stylize;
  return out;
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');
  try {
    ObjectGetPrototypeOf(value);
  } catch (e) {
    // Only proxies can fail here; a revoked one cannot be looked into.
    return ctx.stylize('<Revoked Proxy>', 'special');
  }

  if (ctx.customInspect) {
    const maybeCustom = value[customInspectSymbol];
    if (typeof maybeCustom === 'function' && maybeCustom !== inspect &&
        !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const ret = FunctionPrototypeCall(maybeCustom, value, depth, ctxToOptions(ctx), inspect);
      if (ret !== value) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ArrayPrototypeJoin(StringPrototypeSplit(ret, '\n'), `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
      }
    }
  }

  if (ArrayPrototypeIncludes(ctx.seen, value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new SafeMap();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  const constructor = getConstructorName(value, ctx, recurseTimes);
  let tag = value[SymbolToStringTag];
  if (typeof tag !== 'string' ||
      (tag !== '' && (ctx.showHidden ? hasOwn : isEnumerable)(value, SymbolToStringTag))) {
    tag = '';
  }
  let base = '';
  let formatter = formatNothing;
  let braces;
  let noIterator = true;
  let extrasType = PROP_OBJECT;

  if (SymbolIterator in value || constructor === null) {
    noIterator = false;
    if (ArrayIsArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      keys = types.getOwnNonIndexProperties(value, !ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
      extrasType = PROP_ARRAY_EXTRA;
      formatter = formatArray;
    } else if (types.isSet(value)) {
      const size = setSizeGetter(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = formatSet;
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isMap(value)) {
      const size = mapSizeGetter(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = formatMap;
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isTypedArray(value)) {
      keys = types.getOwnNonIndexProperties(value, !ctx.showHidden);
      let view = value;
      let fallback = '';
      if (constructor === null) {
        fallback = types.typedArrayName(value);
        view = new primordials[fallback](value);
      }
      const size = FunctionPrototypeCall(typedArrayLengthGetter, value);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      formatter = makeTypedArrayFormatter(view, size);
      extrasType = PROP_ARRAY_EXTRA;
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (types.isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0) return ctx.stylize(base, 'special');
    } else if (types.isRegExp(value)) {
      base = RegExpPrototypeToString(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if (keys.length === 0 || depthExceeded(ctx, recurseTimes)) return ctx.stylize(base, 'regexp');
    } else if (types.isDate(value)) {
      const time = DatePrototypeGetTime(value);
      base = NumberIsNaN(time) ? DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0) return ctx.stylize(base, 'date');
    } else if (types.isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (types.isAnyArrayBuffer(value)) {
      const arrayType = types.isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0) {
        return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      ArrayPrototypeUnshift(keys, 'byteLength');
    } else if (types.isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      ArrayPrototypeUnshift(keys, 'byteLength', 'byteOffset', 'buffer');
    } else if (types.isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (types.isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = formatWeakCollection;
    } else if (types.isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = formatWeakCollection;
    } else if (types.isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0) return base;
    } else {
      if (keys.length === 0) return `${getPrefix(constructor, tag, 'Object')}{}`;
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
  }

  if (depthExceeded(ctx, recurseTimes)) {
    let name = StringPrototypeSlice(getPrefix(constructor, tag, 'Object'), 0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;
  ArrayPrototypePush(ctx.seen, value);
  ctx.currentDepth = recurseTimes;
  let output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      ArrayPrototypePush(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
  } finally {
    ArrayPrototypePop(ctx.seen);
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
      else braces[0] = `${reference} ${braces[0]}`;
    }
  }

  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === PROP_OBJECT) {
      output = ArrayPrototypeSort(output, comparator);
    } else if (keys.length > 1) {
      const sortedKeys = ArrayPrototypeSort(ArrayPrototypeSlice(output, output.length - keys.length), comparator);
      // output.splice(start, count, ...sortedKeys)
      const spliceArgs = [output, output.length - keys.length, keys.length];
      for (let i = 0; i < sortedKeys.length; i++) ArrayPrototypePush(spliceArgs, sortedKeys[i]);
      ReflectApply(ArrayPrototypeSplice, undefined, spliceArgs);
    }
  }

  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc) {
  let name;
  let str;
  let extra = ' ';
  desc = desc || ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== PROP_OBJECT) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
      extra = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    if (ctx.getters && (ctx.getters === true ||
        (ctx.getters === 'get' && desc.set === undefined) ||
        (ctx.getters === 'set' && desc.set !== undefined))) {
      try {
        const tmp = FunctionPrototypeCall(desc.get, value);
        ctx.indentationLvl += 2;
        if (tmp === null) {
          str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
        } else if (typeof tmp === 'object') {
          str = `${s(`[${label}]`, 'special')} ${formatValue(ctx, tmp, recurseTimes)}`;
        } else {
          str = `${s(`[${label}:`, 'special')} ${formatPrimitive(s, tmp, ctx)}${s(']', 'special')}`;
        }
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}:`, 'special')} <Inspection threw (${err && err.message})>${s(']', 'special')}`;
      }
    } else {
      str = s(`[${label}]`, 'special');
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === PROP_ARRAY_ITEM) return str;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(escapeKeyNoQuotes(SymbolPrototypeToString(key)), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${escapeKeyNoQuotes(String(key))}]`;
  } else if (regExpTest(plainKeyRegExp, key)) {
    name = ctx.stylize(String(key), 'name');
  } else {
    name = ctx.stylize(strEscape(String(key)), 'string');
  }
  return `${name}:${extra}${str}`;
}

// ---------------------------------------------------------------------------
// Public API

function inspect(value, opts) {
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  if (arguments.length > 1) {
    // Legacy signature: inspect(value, showHidden, depth, colors)
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      const optKeys = ObjectKeys(opts);
      for (let i = 0; i < optKeys.length; i++) {
        const key = optKeys[i];
        if (hasOwn(inspectDefaultOptions, key) || key === 'stylize') {
          ctx[key] = opts[key];
        } else if (ctx.userOptions === undefined) {
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;

ObjectDefineProperty(inspect, 'defaultOptions', {
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    if (options === null || typeof options !== 'object') {
      throw new errors.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    return ObjectAssign(inspectDefaultOptions, options);
  },
});

inspect.colors = colors;
inspect.styles = styles;

module.exports = {
  inspect,
  inspectDefaultOptions,
  customInspectSymbol,
  formatNumber,
  formatBigInt,
  strEscape,
  stylizeNoColor,
  stripVTControlCharacters,
  getStringWidth,
  builtInObjects,
};
