const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const m = new vm.SyntheticModule(['v'], function () { this.setExport('v', 42); });
const s = new vm.Script('import("x")', { importModuleDynamically: () => m });
m.link(() => {}).then(() => m.evaluate()).then(() => s.runInThisContext())
  .then(ns => console.log('v =', ns.v), e => console.log('rejected', e.message));
