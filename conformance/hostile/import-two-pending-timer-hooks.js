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
const ctx = vm.createContext({});
function moduleOf(v) {
  const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', v); }, { context: ctx });
  return m.link(() => {}).then(() => m.evaluate()).then(() => m);
}
async function hook(spec) {
  await new Promise(r => setTimeout(r, spec === 'a' ? 30 : 10));
  return moduleOf(spec);
}
new vm.Script('Promise.all([import("a"), import("b")])', { importModuleDynamically: hook })
  .runInContext(ctx).then(ns => console.log('loaded', ns.map(n => n.v).join(',')), e => console.log('rejected', e.constructor.name));
