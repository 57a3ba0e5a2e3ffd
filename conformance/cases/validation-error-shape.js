// Shape of the errors Node's argument validation throws (main realm, code, name, stack header).
const vm = require('node:vm');
const cases = [
  ['ERR_INVALID_ARG_TYPE', () => vm.createContext(1)],
  ['ERR_INVALID_ARG_VALUE', () => vm.createContext({}, { microtaskMode: 'x' })],
  ['ERR_OUT_OF_RANGE', () => new vm.Script('1', { lineOffset: 0.5 })],
];
for (const [label, fn] of cases) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label);
    console.log('  name:', e.name, 'code:', e.code);
    console.log('  instanceof TypeError/RangeError/Error:', e instanceof TypeError, e instanceof RangeError, e instanceof Error);
    console.log('  own keys:', JSON.stringify(Object.keys(e)));
    console.log('  String(e):', String(e));
    console.log('  stack header:', String(e.stack).split('\n')[0]);
    console.log('  code enumerable:', Object.getOwnPropertyDescriptor(e, 'code').enumerable);
  }
}
