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
(async () => {
  const dep = new vm.SyntheticModule(['v'], function () { this.setExport('v', 7); });
  await dep.link(() => {}); await dep.evaluate();
  const m = new vm.SourceTextModule('export const p = import("dep");', {
    importModuleDynamically: () => new Promise(r => setTimeout(() => r(dep), 15)),
  });
  await m.link(() => {}); await m.evaluate();
  const ns = await m.namespace.p;
  console.log('module import()', ns.v);
})().catch(e => console.log('failed', e.constructor.name, e.message));
