// vm.runInNewContext: sandbox handling and fresh realms.
const vm = require('node:vm');
console.log('no sandbox:', vm.runInNewContext('typeof globalThis + ":" + (1 + 2)'));
const sb = { x: 4 };
console.log('with sandbox:', vm.runInNewContext('x * x', sb));
console.log('sandbox contextified:', vm.isContext(sb));
vm.runInNewContext('var made = x + 1', sb);
console.log('made:', sb.made);
// Each call without a sandbox uses a new context.
vm.runInNewContext('var leak = 1');
console.log('leak in next new context:', vm.runInNewContext('typeof leak'));
console.log('leak in main:', typeof leak);
// Re-using a contextified sandbox reuses its context.
vm.runInNewContext('let lex = 7', sb);
console.log('lexical persisted in same sandbox:', vm.runInNewContext('typeof lex', sb));
console.log('undefined sandbox:', vm.runInNewContext('this.constructor.name', undefined));
try {
  vm.runInNewContext('1', 5);
  console.log('number sandbox: no throw');
} catch (e) {
  console.log('number sandbox:', e.name, e.code, e.message);
}
try {
  vm.runInNewContext('1', null);
  console.log('null sandbox: no throw');
} catch (e) {
  console.log('null sandbox:', e.name, e.code, e.message);
}
