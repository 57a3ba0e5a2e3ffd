require('./support.js')('const keep = []; for (;;) keep.push("ab".repeat(1 << 22));');
