// new vm.Script(code, options): validation of options, filename, lineOffset, columnOffset.
const vm = require('node:vm');
function t(label, options) {
  try {
    new vm.Script('1', options);
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('options null', null);
t('options number', 1);
t('options boolean', false);
t('options array', []);
t('options string', 'name.js');
t('filename number', { filename: 1 });
t('filename null', { filename: null });
t('filename object', { filename: {} });
t('lineOffset string', { lineOffset: '1' });
t('lineOffset fraction', { lineOffset: 1.5 });
t('lineOffset too big', { lineOffset: 2 ** 31 });
t('lineOffset too small', { lineOffset: -(2 ** 31) - 1 });
t('lineOffset NaN', { lineOffset: NaN });
t('lineOffset Infinity', { lineOffset: Infinity });
t('lineOffset negative ok', { lineOffset: -5 });
t('lineOffset min ok', { lineOffset: -(2 ** 31) });
t('lineOffset null', { lineOffset: null });
t('columnOffset string', { columnOffset: 'x' });
t('columnOffset fraction', { columnOffset: 0.25 });
t('columnOffset too big', { columnOffset: 2 ** 31 });
t('columnOffset bigint', { columnOffset: 1n });
t('columnOffset ok', { columnOffset: 3 });
