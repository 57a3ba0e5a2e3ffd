const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('compileFunction params 100k', () => vm.compileFunction('', ['a = ' + '('.repeat(100000) + '1' + ')'.repeat(100000)]));
