const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const ctx = vm.createContext({});
function moduleOf(v) {
  const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', v); }, { context: ctx });
  return m.link(() => {}).then(() => m.evaluate()).then(() => m);
}
async function hook(spec) {
  await new Promise(r => setTimeout(r, (Number(spec) * 7) % 23));
  return moduleOf(Number(spec));
}
const specs = Array.from({ length: 50 }, (_, i) => String(i));
new vm.Script('Promise.all(specs.map(s => import(s)))', { importModuleDynamically: hook })
  .runInContext(Object.assign(ctx, { specs })).then(ns => console.log('sum', ns.reduce((a, n) => a + n.v, 0)));
