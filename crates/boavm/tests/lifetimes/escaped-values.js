'use strict';
// Values taken out of a context keep it working after its sandbox is dropped; the context
// (sandbox included) is freed once they go. Run with --expose-gc.
const vm = require('node:vm');
const tick = () => new Promise((r) => setTimeout(r, 0));
async function collect() {
  for (let i = 0; i < 3; i++) { await tick(); gc(); }
}

async function main() {
  let weakSandbox, f, p, o;
  (() => {
    const sandbox = { base: 40, list: [] };
    weakSandbox = new WeakRef(sandbox);
    vm.createContext(sandbox);
    f = vm.runInContext('(function (x) { list.push(x); return base + x + list.length; })', sandbox);
    p = vm.runInContext('new Promise((r) => r(base + 1))', sandbox);
    o = vm.runInContext('({ get total() { return base * 2 }, items: new Map([[1, "one"]]) })', sandbox);
  })();
  await collect();
  console.log('function after gc:', f(1), f(2));
  console.log('promise after gc:', await p);
  console.log('getter after gc:', o.total, o.items.get(1));
  console.log('sandbox kept by its values:', weakSandbox.deref() !== undefined,
    weakSandbox.deref() && weakSandbox.deref().list.join(','));
  f = null;
  await collect();
  console.log('still kept by the promise and object:', weakSandbox.deref() !== undefined);
  p = null;
  o = null;
  await collect();
  console.log('freed when nothing is left:', weakSandbox.deref() === undefined);

  // A context reached only through a function of it: globals still resolve, writes land
  // on the sandbox.
  let counter, weakCounterSandbox;
  (() => {
    const sandbox = { n: 0 };
    weakCounterSandbox = new WeakRef(sandbox);
    counter = vm.runInNewContext('() => ++n + (typeof Array)', sandbox);
  })();
  await collect();
  console.log('counter:', counter(), counter(), counter());
  console.log('counter sandbox n:', weakCounterSandbox.deref().n);
  counter = null;
  await collect();
  console.log('counter context freed:', weakCounterSandbox.deref() === undefined);

  // DONT_CONTEXTIFY: the global object is the handle.
  let g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
  vm.runInContext('var kept = [1, 2, 3]', g);
  const weakGlobal = new WeakRef(g);
  let sum = vm.runInContext('() => kept.reduce((a, b) => a + b)', g);
  g = null;
  await collect();
  console.log('uncontextified via function:', sum(), weakGlobal.deref() !== undefined);
  sum = null;
  await collect();
  console.log('uncontextified freed:', weakGlobal.deref() === undefined);

  // A Script keeps no context alive.
  const script = new vm.Script('globalThis.hits = (globalThis.hits || 0) + 1');
  let weakRan;
  (() => {
    const sb = {};
    weakRan = new WeakRef(sb);
    vm.createContext(sb);
    script.runInContext(sb);
    script.runInContext(sb);
    console.log('script hits:', sb.hits);
  })();
  await collect();
  console.log('script does not keep contexts:', weakRan.deref() === undefined);

  // compileFunction with a fresh parsing context.
  let fn = vm.compileFunction('return k + a', ['a'], { parsingContext: vm.createContext({ k: 5 }) });
  await collect();
  console.log('compiled function:', fn(1));
  fn = null;
}
main();
