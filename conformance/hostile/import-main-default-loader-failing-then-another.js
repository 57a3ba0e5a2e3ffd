const vm = require('node:vm');
function outcome(label, f) {
  try {
    const v = f();
    console.log(label, 'ok', typeof v === 'string' ? 'string:' + v.length : String(v));
  } catch (e) {
    const stack = e && e.constructor && e.constructor.name === 'RangeError' && /Maximum call stack size exceeded/.test(e.message);
    console.log(label, e && e.constructor && e.constructor.name, stack ? '(stack)' : '');
  }
}
// Engines differ here (a value, a RangeError, another error); what must not happen is an abort.
function survives(label, f) {
  try { f(); } catch (e) { /* any catchable outcome */ }
  console.log(label, 'survived');
}
const { USE_MAIN_CONTEXT_DEFAULT_LOADER } = vm.constants;
const s = new vm.Script('import("./does-not-exist.mjs")', { importModuleDynamically: USE_MAIN_CONTEXT_DEFAULT_LOADER });
s.runInThisContext().then(() => console.log('first resolved?!'), e => console.log('first rejected', e.code || e.constructor.name))
  .then(() => s.runInThisContext()).then(() => console.log('second resolved?!'), e => console.log('second rejected', e.code || e.constructor.name));
