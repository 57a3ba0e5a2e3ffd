// displayErrors: the arrow Node puts above a stack (file:line, the source line, a caret),
// with and without line/column offsets.
const vm = require('vm');
// The stack up to the last frame in `file` (the frames below are the host's).
function frames(stack, file) {
  const lines = stack.split('\n');
  let last = lines.findIndex((l) => l.startsWith('    at '));
  if (last < 0) return stack;
  for (let i = last; i < lines.length; i++) if (lines[i].includes(`at ${file}:`) || lines[i].includes(`(${file}:`)) last = i + 1;
  return lines.slice(0, last).join('\n');
}
const sources = [
  ' throw new Error()',
  'let a = 1;  throw new Error("x")',
  'if (1) { throw  new  Error() }',
  'throw new TypeError(\n"multi")',
  'undefinedFn()',
  'let q = 1;\nq + missingName',
  'var o = { notThere: 1 };\no.notThere + reallyNot',
  'var x = ;',
  'let s = `unterminated',
  'let a; let a;',
  'let abc = 1;\nconst abc = 2;',
];
const offsets = [{}, { lineOffset: 32, columnOffset: 123 }, { lineOffset: 2 }, { columnOffset: 7 }];
for (const src of sources) {
  for (const o of offsets) {
    try {
      vm.runInNewContext(src, {}, { filename: 'caret.js', ...o });
      console.log('no error');
    } catch (e) {
      console.log(JSON.stringify(src), JSON.stringify(o));
      console.log(frames(e.stack, 'caret.js'));
    }
  }
}
// The same through new vm.Script (syntax errors are decorated at compile time).
for (const src of ['var x = ;', 'a b']) {
  try {
    new vm.Script(src, { filename: 'syn.js', lineOffset: 3, columnOffset: 4 });
  } catch (e) {
    console.log(frames(e.stack, 'syn.js'));
  }
}
