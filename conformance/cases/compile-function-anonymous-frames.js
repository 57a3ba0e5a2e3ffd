// Frames of code compiled without a filename are `<anonymous>` (V8's name), and an error the
// engine attributes to the function itself points at the body's first line.
'use strict';
const vm = require('vm');

function top(stack, n) {
  return stack.split('\n').slice(0, n).join(' | ');
}

try { vm.compileFunction('function g() { throw new Error("y"); }\ng();')(); } catch (e) { console.log(top(e.stack, 2)); }
try { vm.compileFunction('throw new Error("x")', [], { lineOffset: 4 })(); } catch (e) { console.log(top(e.stack, 2)); }
try { vm.compileFunction('return varInContext')(); } catch (e) { console.log(top(e.stack, 2)); }
try { vm.compileFunction('return varInContext', [], { filename: 'named.js' })(); } catch (e) { console.log(top(e.stack, 2)); }
