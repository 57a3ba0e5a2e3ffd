// vm.measureMemory option validation (synchronous throws).
const vm = require('node:vm');
function t(label, ...args) {
  try {
    const p = vm.measureMemory(...args);
    console.log(label, 'ok', p instanceof Promise);
    p.catch(() => {});
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('options null', null);
t('options string', 'summary');
t('options number', 1);
t('mode bad', { mode: 'full' });
t('mode number', { mode: 1 });
t('mode null', { mode: null });
t('execution bad', { execution: 'lazy' });
t('execution boolean', { execution: true });
t('mode uppercase', { mode: 'SUMMARY' });
t('both valid', { mode: 'summary', execution: 'eager' });
