// Values thrown by user code reach the caller unchanged (same identity, any type).
const vm = require('node:vm');
const mainErr = new Error('main');
const thing = { tag: 'thing' };
const ctx = vm.createContext({ mainErr, thing });
for (const code of ['throw mainErr', 'throw thing', 'throw 42', 'throw "str"', 'throw null', 'throw undefined', 'throw Symbol.for("s")']) {
  try {
    vm.runInContext(code, ctx);
    console.log(code, 'no throw');
  } catch (e) {
    console.log(code, '->', e === mainErr ? 'mainErr' : e === thing ? 'thing' : typeof e === 'symbol' ? e.toString() : String(e));
  }
}
const innerErr = vm.runInContext('globalThis.kept = new RangeError("inner")', ctx);
try {
  vm.runInContext('throw kept', ctx);
} catch (e) {
  console.log('inner error same object:', e === innerErr, e === ctx.kept);
}
try {
  vm.runInContext('function thrower() { throw thing } thrower()', ctx);
} catch (e) {
  console.log('from nested call:', e === thing);
}
try {
  vm.runInContext('Promise.resolve(); [1].map(() => { throw thing })', ctx);
} catch (e) {
  console.log('from callback:', e === thing);
}
try {
  vm.runInContext('throw mainErr', ctx, { displayErrors: true });
} catch (e) {
  console.log('displayErrors keeps identity:', e === mainErr, 'message:', e.message);
}
// A function from the context that throws, called from the main context.
const f = vm.runInContext('(function () { throw thing })', ctx);
try { f(); } catch (e) { console.log('called from outside:', e === thing); }
// A thrown main-realm error caught inside and rethrown.
console.log('caught inside:', vm.runInContext('try { throw mainErr } catch (e) { e === mainErr }', ctx));
