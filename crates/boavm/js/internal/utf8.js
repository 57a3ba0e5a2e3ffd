'use strict';
// Builtin name: 'internal/utf8'
//
// Hand-written UTF-8 encoder/decoder (WHATWG Encoding Standard semantics:
// lone surrogates encode as U+FFFD, every maximal invalid subsequence decodes
// as one U+FFFD), plus TextEncoder and TextDecoder built on them.

const {
  ArrayPrototypeIncludes, ArrayPrototypeJoin, ArrayPrototypePush, Boolean, ObjectDefineProperty,
  ReflectApply, SafeWeakMap, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeSlice,
  StringPrototypeToLowerCase, StringPrototypeTrim, SymbolToStringTag, TypeError, TypedArrayPrototypeSet,
  Uint8Array, dataDescriptor,
} = require('internal/primordials');

const errors = require('internal/errors');
const types = require('internal/types');

const REPLACEMENT = 0xfffd;
const CHUNK = 8192;

// Number of UTF-8 bytes needed for `str`.
function utf8Length(str) {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length &&
             StringPrototypeCharCodeAt(str, i + 1) >= 0xdc00 && StringPrototypeCharCodeAt(str, i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else {
      n += 3;
    }
  }
  return n;
}

// Writes the UTF-8 form of `str` into `target` from `offset`, never past
// `end` and never splitting a character. Returns { read, written } where
// `read` counts UTF-16 code units consumed.
function utf8Write(str, target, offset, end) {
  let pos = offset;
  let i = 0;
  for (; i < str.length; i++) {
    let cp = StringPrototypeCharCodeAt(str, i);
    let units = 1;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      if (cp <= 0xdbff && i + 1 < str.length) {
        const next = StringPrototypeCharCodeAt(str, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
          units = 2;
        } else {
          cp = REPLACEMENT;
        }
      } else {
        cp = REPLACEMENT;
      }
    }
    if (cp < 0x80) {
      if (pos + 1 > end) break;
      target[pos++] = cp;
    } else if (cp < 0x800) {
      if (pos + 2 > end) break;
      target[pos++] = 0xc0 | (cp >> 6);
      target[pos++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      if (pos + 3 > end) break;
      target[pos++] = 0xe0 | (cp >> 12);
      target[pos++] = 0x80 | ((cp >> 6) & 0x3f);
      target[pos++] = 0x80 | (cp & 0x3f);
    } else {
      if (pos + 4 > end) break;
      target[pos++] = 0xf0 | (cp >> 18);
      target[pos++] = 0x80 | ((cp >> 12) & 0x3f);
      target[pos++] = 0x80 | ((cp >> 6) & 0x3f);
      target[pos++] = 0x80 | (cp & 0x3f);
    }
    i += units - 1;
  }
  return { read: i, written: pos - offset };
}

function utf8Encode(str) {
  const out = new Uint8Array(utf8Length(str));
  utf8Write(str, out, 0, out.length);
  return out;
}

// Collects UTF-16 code units and turns them into a string in chunks.
function UnitSink() {
  this.parts = [];
  this.units = [];
}
UnitSink.prototype.push = function(unit) {
  ArrayPrototypePush(this.units, unit);
  if (this.units.length >= CHUNK) this.flush();
};
UnitSink.prototype.pushCodePoint = function(cp) {
  if (cp >= 0x10000) {
    cp -= 0x10000;
    this.push(0xd800 + (cp >> 10));
    this.push(0xdc00 + (cp & 0x3ff));
  } else {
    this.push(cp);
  }
};
UnitSink.prototype.flush = function() {
  if (this.units.length > 0) {
    ArrayPrototypePush(this.parts, ReflectApply(StringFromCharCode, null, this.units));
    this.units = [];
  }
};
UnitSink.prototype.result = function() {
  this.flush();
  return ArrayPrototypeJoin(this.parts, '');
};

// Incremental decoder state.
function Utf8DecoderState() {
  this.needed = 0;
  this.seen = 0;
  this.codePoint = 0;
  this.lower = 0x80;
  this.upper = 0xbf;
}

// Decodes bytes[start, end). Returns the string, or null when `fatal` is set
// and the input is invalid. With `stream` an incomplete trailing sequence is
// kept in `state` for the next call.
function decodeWithState(state, bytes, start, end, fatal, stream) {
  const sink = new UnitSink();
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (state.needed === 0) {
      if (byte <= 0x7f) {
        sink.push(byte);
      } else if (byte >= 0xc2 && byte <= 0xdf) {
        state.needed = 1;
        state.codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) state.lower = 0xa0;
        if (byte === 0xed) state.upper = 0x9f;
        state.needed = 2;
        state.codePoint = byte & 0x0f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) state.lower = 0x90;
        if (byte === 0xf4) state.upper = 0x8f;
        state.needed = 3;
        state.codePoint = byte & 0x07;
      } else {
        if (fatal) return null;
        sink.push(REPLACEMENT);
      }
      continue;
    }
    if (byte < state.lower || byte > state.upper) {
      state.needed = 0;
      state.seen = 0;
      state.codePoint = 0;
      state.lower = 0x80;
      state.upper = 0xbf;
      if (fatal) return null;
      sink.push(REPLACEMENT);
      i--; // Process this byte again as the start of a sequence.
      continue;
    }
    state.lower = 0x80;
    state.upper = 0xbf;
    state.codePoint = (state.codePoint << 6) | (byte & 0x3f);
    state.seen++;
    if (state.seen === state.needed) {
      sink.pushCodePoint(state.codePoint);
      state.needed = 0;
      state.seen = 0;
      state.codePoint = 0;
    }
  }
  if (!stream && state.needed !== 0) {
    state.needed = 0;
    state.seen = 0;
    state.codePoint = 0;
    state.lower = 0x80;
    state.upper = 0xbf;
    if (fatal) return null;
    sink.push(REPLACEMENT);
  }
  return sink.result();
}

