// Non-writable sandbox properties: sloppy writes are ignored, strict writes throw TypeError.
const vm = require('node:vm');
const sb = {};
Object.defineProperty(sb, 'ro', { value: 1, writable: false, enumerable: true, configurable: false });
vm.createContext(sb);
vm.runInContext('ro = 2', sb);
console.log('after sloppy write:', sb.ro);
console.log('inner read:', vm.runInContext('ro', sb));
try {
  vm.runInContext('"use strict"; ro = 3', sb);
  console.log('strict: no throw');
} catch (e) {
  console.log('strict:', e.name, e instanceof TypeError, e instanceof vm.runInContext('TypeError', sb));
}
console.log('after strict write:', sb.ro);
const d = vm.runInContext('JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "ro"))', sb);
console.log('inner descriptor:', d);
