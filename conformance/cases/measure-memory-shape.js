// vm.measureMemory result shape (types only, never numbers).
const vm = require('node:vm');
function rangeShape(r) {
  return [typeof r, typeof r.jsMemoryEstimate, Array.isArray(r.jsMemoryRange),
    r.jsMemoryRange.length, r.jsMemoryRange.every((n) => typeof n === 'number'),
    r.jsMemoryRange[0] <= r.jsMemoryRange[1]].join(',');
}
(async () => {
  const summary = await vm.measureMemory({ execution: 'eager' });
  console.log('summary keys:', JSON.stringify(Object.keys(summary)));
  console.log('summary total:', rangeShape(summary.total));
  console.log('summary total keys:', JSON.stringify(Object.keys(summary.total)));
  const ctx = vm.createContext({});
  vm.runInContext('globalThis.big = new Array(1000).fill(0)', ctx);
  const detailed = await vm.measureMemory({ mode: 'detailed', execution: 'eager' });
  console.log('detailed keys:', JSON.stringify(Object.keys(detailed).sort()));
  console.log('detailed total:', rangeShape(detailed.total));
  console.log('detailed current:', rangeShape(detailed.current));
  console.log('detailed other is array:', Array.isArray(detailed.other));
  console.log('detailed other entries:', detailed.other.map(rangeShape).every((s) => s === rangeShape(detailed.total)));
  // execution 'default' resolves only at a later GC: check the type, never wait for it.
  const promise = vm.measureMemory();
  console.log('default returns promise:', promise instanceof Promise);
  console.log('keep ctx alive:', vm.isContext(ctx));
})();
