// Errors thrown by the engine inside a context are that realm's errors.
const vm = require('node:vm');
const ctx = vm.createContext({});
const kinds = [
  ['TypeError', 'null.x'],
  ['ReferenceError', 'missing'],
  ['RangeError', 'new Array(-1)'],
  ['SyntaxError', 'JSON.parse("{")'],
  ['URIError', 'decodeURIComponent("%")'],
  ['Error', 'throw new Error("e")'],
];
for (const [name, code] of kinds) {
  try {
    vm.runInContext(code, ctx);
    console.log(name, 'no throw');
  } catch (e) {
    const Inner = vm.runInContext(name, ctx);
    const InnerError = vm.runInContext('Error', ctx);
    console.log(name, 'e.name:', e.name, 'inner:', e instanceof Inner, 'inner Error:', e instanceof InnerError,
      'main:', e instanceof globalThis[name], 'main Error:', e instanceof Error,
      'constructor.name:', e.constructor.name, 'toString tag:', Object.prototype.toString.call(e));
  }
}
