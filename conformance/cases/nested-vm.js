// A vm context can use the vm module passed into it to create further contexts.
const vm = require('node:vm');
const outer = vm.createContext({ vm, label: 'outer' });
const result = vm.runInContext(`
  var inner = vm.createContext({ label: 'inner' });
  [label, vm.runInContext('label', inner), vm.isContext(inner), vm.runInContext('typeof vm', inner)].join(',');
`, outer);
console.log(result);
console.log('inner sandbox is from outer realm:', outer.inner instanceof Object, outer.inner instanceof vm.runInContext('Object', outer));
console.log('three realms:', vm.runInContext('vm.runInNewContext("Array") !== Array', outer));
try {
  vm.runInContext('vm.runInContext("1", {})', outer);
} catch (e) {
  console.log('validation error from nested call:', e.name, e.code, e instanceof TypeError);
}
