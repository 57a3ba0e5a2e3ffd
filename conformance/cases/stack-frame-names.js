// Stack frames of code run in a context name the functions, the file and the line.
const vm = require('node:vm');
const code = [
  'function outerFn() {',
  '  return innerFn();',
  '}',
  'function innerFn() {',
  '  throw new Error("deep");',
  '}',
  'outerFn();',
].join('\n');
try {
  vm.runInNewContext(code, {}, { filename: 'frames.js', displayErrors: false });
} catch (e) {
  const frames = String(e.stack).split('\n').filter((l) => l.includes('frames.js'));
  for (const f of frames) {
    const m = f.match(/^\s+at (?:(\S+) \()?frames\.js:(\d+):\d+\)?$/);
    console.log(m ? `${m[1] || '<top>'} frames.js:${m[2]}` : 'unparsed: ' + f.trim().split(':')[0]);
  }
  console.log('first stack line:', String(e.stack).split('\n')[0]);
}
