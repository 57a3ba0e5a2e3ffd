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
  await new Promise(r => setTimeout(r, (Number(spec) * 7) % 23));
  return moduleOf(Number(spec));
}
const specs = Array.from({ length: 50 }, (_, i) => String(i));
new vm.Script('Promise.all(specs.map(s => import(s)))', { importModuleDynamically: hook })
  .runInContext(Object.assign(ctx, { specs })).then(ns => console.log('sum', ns.reduce((a, n) => a + n.v, 0)));
