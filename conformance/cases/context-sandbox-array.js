// An array can be a sandbox: its elements and length are globals.
const vm = require('node:vm');
const arr = [10, 20, 30];
const ctx = vm.createContext(arr);
console.log('same:', ctx === arr, vm.isContext(arr));
console.log('this[1]:', vm.runInContext('this[1]', ctx));
console.log('length:', vm.runInContext('length', ctx));
console.log('typeof length:', vm.runInContext('typeof length', ctx));
vm.runInContext('this[3] = 40; var extra = "x";', ctx);
console.log('arr.length:', arr.length);
console.log('arr[3]:', arr[3]);
console.log('arr.extra:', arr.extra);
console.log('Array.isArray(arr):', Array.isArray(arr));
console.log('inner Array.isArray(this):', vm.runInContext('Array.isArray(this)', ctx));
console.log(arr);
