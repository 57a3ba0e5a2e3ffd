// Node 20 vs Node 22+: after a linker throws, Node 20 leaves the module 'linking' (22+: 'errored');
// a SyntheticModule is 'unlinked' until link() in Node 20 (22+: linked at creation, so setExport
// works at once). boavm follows 22+ (Node's current vm tests); this records Node 20's output.
import vm from 'node:vm';
const m = new vm.SourceTextModule('import "x";');
try { await m.link(() => { throw new Error('linker boom'); }); } catch (e) { console.log('link rejected', e.message, m.status); }
try { await m.link(() => {}); } catch (e) { console.log('relink', e.code, e.message); }
const s = new vm.SyntheticModule(['a'], function () { this.setExport('a', 1); });
console.log('synthetic status', s.status);
try { s.setExport('a', 5); console.log('setExport before link ok'); } catch (e) { console.log('setExport before link', e.code, e.message); }
