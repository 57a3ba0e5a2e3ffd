'use strict';
// Builtin name: 'buffer'
//
// A Buffer class compatible with the common parts of Node's `node:buffer`.
// Buffers are Uint8Array instances whose prototype is Buffer.prototype.

const primordials = require('internal/primordials');
const {
  Array, ArrayIsArray, DataView, Error, MathMax, MathMin, MathTrunc, Number, NumberIsInteger, NumberIsNaN,
  NumberPrototypeToString, ObjectAssign, ObjectCreate, ObjectDefineProperty, ObjectSetPrototypeOf, RangeError,
  StringPrototypeCharCodeAt, StringPrototypeSlice, SymbolFor, SymbolSpecies, SymbolToPrimitive,
  ReflectOwnKeys, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteLength, TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeSet, TypedArrayPrototypeSubarray, Uint8Array,
  dataDescriptor, regExpReplace, regExpTest,
} = primordials;

const errors = require('internal/errors');
const types = require('internal/types');
const enc = require('internal/encodings');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw errors.ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

ObjectDefineProperty(FastBuffer.prototype, 'constructor', dataDescriptor(Buffer, true, false, true));
Buffer.prototype = FastBuffer.prototype;
ObjectSetPrototypeOf(Buffer, Uint8Array);
ObjectDefineProperty(Buffer, SymbolSpecies, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() {
    return FastBuffer;
  },
});

// Statics and prototype methods are collected here and defined at the end: this module loads
// on first use, after user code, and assignments could reach setters on Object.prototype.
const statics = { __proto__: null };
const proto = { __proto__: null };

function validateSize(size) {
  if (typeof size !== 'number') throw errors.ERR_INVALID_ARG_TYPE('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) {
    throw errors.ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
}

function unknownEncoding(encoding) {
  return errors.ERR_UNKNOWN_ENCODING(encoding);
}

function fromString(string, encoding) {
  let codec;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    codec = enc.codecs.utf8;
  } else {
    codec = enc.getCodec(encoding);
    if (codec === undefined) throw unknownEncoding(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  const max = codec.byteLength(string);
  const buf = new FastBuffer(max);
  const written = codec.write(string, buf, 0, max);
  return written === max ? buf : new FastBuffer(TypedArrayPrototypeGetBuffer(buf), 0, written);
}

function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  const buf = new FastBuffer(length);
  for (let i = 0; i < length; i++) buf[i] = obj[i];
  return buf;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = 0;
  }
  const byteLength = types.isArrayBuffer(obj)
    ? primordials.ArrayBufferPrototypeGetByteLength(obj)
    : primordials.SharedArrayBufferPrototypeGetByteLength(obj);
  const maxLength = byteLength - byteOffset;
  if (maxLength < 0) throw errors.ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw errors.ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || types.isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && ArrayIsArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

statics.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (types.isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[SymbolToPrimitive] === 'function') {
      const primitive = value[SymbolToPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw errors.ERR_INVALID_ARG_TYPE('first argument',
                                    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

statics.of = function of(...items) {
  const buf = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i];
  return buf;
};

statics.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) fillImpl(buf, fill, 0, buf.length, encoding);
  return buf;
};

statics.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return new FastBuffer(size);
};

statics.allocUnsafeSlow = statics.allocUnsafe;

statics.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

statics.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && enc.normalizeEncoding(encoding) !== undefined;
};

statics.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (types.isArrayBufferView(string) || types.isAnyArrayBuffer(string)) return string.byteLength;
    throw errors.ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const codec = enc.getCodec(encoding) || enc.codecs.utf8;
  return codec.byteLength(string);
};

// Compares a[aStart, aEnd) with b[bStart, bEnd) (no subarray: it reads `constructor`).
function compareBytes(a, b, aStart = 0, aEnd = a.length, bStart = 0, bEnd = b.length) {
  const aLen = MathMax(aEnd - aStart, 0);
  const bLen = MathMax(bEnd - bStart, 0);
  const n = MathMin(aLen, bLen);
  for (let i = 0; i < n; i++) {
    const x = a[aStart + i];
    const y = b[bStart + i];
    if (x !== y) return x < y ? -1 : 1;
  }
  if (aLen < bLen) return -1;
  if (aLen > bLen) return 1;
  return 0;
}

// A Uint8Array over buf[start, start + n), made without `subarray`.
function bytesOf(buf, start, n) {
  return new Uint8Array(TypedArrayPrototypeGetBuffer(buf), TypedArrayPrototypeGetByteOffset(buf) + start, n);
}

statics.compare = function compare(buf1, buf2) {
  if (!types.isUint8Array(buf1)) throw errors.ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!types.isUint8Array(buf2)) throw errors.ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  return compareBytes(buf1, buf2);
};

