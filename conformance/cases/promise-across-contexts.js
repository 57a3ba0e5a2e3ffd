// Promises created in a context interoperate with the main context.
const vm = require('node:vm');
const ctx = vm.createContext({});
(async () => {
  const p = vm.runInContext('Promise.resolve(42)', ctx);
  console.log('instanceof main Promise:', p instanceof Promise);
  console.log('instanceof ctx Promise:', p instanceof vm.runInContext('Promise', ctx));
  console.log('awaited:', await p);
  console.log('then:', await p.then((v) => v + 1));
  const asyncFn = vm.runInContext('(async function (x) { await null; return x * 2 })', ctx);
  console.log('async fn:', await asyncFn(21));
  try {
    await vm.runInContext('Promise.reject(new TypeError("nope"))', ctx);
  } catch (e) {
    console.log('rejection:', e.name, e.message, 'ctx realm:', e instanceof vm.runInContext('TypeError', ctx));
  }
  const wrapped = Promise.resolve(vm.runInContext('Promise.resolve("wrapped")', ctx));
  console.log('main Promise.resolve wraps ctx promise:', await wrapped);
  ctx.mainPromise = Promise.resolve('from main');
  console.log('ctx awaits main promise:', await vm.runInContext('(async () => "got " + await mainPromise)()', ctx));
  const all = await Promise.all([vm.runInContext('Promise.resolve(1)', ctx), Promise.resolve(2), vm.runInNewContext('Promise.resolve(3)')]);
  console.log('Promise.all across contexts:', all.join(','));
  const thenable = vm.runInContext('({ then(r) { r("thenable") } })', ctx);
  console.log('ctx thenable:', await thenable);
  const gen = vm.runInContext('(async function* () { yield 1; yield 2; })()', ctx);
  const got = [];
  for await (const v of gen) got.push(v);
  console.log('async generator:', got.join(','));
})();
