// Accessors defined on the context global from inside run on reads and writes.
const vm = require('node:vm');
const sb = vm.createContext({ log: [] });
vm.runInContext(`
  var backing = 0;
  Object.defineProperty(globalThis, 'acc', {
    get() { log.push('get'); return backing; },
    set(v) { log.push('set ' + v); backing = v * 2; },
    configurable: true, enumerable: true,
  });
  acc = 5;
  var seen = acc;
`, sb);
console.log('seen inside:', sb.seen, 'backing:', sb.backing);
console.log('read from outside:', sb.acc);
sb.acc = 7;
console.log('write from outside:', sb.backing);
console.log('log:', sb.log.join(','));