function utf8Decode(bytes, start, end) {
  if (start === undefined) start = 0;
  if (end === undefined) end = bytes.length;
  return decodeWithState(new Utf8DecoderState(), bytes, start, end, false, false);
}

function utf16leDecode(bytes, start, end) {
  const sink = new UnitSink();
  for (let i = start; i + 1 < end; i += 2) sink.push(bytes[i] | (bytes[i + 1] << 8));
  return sink.result();
}

function latin1Decode(bytes, start, end) {
  const sink = new UnitSink();
  for (let i = start; i < end; i++) sink.push(bytes[i]);
  return sink.result();
}

// ---------------------------------------------------------------------------
// TextEncoder / TextDecoder

function toUint8View(input) {
  if (input === undefined) return new Uint8Array(0);
  if (types.isArrayBufferView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (types.isAnyArrayBuffer(input)) return new Uint8Array(input);
  // Node's wording for this case (sic).
  throw errors.makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
                             'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input) {
    return utf8Encode(input === undefined ? '' : `${input}`);
  }

  encodeInto(src, dest) {
    if (!types.isUint8Array(dest)) {
      throw errors.ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    return utf8Write(`${src}`, dest, 0, dest.length);
  }
}

const utf8Labels = ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8'];
const utf16leLabels = ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le'];

function normalizeEncodingLabel(label) {
  const l = StringPrototypeToLowerCase(StringPrototypeTrim(`${label}`));
  if (ArrayPrototypeIncludes(utf8Labels, l)) return 'utf-8';
  if (ArrayPrototypeIncludes(utf16leLabels, l)) return 'utf-16le';
  return undefined;
}

const decoderState = new SafeWeakMap();

class TextDecoder {
  constructor(encoding, options) {
    if (encoding === undefined) encoding = 'utf-8';
    const normalized = normalizeEncodingLabel(encoding);
    if (normalized === undefined) throw errors.ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (options === undefined || options === null) options = {};
    decoderState.set(this, {
      __proto__: null,
      encoding: normalized,
      fatal: Boolean(options.fatal),
      ignoreBOM: Boolean(options.ignoreBOM),
      utf8: new Utf8DecoderState(),
      pending: [],
      bomSeen: false,
    });
  }

  get encoding() {
    return decoderState.get(this).encoding;
  }

  get fatal() {
    return decoderState.get(this).fatal;
  }

  get ignoreBOM() {
    return decoderState.get(this).ignoreBOM;
  }

  decode(input, options) {
    const st = decoderState.get(this);
    if (st === undefined) throw errors.ERR_INVALID_THIS('TextDecoder');
    const stream = Boolean(options && options.stream);
    let bytes = toUint8View(input);
    let result;
    if (st.encoding === 'utf-8') {
      result = decodeWithState(st.utf8, bytes, 0, bytes.length, st.fatal, stream);
      if (result === null) {
        st.utf8 = new Utf8DecoderState();
        st.bomSeen = false;
        throw errors.ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
      }
    } else {
      if (st.pending.length > 0) {
        const joined = new Uint8Array(st.pending.length + bytes.length);
        TypedArrayPrototypeSet(joined, st.pending, 0);
        TypedArrayPrototypeSet(joined, bytes, st.pending.length);
        bytes = joined;
        st.pending = [];
      }
      let end = bytes.length;
      let trailing = false;
      if (end % 2 === 1) {
        if (stream) {
          st.pending = [bytes[end - 1]];
        } else if (st.fatal) {
          throw errors.ERR_ENCODING_INVALID_ENCODED_DATA('utf-16le');
        } else {
          trailing = true;
        }
        end--;
      }
      result = utf16leDecode(bytes, 0, end);
      if (trailing) result += '\ufffd';
    }
    if (!st.bomSeen && result.length > 0) {
      if (!st.ignoreBOM && StringPrototypeCharCodeAt(result, 0) === 0xfeff) result = StringPrototypeSlice(result, 1);
      st.bomSeen = true;
    }
    if (!stream) {
      st.bomSeen = false;
      st.utf8 = new Utf8DecoderState();
    }
    return result;
  }
}

ObjectDefineProperty(TextEncoder.prototype, SymbolToStringTag, dataDescriptor('TextEncoder', false, false, true));
ObjectDefineProperty(TextDecoder.prototype, SymbolToStringTag, dataDescriptor('TextDecoder', false, false, true));

module.exports = {
  utf8Length,
  utf8Write,
  utf8Encode,
  utf8Decode,
  utf16leDecode,
  latin1Decode,
  TextEncoder,
  TextDecoder,
};
