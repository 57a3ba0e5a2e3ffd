// Reaches the native handles behind vm.Script and vm.SourceTextModule (symbol-keyed fields)
// and misuses them: every misuse is a typed error and the vm keeps working. Node has no such
// reachable handles (its internal bindings abort the process on misuse), so the expected
// output is boavm's own (tests/native_handles.rs).
const vm = require('vm');
const s = new vm.Script('1+1');
const syms = Object.getOwnPropertySymbols(s);
const h = syms.map((k) => s[k]).find((v) => v && typeof v === 'object');
const tryIt = (name, f) => { try { console.log(name, 'ok', f()); } catch (e) { console.log(name, e.name, e.message); } };
if (h) {
  const p = Object.getPrototypeOf(h);
  console.log(Object.isFrozen(p), Object.keys(p));
  tryIt('run-wrong-this', () => p.run.call({}, undefined, {}));
  tryIt('run-no-opts', () => h.run());
  tryIt('run-bad-context', () => h.run({}));
  tryIt('run-huge-timeout', () => h.run(undefined, { timeout: 1e300 }));
  tryIt('run-nan-timeout', () => h.run(undefined, { timeout: NaN }));
  tryIt('run-getter', () => h.run(undefined, { get timeout() { throw new Error('boom'); } }));
  tryIt('cached', () => h.createCachedData().length > 0);
  tryIt('rejected', () => h.cacheRejected());
}
const m = new vm.SourceTextModule('export const a = 1; import "x";');
const mh = Object.getOwnPropertySymbols(m).map((k) => m[k]).find((v) => v && typeof v === 'object' && typeof v.status === 'function');
if (mh) {
  tryIt('status', () => mh.status());
  tryIt('resolve-bad', () => mh.resolve(['x'], [{}]));
  tryIt('resolve-short', () => mh.resolve(['x', 'y'], []));
  tryIt('resolve-nonarray', () => mh.resolve(5, 6));
  tryIt('setExport-on-stm', () => mh.setExport('a', 1));
  tryIt('evaluate-unlinked', () => mh.evaluate({ timeout: -5 }));
  tryIt('instantiate-unlinked', () => mh.instantiate());
  tryIt('status-after', () => mh.status());
}
tryIt('still works', () => vm.runInNewContext('a + 1', { a: 41 }));
