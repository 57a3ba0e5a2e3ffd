require('./support.js')('function f(d, acc) { const a = new Array(1000).fill(d); acc.push(a); return d > 200 ? acc : f(d + 1, acc); } const all = []; for (;;) all.push(f(0, []));');
