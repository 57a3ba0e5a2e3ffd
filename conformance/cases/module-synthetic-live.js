// SyntheticModule exports set after linking and after evaluation are seen by importers.
const vm = require('vm');
(async () => {
  const syn = new vm.SyntheticModule(['x', 'default'], function () { this.setExport('x', 1); });
  const user = new vm.SourceTextModule('import d, { x } from "syn"; export const read = () => [d, x];');
  await user.link(() => syn);
  console.log(syn.status, user.status);
  await user.evaluate();
  console.log(user.namespace.read());
  syn.setExport('x', 2);
  syn.setExport('default', 'dflt');
  console.log(user.namespace.read(), syn.namespace.x, Object.keys(syn.namespace));
  try { syn.setExport('nope', 1); } catch (e) { console.log(e.name, e.message); }
  const ctx = vm.createContext({ seen: [] });
  const a = new vm.SourceTextModule('import { b } from "b"; seen.push("a"); export const a = "A" + b;', { context: ctx });
  const b = new vm.SourceTextModule('import { a } from "a"; seen.push("b"); export const b = "B"; export const late = () => a;', { context: ctx });
  await a.link((spec) => (spec === 'a' ? a : b));
  await a.evaluate();
  console.log(ctx.seen, a.namespace.a, b.namespace.late(), a.identifier, b.identifier);
  const tla = new vm.SourceTextModule('export let v = await Promise.resolve(7);');
  await tla.link(() => {});
  const p = tla.evaluate();
  console.log(tla.status);
  await p;
  console.log(tla.status, tla.namespace.v);
})();
