const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('?: x 100k', () => new vm.Script('1?1:'.repeat(100000) + '1'));
