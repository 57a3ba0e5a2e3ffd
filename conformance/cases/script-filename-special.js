// Filenames with spaces, URLs and unicode appear verbatim in stack frames and headers.
const vm = require('node:vm');
for (const filename of ['my file.js', 'file:///tmp/url-style.js', 'ünïcødé.js', 'no-extension', 'C:\\win\\path.js']) {
  try {
    vm.runInNewContext('\nthrow new Error("x")', {}, { filename });
  } catch (e) {
    const lines = e.stack.split('\n');
    console.log(JSON.stringify(filename), 'header:', JSON.stringify(lines[0]),
      'frame has name:', lines.some((l) => l.startsWith('    at ') && l.includes(filename + ':2:')));
  }
}
