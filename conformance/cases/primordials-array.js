// vm, timers, console, util.inspect and assert keep working after Array.prototype methods
// (and the array iterator) are replaced by throwing functions.
const { runAll } = require('./support/primordials-suite.js');
const AP = Array.prototype;
const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
const all = { vm: true, modules: true, cli: true };
runAll([
  ['Array.prototype.forEach', AP, 'forEach'],
  ['Array.prototype.map', AP, 'map'],
  ['Array.prototype.filter', AP, 'filter'],
  ['Array.prototype.push', AP, 'push', undefined,
    ['inspect', 'inspect nested', 'inspect misc', 'format', 'assert.deepStrictEqual fail', 'console.log']],
  ['Array.prototype.shift', AP, 'shift'],
  ['Array.prototype.unshift', AP, 'unshift'],
  ['Array.prototype.slice', AP, 'slice'],
  ['Array.prototype.splice', AP, 'splice'],
  ['Array.prototype.join', AP, 'join'],
  ['Array.prototype.includes', AP, 'includes', undefined, ['assert.deepStrictEqual fail', 'console.log', 'format', 'inspect', 'inspect error', 'inspect misc', 'inspect nested']],
  ['Array.prototype.indexOf', AP, 'indexOf'],
  ['Array.prototype.some', AP, 'some'],
  ['Array.prototype.every', AP, 'every'],
  ['Array.prototype.find', AP, 'find'],
  ['Array.prototype.findIndex', AP, 'findIndex'],
  ['Array.prototype.reduce', AP, 'reduce'],
  ['Array.prototype.concat', AP, 'concat'],
  ['Array.prototype.sort', AP, 'sort'],
  ['Array.prototype[Symbol.iterator]', AP, Symbol.iterator, undefined, ['bad Buffer.from', 'bad Buffer.alloc', 'bad Buffer.concat', 'SourceTextModule bad identifier', 'SourceTextModule bad options', 'SyntheticModule bad names', 'assert ok', 'assert.deepStrictEqual', 'assert.deepStrictEqual fail', 'assert.rejects', 'assert.throws', 'assert.throws regexp', 'bad cachedData', 'bad codeGeneration', 'bad compileFunction code', 'bad compileFunction extensions', 'bad compileFunction param', 'bad compileFunction params', 'bad compileFunction parsingContext', 'bad context', 'bad contextObject', 'bad displayErrors', 'bad filename', 'bad isContext', 'bad lineOffset', 'bad measureMemory', 'bad measureMemory execution', 'bad microtaskMode', 'bad nextTick', 'bad options', 'bad setTimeout', 'bad timeout', 'bad timeout type', 'setImmediate']],
  ['ArrayIteratorPrototype.next', ArrayIteratorPrototype, 'next', undefined, ['bad Buffer.from', 'bad Buffer.alloc', 'bad Buffer.concat', 'setImmediate', 'SourceTextModule bad identifier', 'SourceTextModule bad options', 'SyntheticModule bad names', 'bad cachedData', 'bad codeGeneration', 'bad compileFunction code', 'bad compileFunction extensions', 'bad compileFunction param', 'bad compileFunction params', 'bad compileFunction parsingContext', 'bad context', 'bad contextObject', 'bad displayErrors', 'bad filename', 'bad isContext', 'bad lineOffset', 'bad measureMemory', 'bad measureMemory execution', 'bad microtaskMode', 'bad nextTick', 'bad options', 'bad setTimeout', 'bad timeout', 'bad timeout type', 'assert ok', 'assert.deepStrictEqual', 'assert.deepStrictEqual fail', 'assert.rejects', 'assert.throws', 'assert.throws regexp']],
  ['Array.isArray', Array, 'isArray'],
  ['Array.from', Array, 'from'],
], all);
