// codeGeneration.strings === false is a property of the context's realm: its Function
// constructor refuses even when called from the main context.
const vm = require('node:vm');
const ctx = vm.createContext({}, { codeGeneration: { strings: false } });
const CtxFunction = vm.runInContext('Function', ctx);
try {
  CtxFunction('return 1');
  console.log('ctx Function from outside: no throw');
} catch (e) {
  console.log('ctx Function from outside:', e.name);
}
const ctxEval = vm.runInContext('eval', ctx);
try {
  ctxEval('1');
  console.log('ctx eval from outside: no throw');
} catch (e) {
  console.log('ctx eval from outside:', e.name);
}
// The main realm's Function passed into the context still works there.
ctx.MainFunction = Function;
console.log('main Function inside ctx:', vm.runInContext('MainFunction("return 11")()', ctx));
// vm.Script itself is not code generation from strings inside the context.
console.log('vm.runInContext still works:', vm.runInContext('1 + 2', ctx));
