// initializeImportMeta throwing rejects evaluate() with its error (status errored); a linker
// returning a Proxy around a module is refused (Node 20: a private-field TypeError, newer: ERR_VM_MODULE_NOT_MODULE).
import vm from 'node:vm';
const m = new vm.SourceTextModule('globalThis.ran = true; export const x = import.meta.k;', {
  initializeImportMeta(meta) { throw new Error('meta failed'); },
});
await m.link(() => {});
try { await m.evaluate(); console.log('evaluated', m.status); } catch (e) { console.log('rejected:', e.message, m.status, m.error === e); }
console.log(globalThis.ran);
const m2 = new vm.SourceTextModule('export default 1', {});
await m2.link(() => {});
await m2.evaluate();
console.log(m2.namespace.default);
// linker returning a proxy of a module
const dep = new vm.SourceTextModule('export const y = 2');
const m3 = new vm.SourceTextModule('import { y } from "d"; export const z = y');
try { await m3.link(() => new Proxy(dep, {})); console.log('linked', m3.status); } catch (e) { console.log('linker proxy rejected', e instanceof Error); }
