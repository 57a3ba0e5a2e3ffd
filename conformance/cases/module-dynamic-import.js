// importModuleDynamically on Script, compileFunction and SourceTextModule; missing hook; bad result.
const vm = require('vm');
(async () => {
  const dep = new vm.SourceTextModule('export const v = 42;');
  await dep.link(() => {}); await dep.evaluate();
  const s = new vm.Script('import("foo")', { importModuleDynamically(spec, ref, attrs) { console.log('hook', spec, ref === s, typeof attrs); return dep; } });
  const ns = await s.runInThisContext();
  console.log(ns.v, ns === dep.namespace);
  const f = vm.compileFunction('return import("bar")', [], { importModuleDynamically: async (spec, ref) => { console.log('fn hook', spec, ref === f); return dep.namespace; } });
  console.log((await f()).v);
  const m = new vm.SourceTextModule('export const p = import("baz")', { importModuleDynamically: (spec, ref) => { console.log('mod hook', spec, ref === m); return dep; } });
  await m.link(() => {}); await m.evaluate();
  console.log((await m.namespace.p).v);
  await vm.runInNewContext('import("x")').catch((e) => console.log(e.code));
  const bad = new vm.Script('import("q")', { importModuleDynamically: () => 5 });
  await bad.runInThisContext().catch((e) => console.log(e.code, e.message));
})();
