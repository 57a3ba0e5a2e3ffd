const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('object 100k', () => new vm.Script('x = ' + '{a:'.repeat(100000) + '1' + '}'.repeat(100000)));
