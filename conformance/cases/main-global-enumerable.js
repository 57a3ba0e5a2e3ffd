// The main realm's Node globals: `global`, the timers and queueMicrotask are enumerable (Node
// lists them in Object.keys(globalThis)); console and process are not.
'use strict';
const keys = Object.keys(globalThis);
const provided = ['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout',
  'setInterval', 'setTimeout', 'queueMicrotask'];
console.log(keys.filter((k) => provided.includes(k)).join(','));
for (const k of [...provided, 'console', 'process']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  console.log(k, d.enumerable, d.configurable);
}
const vm = require('vm');
// A context's sandbox deep-compares unequal to the main global.
const assert = require('assert');
assert.notDeepStrictEqual(vm.compileFunction('return global', [], { parsingContext: vm.createContext({ global: {} }) })(), global);
console.log('ok');
