// compileFunction parsingContext: the function belongs to the context's realm and global scope.
const vm = require('node:vm');
const sb = vm.createContext({ who: 'sandbox' });
const fn = vm.compileFunction('return [who, typeof process, [] instanceof Array]', [], { parsingContext: sb });
const r = fn();
console.log('who:', r[0], 'process:', r[1], 'inner instanceof:', r[2]);
console.log('result array from main:', r instanceof Array, Array.isArray(r));
console.log('fn instanceof main Function:', fn instanceof Function);
console.log('fn instanceof ctx Function:', fn instanceof vm.runInContext('Function', sb));
const writer = vm.compileFunction('var notGlobal = 1; madeGlobal = 2;', [], { parsingContext: sb });
writer();
console.log('sandbox.notGlobal:', sb.notGlobal, 'sandbox.madeGlobal:', sb.madeGlobal);
console.log('main madeGlobal:', typeof madeGlobal);
const thisFn = vm.compileFunction('return this', [], { parsingContext: sb });
console.log('sloppy this is ctx global:', thisFn() === vm.runInContext('globalThis', sb));
try {
  vm.compileFunction('throw new TypeError("t")', [], { parsingContext: sb })();
} catch (e) {
  console.log('thrown TypeError realm: main', e instanceof TypeError, 'ctx', e instanceof vm.runInContext('TypeError', sb));
}
try {
  vm.compileFunction('return (', [], { parsingContext: sb });
} catch (e) {
  console.log('syntax error:', e.name, 'ctx realm:', e instanceof vm.runInContext('SyntaxError', sb));
}
const withExt = vm.compileFunction('return who + "/" + extra', [], { parsingContext: sb, contextExtensions: [{ extra: 'ext' }] });
console.log('parsingContext + extensions:', withExt());
