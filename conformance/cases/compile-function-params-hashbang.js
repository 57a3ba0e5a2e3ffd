// compileFunction: holes and non-strings in params are ERR_INVALID_ARG_TYPE; a hashbang line starts a body as it starts a script.
const vm = require('node:vm');
for (const params of [[, 'a'], ['a', , 'b'], [undefined], [1]]) {
  try { vm.compileFunction('return 1', params); console.log('ok', params.length); } catch (e) { console.log(e.code, e.message); }
}
const f = vm.compileFunction('#!/usr/bin/env node\nreturn a + 1', ['a']);
console.log(f(1));
try { vm.compileFunction('x\n#!/bin', []); } catch (e) { console.log(e.constructor.name); }
