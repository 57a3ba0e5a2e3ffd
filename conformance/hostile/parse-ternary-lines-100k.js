const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('?: over lines x 100k', () => new vm.Script('a ? b\n: '.repeat(100000) + '1'));