statics.concat = function concat(list, length) {
  if (!ArrayIsArray(list)) throw errors.ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (!types.isUint8Array(list[i])) {
        throw errors.ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
      }
      length += list[i].length;
    }
  } else {
    if (typeof length !== 'number') throw errors.ERR_INVALID_ARG_TYPE('length', 'number', length);
    if (length < 0) throw errors.ERR_OUT_OF_RANGE('length', '>= 0', length);
  }
  const buffer = new FastBuffer(length);
  let pos = 0;
  for (let i = 0; i < list.length && pos < length; i++) {
    const item = list[i];
    if (!types.isUint8Array(item)) {
      throw errors.ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], item);
    }
    const n = MathMin(item.length, length - pos);
    TypedArrayPrototypeSet(buffer, n === item.length ? item : bytesOf(item, 0, n), pos);
    pos += n;
  }
  return buffer;
};

statics.poolSize = 8 * 1024;

// ---------------------------------------------------------------------------
// Prototype


proto.toString = function toString(encoding, start, end) {
  const len = this.length;
  if (arguments.length === 0) return enc.codecs.utf8.slice(this, 0, len);
  if (start === undefined || start <= 0) start = 0;
  else if (start >= len) return '';
  else start = MathTrunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = MathTrunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return enc.codecs.utf8.slice(this, start, end);
  // Unlike Buffer.from, an explicit null or '' is not taken for utf8 here.
  const codec = encoding === null || encoding === '' ? undefined : enc.getCodec(encoding);
  if (codec === undefined) throw unknownEncoding(encoding);
  return codec.slice(this, start, end);
};

proto.toLocaleString = proto.toString;

// Own, so that a patched TypedArray.prototype.subarray does not reach buffers.
proto.subarray = function subarray(start, end) {
  return TypedArrayPrototypeSubarray(this, start, end);
};

proto.equals = function equals(otherBuffer) {
  if (!types.isUint8Array(otherBuffer)) {
    throw errors.ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (TypedArrayPrototypeGetByteLength(this) !== TypedArrayPrototypeGetByteLength(otherBuffer)) return false;
  return compareBytes(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!types.isUint8Array(target)) throw errors.ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) targetStart = 0;
  if (targetEnd === undefined) targetEnd = target.length;
  if (sourceStart === undefined) sourceStart = 0;
  if (sourceEnd === undefined) sourceEnd = this.length;
  const clamp = (v, len) => MathMin(MathMax(v, 0), len);
  return compareBytes(this, target, clamp(sourceStart, this.length), clamp(sourceEnd, this.length),
                      clamp(targetStart, target.length), clamp(targetEnd, target.length));
};

function adjustOffset(offset, length) {
  offset = MathTrunc(offset);
  if (offset === 0 || NumberIsNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

proto.slice = function slice(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(TypedArrayPrototypeGetBuffer(this), TypedArrayPrototypeGetByteOffset(this) + start, newLength);
};

proto.toJSON = function toJSON() {
  const data = new Array(this.length);
  for (let i = 0; i < this.length; i++) data[i] = this[i];
  return { type: 'Buffer', data };
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw errors.ERR_INVALID_ARG_TYPE('argument', 'string', string);
  if (offset === undefined) {
    offset = 0;
    length = this.length;
  } else if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    offset = validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      length = validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') {
    return enc.codecs.utf8.write(string, this, offset, length);
  }
  const codec = enc.getCodec(encoding);
  if (codec === undefined) throw unknownEncoding(encoding);
  return codec.write(string, this, offset, length);
};

function validateOffset(value, name, min, max) {
  if (typeof value !== 'number') throw errors.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!NumberIsInteger(value)) throw errors.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw errors.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  return value;
}

