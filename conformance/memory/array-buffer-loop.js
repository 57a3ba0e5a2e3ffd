require('./support.js')('const keep = []; for (;;) keep.push(new ArrayBuffer(1 << 24));');
