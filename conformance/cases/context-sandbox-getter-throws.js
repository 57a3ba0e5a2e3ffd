// An exception thrown by a sandbox getter reaches the caller unchanged.
const vm = require('node:vm');
const boom = new Error('from getter');
const sb = { get bad() { throw boom; } };
vm.createContext(sb);
try {
  vm.runInContext('bad', sb);
  console.log('no throw');
} catch (e) {
  console.log('same object:', e === boom);
  console.log('message:', e.message);
}
console.log('caught inside:', vm.runInContext('try { bad; "no" } catch (e) { e.message }', sb));
console.log('caught identity inside:', vm.runInContext('try { bad } catch (e) { e }', sb) === boom);