function fillImpl(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (encoding === undefined || encoding === null) {
      encoding = 'utf8';
    } else if (typeof encoding !== 'string') {
      throw errors.ERR_INVALID_ARG_TYPE('encoding', 'string', encoding);
    }
    const codec = enc.getCodec(encoding);
    if (codec === undefined) throw unknownEncoding(encoding);
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1 && enc.normalizeEncoding(encoding) === 'utf8' &&
               StringPrototypeCharCodeAt(value, 0) < 128) {
      value = StringPrototypeCharCodeAt(value, 0);
    } else {
      const bytes = fromString(value, encoding);
      if (bytes.length === 0) {
        throw errors.ERR_INVALID_ARG_VALUE('value', value);
      }
      for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) buf[i] = bytes[j];
      return buf;
    }
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    const byte = typeof value === 'boolean' ? Number(value) : value & 255;
    for (let i = offset; i < end; i++) buf[i] = byte;
    return buf;
  }
  if (types.isArrayBufferView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (bytes.length === 0) throw errors.ERR_INVALID_ARG_VALUE('value', value);
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) buf[i] = bytes[j];
    return buf;
  }
  const byte = Number(value) & 255;
  for (let i = offset; i < end; i++) buf[i] = byte;
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  if (typeof offset === 'string') {
    encoding = offset;
    offset = 0;
    end = this.length;
  } else if (typeof end === 'string') {
    encoding = end;
    end = this.length;
  }
  if (offset === undefined) offset = 0;
  else offset = validateOffset(offset, 'offset', 0, this.length);
  if (end === undefined) end = this.length;
  else end = validateOffset(end, 'end', 0, this.length);
  if (offset >= end) return this;
  return fillImpl(this, value, offset, end, encoding);
};

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!types.isUint8Array(target)) throw errors.ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  targetStart = targetStart === undefined ? 0 : MathMax(0, MathTrunc(targetStart) || 0);
  sourceStart = sourceStart === undefined ? 0 : MathMax(0, MathTrunc(sourceStart) || 0);
  sourceEnd = sourceEnd === undefined ? this.length : MathMin(this.length, MathTrunc(sourceEnd) || 0);
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  const n = MathMin(sourceEnd - sourceStart, target.length - targetStart);
  TypedArrayPrototypeSet(target, bytesOf(this, sourceStart, n), targetStart);
  return n;
};

function toNeedle(value, encoding) {
  if (typeof value === 'string') return fromString(value, encoding);
  if (types.isUint8Array(value)) return value;
  if (typeof value === 'number') return [value & 255];
  throw errors.ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
}

function indexOfImpl(buf, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  }
  const needle = toNeedle(value, encoding);
  const len = buf.length;
  let start;
  if (byteOffset === undefined || NumberIsNaN(+byteOffset)) {
    start = forward ? 0 : len;
  } else {
    start = MathTrunc(+byteOffset);
    if (start < 0) start += len;
  }
  if (forward) {
    if (start < 0) start = 0;
    if (needle.length === 0) return start <= len ? start : len;
    for (let i = start; i + needle.length <= len; i++) {
      let j = 0;
      while (j < needle.length && buf[i + j] === needle[j]) j++;
      if (j === needle.length) return i;
    }
  } else {
    if (start < 0) return -1;
    if (needle.length === 0) return MathMin(start, len);
    for (let i = MathMin(start, len - needle.length); i >= 0; i--) {
      let j = 0;
      while (j < needle.length && buf[i + j] === needle[j]) j++;
      if (j === needle.length) return i;
    }
  }
  return -1;
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, true);
};

proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, false);
};

proto.includes = function includes(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, true) !== -1;
};

function swap(buf, size) {
  if (buf.length % size !== 0) {
    throw errors.makeNodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE',
                               `Buffer size must be a multiple of ${size * 8}-bits`);
  }
  for (let i = 0; i < buf.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = buf[a];
      buf[a] = buf[b];
      buf[b] = t;
    }
  }
  return buf;
}

proto.swap16 = function swap16() {
  return swap(this, 2);
};
proto.swap32 = function swap32() {
  return swap(this, 4);
};
proto.swap64 = function swap64() {
  return swap(this, 8);
};

// --- numeric reads and writes ----------------------------------------------

function checkReadOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw errors.ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (!NumberIsInteger(offset)) throw errors.ERR_OUT_OF_RANGE('offset', 'an integer', offset);
  const last = buf.length - size;
  if (last < 0) throw errors.ERR_BUFFER_OUT_OF_BOUNDS();
  if (offset < 0 || offset > last) throw errors.ERR_OUT_OF_RANGE('offset', `>= 0 and <= ${last}`, offset);
  return offset;
}

function viewOf(buf) {
  return new DataView(TypedArrayPrototypeGetBuffer(buf), TypedArrayPrototypeGetByteOffset(buf), buf.length);
}

// [suffix, size, DataView method suffix, min, max, alias suffix]
const numericTypes = [
  ['UInt8', 1, 'Uint8', 0, 255, 'Uint8'],
  ['Int8', 1, 'Int8', -128, 127],
  ['UInt16', 2, 'Uint16', 0, 65535, 'Uint16'],
  ['Int16', 2, 'Int16', -32768, 32767],
  ['UInt32', 4, 'Uint32', 0, 4294967295, 'Uint32'],
  ['Int32', 4, 'Int32', -2147483648, 2147483647],
  ['Float', 4, 'Float32'],
  ['Double', 8, 'Float64'],
  ['BigUInt64', 8, 'BigUint64', 0n, 2n ** 64n - 1n, 'BigUint64'],
  ['BigInt64', 8, 'BigInt64', -(2n ** 63n), 2n ** 63n - 1n],
];

