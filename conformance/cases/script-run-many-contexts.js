// One compiled Script runs in many contexts; each run sees its own globals.
const vm = require('node:vm');
const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1; var tag = name + count; tag');
const a = vm.createContext({ name: 'a' });
const b = vm.createContext({ name: 'b' });
console.log(script.runInContext(a));
console.log(script.runInContext(a));
console.log(script.runInContext(b));
console.log(script.runInContext(a));
console.log('a:', JSON.stringify(a));
console.log('b:', JSON.stringify(b));
const fresh = { name: 'n' };
console.log(script.runInNewContext(fresh));
console.log('fresh contextified:', vm.isContext(fresh), fresh.count);
console.log(script.runInNewContext({ name: "z" }));
console.log("main global untouched:", typeof count, typeof tag);
