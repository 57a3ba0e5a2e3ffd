// vm.Script must be called with new; instances and createScript.
const vm = require('node:vm');
try {
  vm.Script('1');
  console.log('without new: no throw');
} catch (e) {
  console.log('without new:', e.name, e instanceof TypeError);
}
const s = new vm.Script('40 + 2');
console.log('instanceof Script:', s instanceof vm.Script);
console.log('typeof:', typeof s);
console.log('runInThisContext:', s.runInThisContext());
console.log('prototype methods:', ['runInThisContext', 'runInContext', 'runInNewContext', 'createCachedData']
  .map((m) => m + '=' + typeof vm.Script.prototype[m]).join(' '));
const c = vm.createScript('"created"');
console.log('createScript instanceof Script:', c instanceof vm.Script);
console.log('createScript run:', c.runInNewContext());
console.log('Script.name:', vm.Script.name);
console.log('createScript.name:', vm.createScript.name);
console.log('code coercion:', new vm.Script(7 * 6).runInThisContext());
console.log('object code coercion:', new vm.Script({ toString() { return '"coerced"'; } }).runInThisContext());
console.log('undefined code:', new vm.Script().runInThisContext());
class Sub extends vm.Script {}
console.log('subclass run:', new Sub('"sub"').runInThisContext(), new Sub('1') instanceof vm.Script);
