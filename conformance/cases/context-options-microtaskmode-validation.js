// createContext: validation of options.microtaskMode (only bad values are tested here).
const vm = require('node:vm');
function t(label, microtaskMode) {
  try {
    vm.createContext({}, { microtaskMode });
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('undefined', undefined);
t('bad string', 'afterwards');
t('empty string', '');
t('number', 1);
t('null', null);
t('boolean', true);
t('object', {});
t('wrong case', 'AfterEvaluate');
