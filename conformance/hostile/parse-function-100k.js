const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('function x 100k', () => new vm.Script('function f() {'.repeat(100000) + '}'.repeat(100000)));
