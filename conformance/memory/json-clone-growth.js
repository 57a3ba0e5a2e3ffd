require('./support.js')('let o = { a: [1, 2, 3] }; const keep = []; for (;;) { keep.push(JSON.parse(JSON.stringify(o))); o = { a: o.a.concat(o.a.length) }; }');
