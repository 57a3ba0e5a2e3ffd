// Syntax errors at compile time: thrown by new vm.Script / runIn* as SyntaxError.
const vm = require('node:vm');
function show(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    const lines = String(e.stack).split('\n');
    console.log(label, e.name, 'main-realm SyntaxError:', e instanceof SyntaxError,
      'header:', JSON.stringify(lines[0]), 'source:', JSON.stringify(lines[1]),
      'caret:', /^\s*\^+\s*$/.test(lines[2]));
  }
}
show('new Script', () => new vm.Script('var = 1', { filename: 'syn.js' }));
show('new Script line 3', () => new vm.Script('1;\n2;\nlet let = 3;', { filename: 'syn3.js' }));
show('new Script lineOffset', () => new vm.Script('\n)', { filename: 'synoff.js', lineOffset: 9 }));
const ctx = vm.createContext({});
const CtxSyntaxError = vm.runInContext('SyntaxError', ctx);
show('runInContext', () => vm.runInContext('if (1 2) {}', ctx, 'ctx.js'));
try { vm.runInContext('if (1 2) {}', ctx); } catch (e) { console.log('runInContext error is the context realm SyntaxError:', e instanceof CtxSyntaxError); }
try { new vm.Script('if (1 2) {}').runInContext(ctx); } catch (e) { console.log('new Script error is the context realm SyntaxError:', e instanceof CtxSyntaxError); }
show('runInNewContext', () => vm.runInNewContext('}', {}, 'new.js'));
show('runInThisContext', () => vm.runInThisContext('a b', 'this.js'));
show('runInContext displayErrors false', () => vm.runInContext('if (1 2) {}', ctx, { filename: 'nd.js', displayErrors: false }));
show('default filename', () => new vm.Script('@'));
