const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('paren 100k', () => new vm.Script('('.repeat(100000) + '1' + ')'.repeat(100000)));
