// createContext(sandbox, options): validation of options, name and origin.
const vm = require('node:vm');
function t(label, options) {
  try {
    const ctx = vm.createContext({}, options);
    console.log(label, 'ok', vm.isContext(ctx));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('options undefined', undefined);
t('options {}', {});
t('options null', null);
t('options string', 'opts');
t('options number', 5);
t('options array', []);
t('options function', function f() {});
t('name string', { name: 'my context' });
t('name number', { name: 123 });
t('name null', { name: null });
t('name object', { name: {} });
t('name empty string', { name: '' });
t('origin string', { origin: 'https://example.org' });
t('origin number', { origin: 1 });
t('origin null', { origin: null });
t('origin boolean', { origin: true });
const sb = {};
try { vm.createContext(sb, { name: 1 }); } catch (e) { console.log('failed create:', e.code); }
console.log('sandbox contextified after failure:', vm.isContext(sb));
