// The source text of a compiled function.
const vm = require('node:vm');
console.log(JSON.stringify(vm.compileFunction('return a + b', ['a', 'b']).toString()));
console.log(JSON.stringify(vm.compileFunction('return 1').toString()));
console.log(JSON.stringify(vm.compileFunction('\n  const x = 1;\n  return x;\n', ['first']).toString()));
console.log(JSON.stringify(String(vm.compileFunction('return 1', ['a', 'b', 'c']))));
