// Parse errors as V8 reports them: the message, where the arrow points and how many
// characters it marks (a whole token, number, or unterminated string), through vm.Script,
// vm.compileFunction and the displayErrors decoration.
const vm = require('vm');
const sources = [
  'var a = ;', 'a b', 'let x = await foo;', 'foo bar baz', 'var 1abc = 3', 'var 12abc = 3',
  'x = 3in [1]', 'x @ y', 'var 1.5e = 2', 'let x = 0x;', 'let let = 1', '"abc', "'abc\\'d",
  'x = 5 +* 3', 'function () {}', 'return 1', 'const q;', 'const longname;', 'const a = 1, bb;',
  'let a; let a;', 'a = 1 2 3', 'x = { a: 1 b: 2 }', 'foo(1,,2)', 'new.target', 'super()',
  '1 = 2', 'a => { return }; return', 'var x = "s" "t"', 'var x = 12 34', 'import x from "y"',
  'export default 1', 'async function f() { await }', 'if (x) function f(){}', 'class { }',
  'yield 5', '\n\n  let z = await w;',
];
for (const src of sources) {
  try {
    new vm.Script(src, { filename: 's.js' });
    console.log('compiled:', JSON.stringify(src));
  } catch (e) {
    console.log(JSON.stringify(e.stack.split('\n').slice(0, 5).join('\n')));
  }
}
for (const body of ['return 1 2', 'let q = await z;', 'x = "open']) {
  try {
    vm.compileFunction(body, [], { filename: 'f.js' });
  } catch (e) {
    console.log(e.name, e.message);
  }
}
