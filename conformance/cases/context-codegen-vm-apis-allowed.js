// codeGeneration.strings === false does not stop the vm APIs themselves.
const vm = require('node:vm');
const ctx = vm.createContext({ n: 2 }, { codeGeneration: { strings: false } });
console.log('runInContext:', vm.runInContext('n * 21', ctx));
console.log('Script:', new vm.Script('n + 1').runInContext(ctx));
const fn = vm.compileFunction('return n * 100', [], { parsingContext: ctx });
console.log('compileFunction with parsingContext:', fn());
try {
  vm.compileFunction('return eval("1")', [], { parsingContext: ctx })();
  console.log('eval inside compiled fn: no throw');
} catch (e) {
  console.log('eval inside compiled fn:', e.name);
}