function rangeText(size, min, max) {
  if (typeof min === 'bigint') {
    const bits = size * 8;
    return min === 0n ? `>= 0n and < 2n ** ${bits}n` : `>= -(2n ** ${bits - 1}n) and < 2n ** ${bits - 1}n`;
  }
  return `>= ${min} and <= ${max}`;
}

function defineNumeric(suffix, size, type, min, max, alias) {
  const getter = primordials[`DataViewPrototypeGet${type}`];
  const setter = primordials[`DataViewPrototypeSet${type}`];
  const endians = size === 1 ? [''] : ['LE', 'BE'];
  for (let e = 0; e < endians.length; e++) {
    const endian = endians[e];
    const little = endian === 'LE';
    const readName = `read${suffix}${endian}`;
    const writeName = `write${suffix}${endian}`;
    const read = {
      [readName](offset) {
        offset = checkReadOffset(this, offset, size);
        return getter(viewOf(this), offset, little);
      },
    }[readName];
    const write = {
      [writeName](value, offset) {
        if (min !== undefined) {
          if (typeof min === 'bigint') {
            if (typeof value !== 'bigint') throw errors.ERR_INVALID_ARG_TYPE('value', 'bigint', value);
          } else {
            value = +value;
          }
          if (value > max || value < min) throw errors.ERR_OUT_OF_RANGE('value', rangeText(size, min, max), value);
        } else {
          value = +value;
        }
        offset = checkReadOffset(this, offset, size);
        setter(viewOf(this), offset, value, little);
        return offset + size;
      },
    }[writeName];
    proto[readName] = read;
    proto[writeName] = write;
    if (alias !== undefined) {
      proto[`read${alias}${endian}`] = read;
      proto[`write${alias}${endian}`] = write;
    }
  }
}

for (let i = 0; i < numericTypes.length; i++) {
  const t = numericTypes[i];
  defineNumeric(t[0], t[1], t[2], t[3], t[4], t[5]);
}

// --- inspection ---------------------------------------------------------------

proto[SymbolFor('nodejs.util.inspect.custom')] = function inspect(recurseTimes, ctx, inspectFn) {
  const actualMax = MathMin(INSPECT_MAX_BYTES, this.length);
  const remaining = this.length - INSPECT_MAX_BYTES;
  let str = '';
  for (let i = 0; i < actualMax; i++) {
    const h = NumberPrototypeToString(this[i], 16);
    str += (i === 0 ? '' : ' ') + (h.length === 1 ? `0${h}` : h);
  }
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx && typeof inspectFn === 'function') {
    const extras = ObjectCreate(null);
    let hasExtras = false;
    const keys = types.getOwnNonIndexProperties(this, !ctx.showHidden);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      hasExtras = true;
      extras[key] = this[key];
    }
    if (hasExtras) {
      if (this.length !== 0) str += ', ';
      const opts = ObjectAssign({}, ctx, { breakLength: Infinity, compact: true });
      // Drop the "[Object: null prototype] {" prefix and " }" suffix.
      str += StringPrototypeSlice(inspectFn(extras, opts), 27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};

// ---------------------------------------------------------------------------
// atob / btoa

function btoa(input) {
  if (arguments.length === 0) throw errors.ERR_MISSING_ARGS('input');
  input = `${input}`;
  const bytes = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const c = StringPrototypeCharCodeAt(input, i);
    if (c > 0xff) {
      const err = new Error('Invalid character');
      ObjectDefineProperty(err, 'name', dataDescriptor('InvalidCharacterError', true, true, true));
      throw err;
    }
    bytes[i] = c;
  }
  return enc.base64Slice(bytes, 0, bytes.length, enc.b64Chars, true);
}

function atob(input) {
  if (arguments.length === 0) throw errors.ERR_MISSING_ARGS('input');
  input = regExpReplace(/[\t\n\f\r ]/g, `${input}`, () => '');
  if (input.length % 4 === 0) input = regExpReplace(/==?$/, input, () => '');
  const invalid = input.length % 4 === 1 || regExpTest(/[^A-Za-z0-9+/]/, input);
  if (invalid) {
    const err = new Error('The string to be decoded is not correctly encoded.');
    ObjectDefineProperty(err, 'name', dataDescriptor('InvalidCharacterError', true, true, true));
    throw err;
  }
  const buf = fromString(input, 'base64');
  return enc.codecs.latin1.slice(buf, 0, buf.length);
}

function install(target, source) {
  const keys = ReflectOwnKeys(source);
  for (let i = 0; i < keys.length; i++) {
    ObjectDefineProperty(target, keys[i], dataDescriptor(source[keys[i]], true, true, true));
  }
}
install(Buffer, statics);
install(Buffer.prototype, proto);

module.exports = {
  Buffer,
  kMaxLength,
  kStringMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES,
  atob,
  btoa,
};
