// vm.compileFunction argument validation.
const vm = require('node:vm');
function t(label, ...args) {
  try {
    const fn = vm.compileFunction(...args);
    console.log(label, 'ok', typeof fn);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('code number', 1);
t('code undefined');
t('code object', { toString() { return 'return 1'; } });
t('params string', 'return 1', 'a');
t('params object', 'return 1', { 0: 'a', length: 1 });
t('params null', 'return 1', null);
t('params element number', 'return 1', ['a', 2]);
t('params element undefined', 'return 1', [undefined]);
t('options null', 'return 1', [], null);
t('options string', 'return 1', [], 'file.js');
t('options array', 'return 1', [], []);
t('filename number', 'return 1', [], { filename: 5 });
t('lineOffset string', 'return 1', [], { lineOffset: '2' });
t('lineOffset fraction', 'return 1', [], { lineOffset: 0.5 });
t('columnOffset too big', 'return 1', [], { columnOffset: 2 ** 31 });
t('columnOffset null', 'return 1', [], { columnOffset: null });
t('cachedData string', 'return 1', [], { cachedData: 'x' });
t('cachedData ArrayBuffer', 'return 1', [], { cachedData: new ArrayBuffer(1) });
t('produceCachedData number', 'return 1', [], { produceCachedData: 1 });
t('parsingContext plain object', 'return 1', [], { parsingContext: {} });
t('parsingContext number', 'return 1', [], { parsingContext: 1 });
t('parsingContext null', 'return 1', [], { parsingContext: null });
t('contextExtensions object', 'return 1', [], { contextExtensions: {} });
t('contextExtensions string', 'return 1', [], { contextExtensions: 'x' });
t('contextExtensions null', 'return 1', [], { contextExtensions: null });
t('contextExtensions[0] number', 'return 1', [], { contextExtensions: [1] });
t('contextExtensions[1] string', 'return 1', [], { contextExtensions: [{}, 'x'] });
t('contextExtensions[0] undefined', 'return 1', [], { contextExtensions: [undefined] });
t('contextExtensions[0] array', 'return 1', [], { contextExtensions: [[]] });
t('params empty ok', 'return 1', []);
t('params undefined ok', 'return 1', undefined);
t('options undefined ok', 'return 1', [], undefined);
