// A script's own thrown messages are kept verbatim; engine errors take V8's wording.
const vm = require('node:vm');
for (const code of [
  'throw new Error("cannot redefine property: my data")',
  'throw new TypeError("cannot set non-writable property: q")',
  'Object.defineProperty(Object.freeze({ a: 1 }), "a", { value: 2 })',
  '"use strict"; Object.freeze({ b: 1 }).b = 2',
  'function f() { Object.defineProperty(Object.freeze({ c: 1 }), "c", { value: 2 }) } f()',
]) {
  try { vm.runInNewContext(code); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
