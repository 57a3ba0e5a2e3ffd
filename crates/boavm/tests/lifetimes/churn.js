'use strict';
// Context churn as production code does it (a context per request, per test file, per
// template): `boavm --expose-gc churn.js SCALE` prints the peak RSS growth in MB. The test
// compares SCALE 1 with SCALE 0.02: what grows with the counts is what leaks.
const vm = require('node:vm');
const scale = Number(process.argv[2] || 1);
const only = process.argv[3];
const n = (k) => Math.max(1, Math.round(k * scale));
const mb = () => process.memoryUsage().rss / 1048576;
let peak = 0;
const sample = () => { peak = Math.max(peak, mb()); };
const phases = {
  createContext() {
    for (let i = 0; i < n(5000); i++) {
      const ctx = vm.createContext({ i, out: null });
      vm.runInContext('out = [i, new Map([[1, i]]), class A {}, Promise.resolve(i)]', ctx);
      if (i % 250 === 0) sample();
    }
  },
  runInNewContext() {
    for (let i = 0; i < n(5000); i++) {
      vm.runInNewContext('var o = { a: [1, 2, 3], f() { return k } }; o.f()', { k: i });
      if (i % 250 === 0) sample();
    }
  },
  compileFunction() {
    for (let i = 0; i < n(2000); i++) {
      const f = vm.compileFunction('return a + b + (typeof c)', ['a', 'b'], {
        parsingContext: vm.createContext({ c: i }),
        importModuleDynamically() { return f; },
      });
      f(1, 2);
      if (i % 250 === 0) sample();
    }
  },
  dontContextify() {
    for (let i = 0; i < n(2000); i++) {
      const g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
      vm.runInContext('globalThis.x = new Set([1, 2]); x.size', g);
      if (i % 250 === 0) sample();
    }
  },
  async modules() {
    for (let i = 0; i < n(1000); i++) {
      const sandbox = { i, result: 0 };
      const context = vm.createContext(sandbox, { importModuleDynamically() { return dep; } });
      const dep = new vm.SyntheticModule(['v'], function () { this.setExport('v', i); }, { context });
      const m = new vm.SourceTextModule(
        'import { v } from "dep"; export const w = v + i + import.meta.k; result = w;',
        {
          context,
          initializeImportMeta(meta) { meta.k = 1; },
          importModuleDynamically() { return dep; },
        });
      await m.link(async () => dep);
      await m.evaluate();
      if (sandbox.result !== 2 * i + 1) throw new Error('bad module result');
      // Boa 0.22 keeps every graph whose namespace object was created (README, Lifetimes):
      // the first ten take it here, at every scale, so that the comparison sees other leaks.
      if (i < 10 && m.namespace.w !== 2 * i + 1) throw new Error('bad namespace');
      if (i % 100 === 0) sample();
    }
  },
};
(async () => {
  gc();
  const start = mb();
  for (const [name, fn] of Object.entries(phases)) {
    if (only && only !== name) continue;
    await fn();
    gc();
    sample();
  }
  console.log((peak - start).toFixed(1));
})();
