const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('compileFunction paren 100k', () => vm.compileFunction('return ' + '('.repeat(100000) + '1' + ')'.repeat(100000)));
