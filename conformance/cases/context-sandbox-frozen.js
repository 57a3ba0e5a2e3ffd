// A frozen object can be contextified; its values are readable, writes are refused.
const vm = require('node:vm');
const sb = Object.freeze({ a: 1, nested: { n: 2 } });
vm.createContext(sb);
console.log('isContext:', vm.isContext(sb));
console.log('still frozen:', Object.isFrozen(sb));
console.log('a:', vm.runInContext('a', sb));
vm.runInContext('a = 5', sb);
console.log('a after sloppy write:', sb.a);
try {
  vm.runInContext('"use strict"; a = 6', sb);
  console.log('strict: no throw');
} catch (e) {
  console.log('strict:', e.name);
}
vm.runInContext('nested.n = 3', sb);
console.log('nested.n (not frozen deeply):', sb.nested.n);
console.log('keys:', JSON.stringify(Object.keys(sb)));
