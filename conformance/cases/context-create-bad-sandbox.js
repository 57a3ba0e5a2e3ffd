// createContext rejects primitives (and null) as the sandbox.
const vm = require('node:vm');
for (const [label, v] of [['null', null], ['number', 42], ['string', 'abc'], ['boolean', false],
  ['symbol', Symbol('q')], ['bigint', 7n]]) {
  try {
    vm.createContext(v);
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
try {
  vm.createContext(function sandboxFn() {});
  console.log('function: no throw');
} catch (e) {
  console.log('function', e.name, e.code, e.message);
}
