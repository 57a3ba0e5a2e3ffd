// vm.constants: a frozen null-prototype object of symbols.
const vm = require('node:vm');
const c = vm.constants;
console.log('typeof:', typeof c);
console.log('keys:', JSON.stringify(Object.keys(c)));
console.log('null prototype:', Object.getPrototypeOf(c) === null);
console.log('frozen:', Object.isFrozen(c));
for (const k of Object.keys(c)) {
  console.log(k, typeof c[k], c[k].description);
}
console.log('same object each access:', vm.constants === require('node:vm').constants);
console.log('symbols are not registered:', Symbol.keyFor(c.USE_MAIN_CONTEXT_DEFAULT_LOADER) === undefined);
try {
  (function () { 'use strict'; c.NEW = 1; })();
  console.log('add: no throw');
} catch (e) {
  console.log('add:', e.name);
}
console.log('require("vm") === require("node:vm"):', require('vm') === require('node:vm'));
for (const k of ['Script', 'createContext', 'createScript', 'runInContext', 'runInNewContext',
  'runInThisContext', 'isContext', 'compileFunction', 'measureMemory']) {
  console.log(k, typeof vm[k]);
}
