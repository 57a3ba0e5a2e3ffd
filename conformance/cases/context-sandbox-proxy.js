// A Proxy can be a sandbox; reads and writes go through its traps.
const vm = require('node:vm');
const target = { base: 5 };
const seen = new Set();
const proxy = new Proxy(target, {
  get(t, k, r) {
    if (typeof k === 'string') seen.add('get:' + k);
    if (k === 'magic') return 'from-trap';
    return Reflect.get(t, k, r);
  },
  set(t, k, v, r) {
    if (typeof k === 'string') seen.add('set:' + k);
    return Reflect.set(t, k, v, r);
  },
});
const ctx = vm.createContext(proxy);
console.log('same:', ctx === proxy);
console.log('isContext(proxy):', vm.isContext(proxy));
console.log('base:', vm.runInContext('base', ctx));
console.log('this.magic:', vm.runInContext('this.magic', ctx));
vm.runInContext('written = base * 2', ctx);
console.log('target.written:', target.written);
console.log('saw get:base', seen.has('get:base'));
console.log('saw set:written', seen.has('set:written'));
console.log('builtin Math typeof:', vm.runInContext('typeof Math', ctx));
