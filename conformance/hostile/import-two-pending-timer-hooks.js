const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const ctx = vm.createContext({});
function moduleOf(v) {
  const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', v); }, { context: ctx });
  return m.link(() => {}).then(() => m.evaluate()).then(() => m);
}
async function hook(spec) {
  await new Promise(r => setTimeout(r, spec === 'a' ? 30 : 10));
  return moduleOf(spec);
}
new vm.Script('Promise.all([import("a"), import("b")])', { importModuleDynamically: hook })
  .runInContext(ctx).then(ns => console.log('loaded', ns.map(n => n.v).join(',')), e => console.log('rejected', e.constructor.name));
