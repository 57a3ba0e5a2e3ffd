// Declarations in a context whose sandbox is frozen or non-extensible.
const vm = require('node:vm');
const frozen = vm.createContext(Object.freeze({ keep: 1 }));
try {
  vm.runInContext('var newVar = 2;', frozen);
  console.log('var on frozen: ok', 'in sandbox:', 'newVar' in frozen, 'inside:', vm.runInContext('typeof newVar', frozen));
} catch (e) {
  console.log('var on frozen:', e.name);
}
try {
  vm.runInContext('implicitOnFrozen = 3;', frozen);
  console.log('implicit on frozen: ok', 'in sandbox:', 'implicitOnFrozen' in frozen);
} catch (e) {
  console.log('implicit on frozen:', e.name);
}
try {
  vm.runInContext('let lexOnFrozen = 4; lexOnFrozen', frozen);
  console.log('let on frozen: ok', vm.runInContext('lexOnFrozen', frozen));
} catch (e) {
  console.log('let on frozen:', e.name);
}
const sealed = vm.createContext(Object.preventExtensions({ p: 1 }));
vm.runInContext('p = 2; q = 3', sealed);
console.log('non-extensible: p =', sealed.p, 'q in sandbox:', 'q' in sealed);
