// Functions and closures cross between the main context and a vm context.
const vm = require('node:vm');
const calls = [];
const sb = vm.createContext({
  report(x) { calls.push(x); return 'reported ' + x; },
  mainThis() { return this; },
  mainThrows() { throw new TypeError('from main'); },
});
console.log('main fn called inside:', vm.runInContext('report(1)', sb));
const counter = vm.runInContext('(function () { let n = 0; return () => ++n; })()', sb);
counter(); counter();
console.log('closure from context:', counter());
const applyFn = vm.runInContext('(f, v) => f(v) + "!"', sb);
console.log('main callback through ctx fn:', applyFn((v) => v.toUpperCase(), 'abc'));
console.log('method call this is inner global:', vm.runInContext('this.mainThis() === globalThis', sb));
console.log('unqualified call this is main global:', vm.runInContext('mainThis()', sb) === globalThis);
console.log('main error caught inside, inner TypeError?', vm.runInContext(
  'try { mainThrows() } catch (e) { [e instanceof TypeError, e.message].join(",") }', sb));
console.log('inner fn .call with main this:', vm.runInContext('(function () { return this.tag })', sb).call({ tag: 'main obj' }));
console.log('bound inner fn:', vm.runInContext('(function (a, b) { return a + b })', sb).bind(null, 1)(2));
console.log('inner fn name/length:', ...(() => { const f = vm.runInContext('(function innerName(a, b, c) {})', sb); return [f.name, f.length]; })());
console.log('calls:', calls.join(','));
console.log('sort with inner comparator:', [3, 1, 2].sort(vm.runInContext('(a, b) => a - b', sb)).join(','));
