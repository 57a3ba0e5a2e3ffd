// Getters and setters on the sandbox run when code in the context uses the global.
const vm = require('node:vm');
const log = [];
let store = 1;
const sb = {
  get g() { log.push('get'); return store; },
  set g(v) { log.push('set:' + v); store = v; },
};
vm.createContext(sb);
console.log('read:', vm.runInContext('g', sb));
vm.runInContext('g = 42', sb);
console.log('store:', store);
console.log('read again:', vm.runInContext('g + 1', sb));
console.log('log:', log.join(','));
const d = Object.getOwnPropertyDescriptor(sb, 'g');
console.log('still accessor:', typeof d.get, typeof d.set, 'value' in d);
console.log('inner descriptor kind:', vm.runInContext(
  'var d = Object.getOwnPropertyDescriptor(globalThis, "g"); typeof d.get + "/" + typeof d.set', sb));
