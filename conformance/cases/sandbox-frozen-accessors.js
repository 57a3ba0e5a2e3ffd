// Frozen and non-extensible sandboxes (new names land on the global), a declared var the host
// turns into an accessor or makes read-only. (A function declaration over a host accessor is
// left out on purpose: Node calls the setter, which its own test suite lists as a bug —
// known_issues/test-vm-function-declaration-uses-define.js, nodejs/node#31808; boavm defines.)
const vm = require('node:vm');
const frozen = Object.freeze({ a: 1 });
vm.createContext(frozen);
console.log(vm.runInContext('c = 3; typeof c', frozen), Object.keys(frozen).join());
console.log(vm.runInContext('var d = 4; typeof d', frozen));
const ne = Object.preventExtensions({ a: 1 });
vm.createContext(ne);
console.log(vm.runInContext('e = 5; [typeof e, a]', ne).join(), 'e' in ne);
console.log(vm.runInContext('"use strict"; try { a = 2; "set" } catch (err) { err.constructor.name }', frozen));
// var then accessor
const s3 = {};
vm.createContext(s3);
vm.runInContext('var y = 1', s3);
Object.defineProperty(s3, 'y', { get() { return 7; }, configurable: true, enumerable: true });
console.log(vm.runInContext('[y, Object.keys(globalThis).includes("y")]', s3).join());
Object.defineProperty(s3, 'w', { value: 1, writable: false, enumerable: true, configurable: true });
console.log(vm.runInContext('JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "w"))', s3));
