// Node's side of bench/src/bin/memory.rs: RSS growth while 1,000 contexts (each having run the
// same small script) are kept alive, per context. Run with: node --expose-gc bench/node/memory.js
'use strict';
const vm = require('vm');
const SMALL = require('fs').readFileSync(require('path').join(__dirname, '..', 'sources', 'small.js'), 'utf8');
const N = 1000;
const script = new vm.Script(SMALL);
script.runInContext(vm.createContext({}));
global.gc();
const before = process.memoryUsage().rss;
const kept = [];
for (let i = 0; i < N; i++) {
  const c = vm.createContext({});
  script.runInContext(c);
  kept.push(c);
}
global.gc();
console.log(`memory_per_context ${Math.round((process.memoryUsage().rss - before) / N)}`);
