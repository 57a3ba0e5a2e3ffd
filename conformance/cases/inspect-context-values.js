// console.log of plain values that come from contexts (util.inspect output).
const vm = require('node:vm');
console.log(vm.runInNewContext('[1, "two", [3], { four: 4 }]'));
console.log(vm.runInNewContext('({ a: 1, nested: { b: [true, null, undefined] } })'));
const sb = { start: 1 };
vm.runInNewContext('var added = "x"; implicit = [1, 2]', sb);
console.log(sb);
console.log([vm.runInNewContext('"str"'), vm.runInNewContext('1.5'), vm.runInNewContext('null')]);
console.log(vm.runInNewContext('Object.create(null)'));
console.log(vm.runInNewContext('new Map([["k", 1]])'));
