// A Proxy sandbox breaking a getOwnPropertyDescriptor invariant: the TypeError names the trap
// (V8's wording; boavm's text omits the property name).
const vm = require('node:vm');
const cases = [
  ['non-configurable for a missing property', { getOwnPropertyDescriptor: () => ({}) }, {}],
  ['undefined for a property of a non-extensible target', { getOwnPropertyDescriptor: () => undefined },
    Object.preventExtensions({ p: 1 })],
];
for (const [name, handler, target] of cases) {
  try {
    vm.runInNewContext('p = 6', new Proxy(target, handler));
    console.log(name, 'no error');
  } catch (e) {
    console.log(name, e.name, /^'getOwnPropertyDescriptor' on proxy: trap /.test(e.message));
  }
}
