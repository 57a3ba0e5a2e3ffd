require('./support.js')('const s = "a,".repeat(1 << 16); const keep = []; for (;;) keep.push(s.split(","));');
