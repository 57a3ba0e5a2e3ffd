// A string as options is the filename, for every runIn* function.
const vm = require('node:vm');
function where(e, file) {
  const m = String(e.stack).match(new RegExp('at .*?' + file.replace(/[.]/g, '\\.') + ':(\\d+)'));
  return m ? `${file}:${m[1]}` : 'no frame for ' + file;
}
const ctx = vm.createContext({});
try { vm.runInContext('\nthrow new Error("a")', ctx, 'in-context.js'); } catch (e) { console.log(where(e, 'in-context.js')); }
try { vm.runInNewContext('\n\nthrow new Error("b")', {}, 'new-context.js'); } catch (e) { console.log(where(e, 'new-context.js')); }
try { vm.runInThisContext('throw new Error("c")', 'this-context.js'); } catch (e) { console.log(where(e, 'this-context.js')); }
try { new vm.Script('\n\n\nthrow new Error("d")', 'script.js').runInThisContext(); } catch (e) { console.log(where(e, 'script.js')); }
try { vm.createScript('throw new Error("e")', 'created.js').runInContext(ctx); } catch (e) { console.log(where(e, 'created.js')); }
try { vm.runInContext('throw new Error("f")', ctx); } catch (e) { console.log(where(e, 'evalmachine.<anonymous>')); }
try { vm.runInContext('(function named() {\n  throw new Error("g");\n})()', ctx, { filename: 'obj.js' }); } catch (e) { console.log(where(e, 'obj.js')); }
