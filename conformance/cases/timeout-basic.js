const vm = require('vm');
try { vm.runInNewContext('while(true){}', {}, { timeout: 5 }) } catch (e) { console.log(JSON.stringify(e.stack.split('\n')[0]), e.code, Object.keys(e), String(e), e instanceof Error) }
try { vm.runInThisContext('while(true){}', { timeout: 5 }) } catch (e) { console.log(e.code, e instanceof Error) }
const ctx = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
const log = [];
ctx.log = (x) => log.push(x);
vm.runInContext('Promise.resolve().then(() => log("ctx microtask"))', ctx);
log.push('after run');
Promise.resolve().then(() => { log.push('main microtask'); console.log(log.join(', ')); });
const s = new vm.Script('x = (typeof x === "number" ? x : 0) + 1; while (x < 3) {}');
const c2 = vm.createContext({});
for (let i = 0; i < 3; i++) { try { s.runInContext(c2, { timeout: 10 }); console.log('done', c2.x) } catch (e) { console.log(e.code, c2.x) } }
