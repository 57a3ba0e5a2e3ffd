// Re-running a script with a top-level let in the same context is a redeclaration error.
const vm = require('node:vm');
const script = new vm.Script('let once = 1; once');
const ctx = vm.createContext({});
console.log('first run:', script.runInContext(ctx));
try {
  script.runInContext(ctx);
  console.log('second run: no throw');
} catch (e) {
  console.log('second run:', e.name, 'ctx realm:', e instanceof vm.runInContext('SyntaxError', ctx), 'main realm:', e instanceof SyntaxError);
}
console.log('other context ok:', script.runInContext(vm.createContext({})));
try {
  vm.runInContext('const once = 2', ctx);
  console.log('const redeclare: no throw');
} catch (e) {
  console.log('const redeclare:', e.name);
}
try {
  vm.runInContext('var once = 2', ctx);
  console.log('var over let: no throw');
} catch (e) {
  console.log('var over let:', e.name);
}
const ctx2 = vm.createContext({});
vm.runInContext('var v = 1', ctx2);
try {
  vm.runInContext('let v = 2', ctx2);
  console.log('let over var: no throw');
} catch (e) {
  console.log('let over var:', e.name);
}
// A sandbox property that was not declared by a script does not conflict.
const ctx3 = vm.createContext({ prop: 1 });
try {
  console.log('let over plain sandbox prop:', vm.runInContext('let prop = 2; prop', ctx3), ctx3.prop);
} catch (e) {
  console.log('let over plain sandbox prop:', e.name);
}
