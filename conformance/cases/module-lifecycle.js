// SourceTextModule/SyntheticModule status machine, errors and identifiers (Node 20 semantics).
const vm = require("vm");
(async () => {
const m = new vm.SyntheticModule(['a'], function () { this.setExport('a', 1) });
await m.link(() => {});
try { m.setExport('b', 1) } catch (e) { console.log(e.name, e.code, e.message) }
console.log(m.status);
m.setExport('a', 5); console.log(m.namespace.a, m.identifier);
await m.evaluate(); console.log(m.status);
const s = new vm.SourceTextModule('import x from "y"; export let z = 1; await 0;', { identifier: 'root' });
console.log(s.status, s.dependencySpecifiers, s.identifier);
try { s.error } catch (e) { console.log(e.name, e.code, e.message) }
try { s.namespace } catch (e) { console.log(e.name, e.code, e.message) }
try { await s.evaluate() } catch (e) { console.log(e.name, e.code, e.message) }
try { await s.link(() => 5) } catch (e) { console.log(e.name, e.code, e.message) }
console.log(s.status);
try { await s.link(() => 5) } catch (e) { console.log(e.name, e.code, e.message) }
const c = vm.createContext({});
const other = new vm.SourceTextModule('', { context: c });
const s2 = new vm.SourceTextModule('import "q"');
try { await s2.link(() => other) } catch (e) { console.log(e.name, e.code, e.message) }
console.log(new vm.SourceTextModule('').identifier, new vm.SourceTextModule('', {context: c}).identifier);
const e1 = new vm.SourceTextModule('throw new Error("boom")');
await e1.link(() => {});
try { await e1.evaluate() } catch (e) { console.log('eval rejects', e.message, e === e1.error, e1.status) }
try { await e1.evaluate() } catch (e) { console.log('again', e === e1.error) }
})();
