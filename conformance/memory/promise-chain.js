require('./support.js')('let p = Promise.resolve(); const keep = []; for (;;) { p = p.then(() => 1); keep.push(p); }');
