// Sloppy undeclared writes create sandbox properties; strict ones throw ReferenceError.
const vm = require('node:vm');
const sb = vm.createContext({});
vm.runInContext('implicit = 1; this.viaThis = 2; globalThis.viaGlobalThis = 3;', sb);
console.log('keys:', JSON.stringify(Object.keys(sb)));
console.log('values:', sb.implicit, sb.viaThis, sb.viaGlobalThis);
console.log('descriptor:', JSON.stringify(Object.getOwnPropertyDescriptor(sb, 'implicit')));
try {
  vm.runInContext('"use strict"; strictImplicit = 1', sb);
  console.log('strict: no throw');
} catch (e) {
  console.log('strict:', e.name, 'ctx realm:', e instanceof vm.runInContext('ReferenceError', sb), 'main realm:', e instanceof ReferenceError);
}
console.log('strict did not create:', 'strictImplicit' in sb);
try {
  vm.runInContext('"use strict"; this.strictViaThis = 4; globalThis.strictViaGT = 5;', sb);
  console.log('strict this writes:', sb.strictViaThis, sb.strictViaGT);
} catch (e) {
  console.log('strict this writes:', e.name);
}
try {
  vm.runInContext('(function () { "use strict"; inFn = 1; })()', sb);
  console.log('strict function: no throw');
} catch (e) {
  console.log('strict function:', e.name);
}
try {
  vm.runInContext('neverDefined', sb);
  console.log('read undeclared: no throw');
} catch (e) {
  console.log('read undeclared:', e.name);
}
// Writes to an existing sandbox property work in strict mode.
sb.existing = 1;
vm.runInContext('"use strict"; existing = 2', sb);
console.log('strict write existing:', sb.existing);
// Property added to the sandbox from outside after a failed strict write.
sb.strictImplicit = 'outside';
vm.runInContext('"use strict"; strictImplicit = "inside"', sb);
console.log('strict after outside add:', sb.strictImplicit);
