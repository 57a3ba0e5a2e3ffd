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
outcome('paren 1500', () => new vm.Script('('.repeat(1500) + '1' + ')'.repeat(1500)).runInThisContext());
