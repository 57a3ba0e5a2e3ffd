const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('.a x 100k', () => new vm.Script('x' + '.a'.repeat(100000)));
