// A Proxy in its own prototype chain: node accepts the cycle and throws a RangeError at each
// use; boavm refuses the cycle when it is closed (TypeError). Neither may abort or hang.
const vm = require('node:vm');
const { survives } = require('./support/harness');
const uses = ['a.missing', "'x' in a", 'a.x = 1', 'a instanceof Object',
  'Object.prototype.isPrototypeOf.call(Array.prototype, a)', 'String(a)', 'JSON.stringify(a)'];
const closes = [
  'Object.setPrototypeOf(a, new Proxy(a, {}))',
  'a.__proto__ = new Proxy(a, {})',
  'Reflect.setPrototypeOf(a, new Proxy(a, {}))',
  'Object.setPrototypeOf(a, new Proxy(new Proxy(a, {}), {}))',
  'var b = Object.create(a); Object.setPrototypeOf(a, new Proxy(b, {}))',
  'Object.setPrototypeOf(a, Proxy.revocable(a, {}).proxy)',
];
for (const close of closes) {
  for (const use of uses) {
    const src = 'var a = {}; ' + close + '; ' + use;
    survives('context: ' + close + ' / ' + use, () => vm.runInNewContext(src, {}, { timeout: 5000 }));
    survives('main: ' + close + ' / ' + use, () => { const a = {}; eval(close.replace('var b', 'let b') + '; ' + use); });
  }
}
console.log(vm.runInNewContext('6 * 7'));
