const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('extends 500', () => typeof new vm.Script('class A extends ('.repeat(500) + 'Object' + ') {}'.repeat(500)).runInThisContext());
