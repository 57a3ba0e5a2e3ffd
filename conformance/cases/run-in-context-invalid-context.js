// runInContext / Script#runInContext require a contextified object.
const vm = require('node:vm');
const script = new vm.Script('1');
const values = [['plain object', {}], ['array', []], ['null', null], ['undefined', undefined],
  ['number', 3], ['string', 'ctx'], ['function', function ctxFn() {}], ['globalThis', globalThis]];
for (const [label, v] of values) {
  try {
    vm.runInContext('1', v);
    console.log('vm.runInContext', label, 'no throw');
  } catch (e) {
    console.log('vm.runInContext', label, e.name, e.code, e.message);
  }
  try {
    script.runInContext(v);
    console.log('script.runInContext', label, 'no throw');
  } catch (e) {
    console.log('script.runInContext', label, e.name, e.code, e.message);
  }
}
