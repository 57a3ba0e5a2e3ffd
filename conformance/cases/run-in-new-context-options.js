// vm.runInNewContext: the context* options and their validation.
const vm = require('node:vm');
function t(label, options) {
  try {
    const r = vm.runInNewContext('typeof Object', {}, options);
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('contextName', { contextName: 'named' });
t('contextName number', { contextName: 42 });
t('contextName null', { contextName: null });
t('contextOrigin', { contextOrigin: 'https://example.com' });
t('contextOrigin object', { contextOrigin: {} });
t('contextCodeGeneration {}', { contextCodeGeneration: {} });
t('contextCodeGeneration string', { contextCodeGeneration: 'no' });
t('contextCodeGeneration null', { contextCodeGeneration: null });
t('contextCodeGeneration.strings number', { contextCodeGeneration: { strings: 0 } });
t('contextCodeGeneration.wasm string', { contextCodeGeneration: { wasm: 'x' } });
t('microtaskMode number', { microtaskMode: 5 });
t('microtaskMode bad string', { microtaskMode: 'sometimes' });
t('options string is filename', 'file.js');
t('options null', null);
t('options number', 7);
try {
  vm.runInNewContext('eval("1")', {}, { contextCodeGeneration: { strings: false } });
  console.log('strings:false eval: no throw');
} catch (e) {
  console.log('strings:false eval:', e.name);
}
try {
  vm.runInNewContext('new Function("return 1")', {}, { contextCodeGeneration: { strings: false, wasm: true } });
  console.log('strings:false Function: no throw');
} catch (e) {
  console.log('strings:false Function:', e.name);
}
