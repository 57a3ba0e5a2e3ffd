// new vm.Script: only the type validation of cachedData and produceCachedData.
const vm = require('node:vm');
function t(label, options) {
  try {
    new vm.Script('1', options);
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('cachedData string', { cachedData: 'abc' });
t('cachedData number', { cachedData: 1 });
t('cachedData null', { cachedData: null });
t('cachedData plain object', { cachedData: {} });
t('cachedData array', { cachedData: [1, 2] });
t('cachedData ArrayBuffer', { cachedData: new ArrayBuffer(4) });
t('produceCachedData string', { produceCachedData: 'yes' });
t('produceCachedData number', { produceCachedData: 1 });
t('produceCachedData null', { produceCachedData: null });
t('produceCachedData false', { produceCachedData: false });
