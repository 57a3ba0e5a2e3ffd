'use strict';
// Builtin name: 'internal/encodings'
//
// Byte codecs used by Buffer: utf8, utf16le, latin1, ascii, hex, base64 and
// base64url. Each codec has
//   byteLength(str)                   -> bytes Buffer.from would produce at most
//   write(str, target, offset, max)   -> bytes written (never past offset + max)
//   slice(bytes, start, end)          -> decoded string

const {
  ArrayPrototypeJoin, ArrayPrototypePush, Int16Array, MathMin, NumberPrototypeToString,
  StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeToLowerCase, TypedArrayPrototypeFill,
} = require('internal/primordials');

const utf8 = require('internal/utf8');

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null) return 'utf8';
  const e = StringPrototypeToLowerCase(`${enc}`);
  switch (e) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'utf16le';
    case 'latin1':
    case 'binary':
      return 'latin1';
    case 'base64':
    case 'base64url':
    case 'hex':
    case 'ascii':
      return e;
    default:
      return undefined;
  }
}

// --- hex -------------------------------------------------------------------

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

const hexTable = [];
for (let i = 0; i < 256; i++) ArrayPrototypePush(hexTable, (i < 16 ? '0' : '') + NumberPrototypeToString(i, 16));

const hex = {
  byteLength(str) {
    return str.length >>> 1;
  },
  write(str, target, offset, max) {
    const n = MathMin(str.length >>> 1, max);
    let i = 0;
    for (; i < n; i++) {
      const hi = hexValue(StringPrototypeCharCodeAt(str, i * 2) & 0xff);
      const lo = hexValue(StringPrototypeCharCodeAt(str, i * 2 + 1) & 0xff);
      if (hi < 0 || lo < 0) break;
      target[offset + i] = hi * 16 + lo;
    }
    return i;
  },
  slice(bytes, start, end) {
    let out = '';
    for (let i = start; i < end; i++) out += hexTable[bytes[i]];
    return out;
  },
};

// --- base64 ----------------------------------------------------------------

const b64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64UrlChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const b64Lookup = TypedArrayPrototypeFill(new Int16Array(256), -1);
for (let i = 0; i < 64; i++) {
  b64Lookup[StringPrototypeCharCodeAt(b64Chars, i)] = i;
  b64Lookup[StringPrototypeCharCodeAt(b64UrlChars, i)] = i;
}

function base64ByteLength(str) {
  let len = str.length;
  if (len > 0 && StringPrototypeCharCodeAt(str, len - 1) === 61) len--;
  if (len > 1 && StringPrototypeCharCodeAt(str, len - 1) === 61) len--;
  return (len * 3) >>> 2;
}

// Decodes leniently: characters outside both alphabets are skipped and the
// first '=' ends the input.
function base64Write(str, target, offset, max) {
  let written = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < str.length && written < max; i++) {
    // Like Node, only the low byte of each UTF-16 code unit is looked at.
    const code = StringPrototypeCharCodeAt(str, i) & 0xff;
    if (code === 61) break;
    const v = b64Lookup[code];
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      target[offset + written++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return written;
}

function base64Slice(bytes, start, end, chars, pad) {
  let out = '';
  let i = start;
  for (; i + 2 < end; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += chars[n >> 18] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + chars[n & 63];
  }
  const rest = end - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += chars[n >> 18] + chars[(n >> 12) & 63] + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += chars[n >> 18] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + (pad ? '=' : '');
  }
  return out;
}

const base64 = {
  byteLength: base64ByteLength,
  write: base64Write,
  slice(bytes, start, end) {
    return base64Slice(bytes, start, end, b64Chars, true);
  },
};

const base64url = {
  byteLength: base64ByteLength,
  write: base64Write,
  slice(bytes, start, end) {
    return base64Slice(bytes, start, end, b64UrlChars, false);
  },
};

// --- single byte -------------------------------------------------------------

const latin1 = {
  byteLength(str) {
    return str.length;
  },
  write(str, target, offset, max) {
    const n = MathMin(str.length, max);
    for (let i = 0; i < n; i++) target[offset + i] = StringPrototypeCharCodeAt(str, i) & 0xff;
    return n;
  },
  slice(bytes, start, end) {
    return utf8.latin1Decode(bytes, start, end);
  },
};

const ascii = {
  byteLength: latin1.byteLength,
  write: latin1.write,
  slice(bytes, start, end) {
    let out = '';
    const parts = [];
    for (let i = start; i < end; i++) {
      out += StringFromCharCode(bytes[i] & 0x7f);
      if (out.length >= 8192) {
        ArrayPrototypePush(parts, out);
        out = '';
      }
    }
    ArrayPrototypePush(parts, out);
    return ArrayPrototypeJoin(parts, '');
  },
};

// --- utf16le -------------------------------------------------------------------

const utf16le = {
  byteLength(str) {
    return str.length * 2;
  },
  write(str, target, offset, max) {
    const n = MathMin(str.length, max >>> 1);
    for (let i = 0; i < n; i++) {
      const c = StringPrototypeCharCodeAt(str, i);
      target[offset + i * 2] = c & 0xff;
      target[offset + i * 2 + 1] = c >>> 8;
    }
    return n * 2;
  },
  slice(bytes, start, end) {
    return utf8.utf16leDecode(bytes, start, end);
  },
};

// --- utf8 ------------------------------------------------------------------------

const utf8Codec = {
  byteLength(str) {
    return utf8.utf8Length(str);
  },
  write(str, target, offset, max) {
    return utf8.utf8Write(str, target, offset, offset + max).written;
  },
  slice(bytes, start, end) {
    return utf8.utf8Decode(bytes, start, end);
  },
};

const codecs = {
  __proto__: null,
  utf8: utf8Codec,
  utf16le,
  latin1,
  ascii,
  hex,
  base64,
  base64url,
};

// Returns the codec for a (user supplied) encoding name, or undefined.
function getCodec(enc) {
  const name = normalizeEncoding(enc);
  return name === undefined ? undefined : codecs[name];
}

module.exports = {
  normalizeEncoding,
  getCodec,
  codecs,
  base64Slice,
  b64Chars,
};
