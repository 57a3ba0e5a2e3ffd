require('./support.js')('const keep = []; for (;;) keep.push(new Uint8Array(1 << 24).fill(1));');
