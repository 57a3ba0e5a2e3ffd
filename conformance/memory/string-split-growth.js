require('./support.js')('const s = "a,".repeat(1 << 14); const keep = []; for (;;) keep.push(s.split(","));');
