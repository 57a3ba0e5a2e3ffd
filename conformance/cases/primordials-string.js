// vm, timers, console, util.inspect and assert keep working after String.prototype and
// RegExp.prototype methods are replaced by throwing functions.
const { runAll } = require('./support/primordials-suite.js');
const SP = String.prototype;
const RP = RegExp.prototype;
const all = { vm: true, modules: true, cli: true };
runAll([
  ['String.prototype.slice', SP, 'slice'],
  ['String.prototype.substring', SP, 'substring'],
  ['String.prototype.split', SP, 'split'],
  ['String.prototype.includes', SP, 'includes'],
  ['String.prototype.startsWith', SP, 'startsWith'],
  ['String.prototype.endsWith', SP, 'endsWith'],
  ['String.prototype.indexOf', SP, 'indexOf'],
  ['String.prototype.lastIndexOf', SP, 'lastIndexOf'],
  ['String.prototype.replace', SP, 'replace'],
  ['String.prototype.replaceAll', SP, 'replaceAll'],
  ['String.prototype.toLowerCase', SP, 'toLowerCase'],
  ['String.prototype.toUpperCase', SP, 'toUpperCase'],
  ['String.prototype.repeat', SP, 'repeat'],
  ['String.prototype.padStart', SP, 'padStart'],
  ['String.prototype.padEnd', SP, 'padEnd'],
  ['String.prototype.charCodeAt', SP, 'charCodeAt', undefined, ['inspect misc', 'inspect nested']],
  ['String.prototype.codePointAt', SP, 'codePointAt'],
  ['String.prototype.trim', SP, 'trim'],
  ['String.prototype.toString', SP, 'toString'],
  ['String.prototype[Symbol.iterator]', SP, Symbol.iterator],
  ['String.fromCharCode', String, 'fromCharCode'],
  ['RegExp.prototype.exec', RP, 'exec', undefined, ['format', 'Buffer inspect']],
  ['RegExp.prototype.test', RP, 'test'],
  ['RegExp.prototype[Symbol.replace]', RP, Symbol.replace],
  ['RegExp.prototype[Symbol.split]', RP, Symbol.split],
  ['RegExp.prototype[Symbol.match]', RP, Symbol.match],
], all);
