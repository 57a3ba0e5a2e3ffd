// Errors raised inside module loading carry Node's class, code and message: import() without
// a hook, a hook returning a non-module, a hook returning an unlinked module, and a static
// request left unresolved by linkRequests.
const vm = require('vm');
const show = (e) => console.log(e.name, e.code, e.message, Object.keys(e));
(async () => {
  try { await vm.runInNewContext('import("x")'); } catch (e) { show(e); }
  const s = new vm.Script('import("y")', { importModuleDynamically() { return 5; } });
  try { await s.runInThisContext(); } catch (e) { show(e); }
  const m = new vm.SourceTextModule('export default 1');
  const s2 = new vm.Script('import("z")', { importModuleDynamically() { return m; } });
  try { await s2.runInThisContext(); } catch (e) { show(e); }
  const f = vm.compileFunction('return import("w")');
  try { await f(); } catch (e) { show(e); }
})();
