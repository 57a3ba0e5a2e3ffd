// vm.isContext on various values, including the argument validation.
const vm = require('node:vm');
function check(label, v) {
  try {
    console.log(label, vm.isContext(v));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
check('{}', {});
check('[]', []);
check('globalThis', globalThis);
const ctx = vm.createContext();
check('ctx', ctx);
check('inner global', vm.runInContext('globalThis', ctx));
check('Object.create(ctx)', Object.create(ctx));
check('named function', function namedFn() {});
check('anonymous function', (() => () => {})());
check('undefined', undefined);
check('null', null);
check('number', 1);
check('string', 'str');
check('boolean', true);
check('symbol', Symbol('s'));
check('bigint', 1n);
