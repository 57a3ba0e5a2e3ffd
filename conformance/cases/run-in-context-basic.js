// vm.runInContext returns the completion value and mutates the sandbox.
const vm = require('node:vm');
const sb = { count: 2, names: [] };
vm.createContext(sb);
console.log('completion:', vm.runInContext('count += 1; count * 10', sb));
console.log('count:', sb.count);
console.log('empty code:', vm.runInContext('', sb));
console.log('statement list completion:', vm.runInContext('if (true) { "yes" } else { "no" }', sb));
console.log('var decl completion:', vm.runInContext('var q = 1', sb));
console.log('object literal completion:', JSON.stringify(vm.runInContext('({ k: count })', sb)));
vm.runInContext('names.push("a", "b")', sb);
console.log('names:', sb.names.join('|'));
console.log('code coerced:', vm.runInContext({ toString() { return 'count + 100'; } }, sb));
console.log('number as code:', vm.runInContext(5, sb));
console.log('state persists:', vm.runInContext('typeof q', sb), sb.q);
