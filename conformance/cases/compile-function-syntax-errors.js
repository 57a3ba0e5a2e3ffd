// compileFunction reports syntax errors in the body and in parameter names.
const vm = require('node:vm');
function t(label, ...args) {
  try {
    const fn = vm.compileFunction(...args);
    console.log(label, 'ok', typeof fn);
  } catch (e) {
    console.log(label, e.name, e instanceof SyntaxError);
  }
}
t('bad body', 'return (');
t('body closes function early', '}); (function () {');
t('body with extra brace', 'return 1 }');
t('await outside async', 'await 1');
t('yield as identifier ok', 'var yield = 1; return yield');
t('return at top level ok', 'return 42');
t('duplicate let', 'let a; let a;');
t('param shadows let', 'let a = 1;', ['a']);
t('sloppy dup params ok', 'return a', ['a', 'a']);
t('strict ok', '"use strict"; return 1');
