// A SyntaxError from new vm.Script / runInNewContext carries Node's `file:line`, source line
// and caret at the top of its stack (messages themselves are Boa's; README).
const vm = require('node:vm');
const head = (e) => console.log(e.name, JSON.stringify(e.stack.split('\n').slice(0, 4)));
try { new vm.Script('(', { filename: 'syn.js' }); } catch (e) { head(e); }
try { new vm.Script('let x = [1, 2', { filename: 'open.js' }); } catch (e) { head(e); }
try { vm.runInNewContext('x y', {}, { filename: 'r.js' }); } catch (e) { head(e); }
try { new vm.Script('a\n  b c', { filename: 'two.js', lineOffset: 10 }); } catch (e) { head(e); }
try { vm.compileFunction('return (', [], { filename: 'fn.js' }); } catch (e) { console.log(e.name, e.message); }
