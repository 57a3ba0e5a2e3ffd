// Compiling a Script does not run it; each run re-evaluates it.
const vm = require('node:vm');
globalThis.sideEffects = 0;
const s = new vm.Script('sideEffects++; sideEffects');
console.log('after compile:', globalThis.sideEffects);
console.log('run 1:', s.runInThisContext());
console.log('run 2:', s.runInThisContext());
const sb = vm.createContext({ sideEffects: 100 });
console.log('run in ctx:', s.runInContext(sb), 'main unchanged:', globalThis.sideEffects);
const fnScript = new vm.Script('(function () { return typeof marker })');
const f1 = fnScript.runInContext(vm.createContext({ marker: 1 }));
const f2 = fnScript.runInContext(vm.createContext({ marker: 'x' }));
console.log('fresh function per run:', f1 !== f2, f1(), f2());
delete globalThis.sideEffects;
