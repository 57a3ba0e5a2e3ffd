// options.lineOffset shifts the line numbers reported in stack traces.
const vm = require('node:vm');
function where(e, file) {
  const m = String(e.stack).match(new RegExp('at .*?' + file.replace(/[.]/g, '\\.') + ':(\\d+)'));
  return m ? `${file}:${m[1]}` : 'no frame for ' + file;
}
const code = 'var a = 1;\nvar b = 2;\nthrow new Error("line three");';
for (const lineOffset of [0, 10, -1, 1000]) {
  try {
    new vm.Script(code, { filename: 'offset.js', lineOffset }).runInNewContext();
  } catch (e) {
    console.log('lineOffset', lineOffset, '->', where(e, 'offset.js'));
  }
}
// A function defined in the script keeps the offset when it throws later.
const ctx = vm.createContext({});
new vm.Script('\nfunction later() {\n  throw new Error("later");\n}', { filename: 'later.js', lineOffset: 20 }).runInContext(ctx);
try { ctx.later(); } catch (e) { console.log('later ->', where(e, 'later.js')); }
// The same offsets through vm.runInContext's options.
try { vm.runInContext('\n\nnull.x', ctx, { filename: 'rt.js', lineOffset: 5 }); } catch (e) {
  console.log('TypeError at', where(e, 'rt.js'), e.name);
}
