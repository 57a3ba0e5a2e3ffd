// Errors from runInThisContext belong to the main realm.
const vm = require('node:vm');
for (const code of ['null.x', 'undeclaredName', '"use strict"; strictUndeclared = 1', 'throw new RangeError("r")', 'let 1']) {
  try {
    vm.runInThisContext(code);
    console.log(code, 'no throw');
  } catch (e) {
    console.log(JSON.stringify(code), e.name, 'main realm:', e instanceof globalThis[e.name], e instanceof Error);
  }
}
console.log('strict write did not create global:', 'strictUndeclared' in globalThis);
vm.runInThisContext('sloppyCreated = 1');
console.log('sloppy write created global:', globalThis.sloppyCreated);
delete globalThis.sloppyCreated;
