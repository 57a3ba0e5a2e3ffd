// A failed call names its callee as V8 does (`o.f is not a function`), for errors leaving a
// vm run; the callee is read from the script's source at the call.
const vm = require('vm');
const sources = [
  'var o = {}; o.f()',
  'var x = 1; x()',
  'undefined()',
  'var o = {a:{}};\n  o.a.b ()',
  'new 5',
  'var o={}; new o.C()',
  'var s = Symbol(); s()',
  'var o = {}; o["k"]()',
  "var o = {a: {}}; o.a['k']()",
  'function g() { return q.r() }\nvar q = {}; g()',
  'var o = { get f() { return 5 } }; o.f()',
  'var obj = { m: null }; obj.m(1, 2)',
  'var n = 42; new n()',
];
for (const src of sources) {
  for (const o of [{}, { lineOffset: 3, columnOffset: 9 }]) {
    try {
      vm.runInNewContext(src, {}, { filename: 'callee.js', ...o });
    } catch (e) {
      console.log(JSON.stringify(src), JSON.stringify(o), '=>', e.name, e.message);
    }
  }
}
// Caught inside the context, the message is the engine's own (only errors leaving a run are
// rewritten): printed as a type check only.
console.log(vm.runInNewContext('try { var o = {}; o.f() } catch (e) { e instanceof TypeError }'));
