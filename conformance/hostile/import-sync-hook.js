const vm = require('node:vm');
function outcome(label, f) {
  try {
    const v = f();
    console.log(label, 'ok', typeof v === 'string' ? 'string:' + v.length : String(v));
  } catch (e) {
    const stack = e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message);
    console.log(label, e && e.constructor && e.constructor.name, stack ? '(stack)' : '');
  }
}
// Either a value or V8's stack RangeError is a correct answer; what must not happen is an abort.
function survives(label, f) {
  try { f(); console.log(label, 'ok-or-RangeError'); } catch (e) {
    console.log(label, e instanceof RangeError ? 'ok-or-RangeError' : 'threw ' + e.constructor.name);
  }
}
const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', 42); });
const s = new vm.Script('import("x")', { importModuleDynamically: () => m });
m.link(() => {}).then(() => m.evaluate()).then(() => s.runInThisContext())
  .then(ns => console.log('v =', ns.v), e => console.log('rejected', e.message));
