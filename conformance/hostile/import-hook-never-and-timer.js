const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const ctx = vm.createContext({});
function moduleOf(v) {
  const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', v); }, { context: ctx });
  return m.link(() => {}).then(() => m.evaluate()).then(() => m);
}
let n = 0;
const hook = spec => spec === 'never' ? new Promise(() => {}) : new Promise(r => setTimeout(r, 10)).then(() => moduleOf(++n));
const s = new vm.Script('[import("never"), import("late")]', { importModuleDynamically: hook });
const [never, late] = s.runInContext(ctx);
never.then(() => console.log('never settled?!'));
late.then(ns => console.log('late loaded', ns.v));
