require('./support.js')('let s = ""; const c = "x".repeat(1 << 22); for (;;) s += c;');
