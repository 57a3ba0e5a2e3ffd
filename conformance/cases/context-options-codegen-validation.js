// createContext: validation of options.codeGeneration.
const vm = require('node:vm');
function t(label, codeGeneration) {
  try {
    vm.createContext({}, { codeGeneration });
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('undefined', undefined);
t('{}', {});
t('strings true', { strings: true });
t('strings false', { strings: false });
t('wasm false', { wasm: false });
t('both', { strings: false, wasm: true });
t('null', null);
t('string', 'yes');
t('number', 0);
t('array', []);
t('strings number', { strings: 1 });
t('strings string', { strings: 'false' });
t('strings null', { strings: null });
t('wasm number', { wasm: 0 });
t('wasm object', { wasm: {} });
t('strings undefined explicit', { strings: undefined, wasm: undefined });
