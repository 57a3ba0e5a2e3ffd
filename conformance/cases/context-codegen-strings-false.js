// codeGeneration.strings === false: eval and the Function-family constructors throw EvalError.
const vm = require('node:vm');
const ctx = vm.createContext({}, { codeGeneration: { strings: false } });
function t(label, code) {
  try {
    const r = vm.runInContext(code, ctx);
    console.log(label, 'ok', typeof r === 'function' ? 'function' : JSON.stringify(r));
  } catch (e) {
    console.log(label, e.name, e instanceof EvalError, e instanceof vm.runInContext('EvalError', ctx));
  }
}
t('direct eval', 'eval("1 + 1")');
t('indirect eval', '(0, eval)("1 + 1")');
t('globalThis.eval', 'globalThis.eval("2")');
t('Function', 'Function("return 1")');
t('new Function', 'new Function("a", "return a")');
t('Function no args', 'Function()');
t('GeneratorFunction', 'Object.getPrototypeOf(function* () {}).constructor("yield 1")');
t('AsyncFunction', 'Object.getPrototypeOf(async function () {}).constructor("return 1")');
t('AsyncGeneratorFunction', 'Object.getPrototypeOf(async function* () {}).constructor("yield 1")');
t('plain code still runs', '[1, 2, 3].map((x) => x * 2)');
t('function literal ok', '(function () { return 5 })()');
// Outside the restricted context, code generation still works.
console.log('outer eval:', eval('3 * 3'));
console.log('outer Function:', Function('return 4')());
// A default context allows it.
console.log('default ctx eval:', vm.runInNewContext('eval("6 * 7")'));
console.log('strings:true ctx eval:', vm.runInContext('eval("8")', vm.createContext({}, { codeGeneration: { strings: true } })));
