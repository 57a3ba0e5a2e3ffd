// Deep recursion inside a context is a catchable RangeError of that context (as in V8); one
// that escapes reaches the caller as the context's RangeError.
const vm = require('node:vm');
const src = "function f(){f()} try{f()}catch(e){'caught ' + e.name + ' ' + (e instanceof RangeError) + ' ' + e.message}";
console.log(vm.runInNewContext(src));
const ctx = vm.createContext({});
console.log(vm.runInContext(src, ctx));
console.log(vm.runInContext("var n = 0; function g(){ n++; g() } try { g() } catch (e) { n > 100 }", ctx));
console.log(vm.runInContext("function h(){ try { return h() } catch { return 42 } } h()", ctx));
try { vm.runInContext("(function r(){ r() })()", ctx) } catch (e) { console.log('outside', e.name, e.message, e instanceof RangeError) }
console.log(vm.runInContext("1 + 1", ctx));
