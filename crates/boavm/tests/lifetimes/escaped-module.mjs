// A module namespace taken out of a context keeps working after the sandbox and the module
// object are dropped. Run with --expose-gc (and --experimental-vm-modules on node).
import vm from 'node:vm';
const tick = () => new Promise((r) => setTimeout(r, 0));
async function collect() {
  for (let i = 0; i < 3; i++) { await tick(); gc(); }
}
let ns, weakSandbox, weakModule;
async function make() {
  const sandbox = { base: 10 };
  weakSandbox = new WeakRef(sandbox);
  const context = vm.createContext(sandbox);
  const dep = new vm.SyntheticModule(['step'], function () { this.setExport('step', 5); }, { context });
  const m = new vm.SourceTextModule(
    'import { step } from "dep"; export let v = base; export function inc() { v += step; return v; }' +
      ' export const meta = import.meta.tag; export const later = () => import("late");',
    {
      context,
      initializeImportMeta(meta) { meta.tag = 'tagged'; },
      importModuleDynamically() { return dep; },
    });
  weakModule = new WeakRef(m);
  await m.link(async () => dep);
  await m.evaluate();
  ns = m.namespace;
}
await make();
await collect();
console.log('namespace after gc:', ns.v, ns.inc(), ns.v, ns.meta);
console.log('import() from the module after gc:', (await ns.later()).step);
console.log('sandbox kept by the namespace:', weakSandbox.deref() !== undefined);
