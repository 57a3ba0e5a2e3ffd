require('./support.js')('let s = "ab"; for (;;) s = `${s}${s}`;');
