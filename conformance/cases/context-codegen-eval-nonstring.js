// codeGeneration.strings === false: what eval does with a non-string argument
// (V8 consults the code-generation check even then; the spec would return the value).
const vm = require('node:vm');
const ctx = vm.createContext({}, { codeGeneration: { strings: false } });
for (const code of ['eval(42)', 'typeof eval({ a: 1 })', 'eval()']) {
  try {
    console.log(code, 'ok', JSON.stringify(vm.runInContext(code, ctx)));
  } catch (e) {
    console.log(code, e.name);
  }
}
