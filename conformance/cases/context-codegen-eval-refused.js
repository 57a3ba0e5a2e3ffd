// codeGeneration.strings === false: every call of the context's eval throws EvalError (V8),
// whatever the argument and however eval is reached; eval keeps its name, length and identity.
const vm = require('node:vm');
const ctx = vm.createContext({}, { codeGeneration: { strings: false } });
for (const code of ['eval(42)', '(0,eval)(42)', 'eval.call(null, 42)', '[42].map(eval)[0]', 'eval.name + eval.length', 'String(eval)', 'eval === globalThis.eval', 'Object.getOwnPropertyDescriptor(globalThis,"eval").writable', 'eval("1")', 'new Function("")', 'Function()', 'typeof Function.prototype.constructor', '(function*(){}).constructor()', 'Object.keys(this)', 'eval(function(){})','"use strict"; eval(1)', 'Reflect.apply(eval, null, [3])', 'try { eval(1) } catch (e) { e instanceof EvalError }', 'try { eval(1) } catch (e) { e.message }']) {
  try {
    console.log(code, 'ok', String(vm.runInContext(code, ctx)));
  } catch (e) {
    console.log(code, e.name, e.message);
  }
}
