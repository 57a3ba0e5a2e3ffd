const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const ctx = vm.createContext({});
function moduleOf(v) {
  const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', v); }, { context: ctx });
  return m.link(() => {}).then(() => m.evaluate()).then(() => m);
}
let calls = 0;
const hook = async () => { if (calls++ === 0) throw new TypeError('first fails'); return moduleOf('second'); };
const s = new vm.Script('import("a")', { importModuleDynamically: hook });
s.runInContext(ctx).catch(e => console.log('first:', e.constructor.name, e.message))
  .then(() => s.runInContext(ctx)).then(ns => console.log('second:', ns.v));
