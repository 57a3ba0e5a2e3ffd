'use strict';
// vm.measureMemory detailed: memory a context's own code allocated and keeps is reported in
// that context's `other` entry, not under `current` (entry order is not specified: compare
// by size).
const vm = require('node:vm');
const a = vm.createContext({});
const b = vm.createContext({});
vm.runInContext('globalThis.big = []; for (let i = 0; i < 2e5; i++) big.push({ i });', a);
vm.runInContext('globalThis.small = [1, 2, 3];', b);
vm.measureMemory({ mode: 'detailed', execution: 'eager' }).then((r) => {
  const sizes = r.other.map((x) => x.jsMemoryEstimate);
  const largest = Math.max(...sizes);
  console.log('entries:', sizes.length >= 2);
  console.log('a context holds more than 4 MB:', largest > 4 * 1048576);
  console.log('it is more than the main context:', largest > r.current.jsMemoryEstimate);
  console.log('and more than five times the smallest:', largest > 5 * Math.min(...sizes));
  console.log('ranges bracket the estimate:', r.other.every((x) => x.jsMemoryRange[0] <= x.jsMemoryEstimate && x.jsMemoryEstimate <= x.jsMemoryRange[1]));
  console.log(a.big.length, b.small.length);
});
