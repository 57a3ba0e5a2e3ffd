// Shared by the hostile cases: print how a call ended (a value, or the error's constructor and
// whether it is V8's stack overflow RangeError), or only that the process survived it.
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
module.exports = { outcome, survives };
