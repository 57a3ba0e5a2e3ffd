// createContext returns its argument, contextifies it, and is idempotent.
const vm = require('node:vm');
const sandbox = { a: 1 };
const ctx = vm.createContext(sandbox);
console.log('same object:', ctx === sandbox);
console.log('isContext:', vm.isContext(ctx));
console.log('again same:', vm.createContext(ctx) === ctx);
const fresh = vm.createContext();
console.log('no-arg typeof:', typeof fresh);
console.log('no-arg isContext:', vm.isContext(fresh));
console.log('no-arg keys:', JSON.stringify(Object.keys(fresh)));
console.log('no-arg proto is Object.prototype:', Object.getPrototypeOf(fresh) === Object.prototype);
console.log('undefined arg isContext:', vm.isContext(vm.createContext(undefined)));
console.log('keys after contextify:', JSON.stringify(Object.keys(sandbox)));
console.log('own symbols after contextify:', Object.getOwnPropertySymbols(sandbox).length);
console.log('value:', vm.runInContext('a + 41', ctx));
