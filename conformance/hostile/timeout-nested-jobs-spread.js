const vm = require('node:vm');
const b = vm.createContext({});
const a = vm.createContext({ inner() {
  try { vm.runInContext('while (true) {}', b, { timeout: 50 }); } catch (e) { return e.code; }
  return 'done';
} });
try {
  const r = vm.runInContext(`
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push(inner());
    seen.join(',')`, a, { timeout: 120 });
  console.log('outer finished', r);
} catch (e) { console.log('outer', e.code); }
console.log(vm.runInContext('6 * 7', a));
// afterEvaluate: a looping promise job is stopped; the context works afterwards
const c = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
try { vm.runInContext('Promise.resolve().then(() => { while (1) {} })', c, { timeout: 200 }); console.log('job not stopped'); }
catch (e) { console.log('job', e.code); }
console.log(vm.runInContext('6 * 7', c));
const d = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
try { vm.runInContext('(function f() { Promise.resolve().then(f) })()', d, { timeout: 100 }); console.log('chain not stopped'); }
catch (e) { console.log('chain', e.code); }
console.log(vm.runInContext('6 * 7', d));
try { vm.runInNewContext('let i = 0; [...{ [Symbol.iterator]() { return { next() { while (i < 1e12) i++; return { done: false } } } } }]', {}, { timeout: 100 }); }
catch (e) { console.log('spread', e.code); }
