const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
(async () => {
  const dep = new vm.SyntheticModule(['v'], function () { this.setExport('v', 7); });
  await dep.link(() => {}); await dep.evaluate();
  const m = new vm.SourceTextModule('export const p = import("dep");', {
    importModuleDynamically: () => new Promise(r => setTimeout(() => r(dep), 15)),
  });
  await m.link(() => {}); await m.evaluate();
  const ns = await m.namespace.p;
  console.log('module import()', ns.v);
})().catch(e => console.log('failed', e.constructor.name, e.message));
