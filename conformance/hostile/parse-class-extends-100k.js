const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('extends 100k', () => new vm.Script('class A extends ('.repeat(100000) + 'Object' + ') {}'.repeat(100000)));
