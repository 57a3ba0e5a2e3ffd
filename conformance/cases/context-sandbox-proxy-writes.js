// Declarations and deletes in a context whose sandbox is a Proxy go through the traps.
const vm = require('node:vm');
const target = {};
const seen = new Set();
const proxy = new Proxy(target, {
  defineProperty(t, k, d) { if (typeof k === 'string') seen.add('define:' + k); return Reflect.defineProperty(t, k, d); },
  set(t, k, v, r) { if (typeof k === 'string') seen.add('set:' + k); return Reflect.set(t, k, v, r); },
  deleteProperty(t, k) { if (typeof k === 'string') seen.add('delete:' + k); return Reflect.deleteProperty(t, k); },
});
vm.createContext(proxy);
vm.runInContext('var declared = 1; implicit = 2; function fn() {}', proxy);
console.log('target keys:', JSON.stringify(Object.keys(target).sort()));
console.log('declared:', target.declared, 'implicit:', target.implicit, 'fn:', typeof target.fn);
vm.runInContext('delete implicit', proxy);
console.log('implicit after delete:', 'implicit' in target);
console.log('a trap saw implicit write:', seen.has('set:implicit') || seen.has('define:implicit'));
console.log('delete trap ran:', seen.has('delete:implicit'));
