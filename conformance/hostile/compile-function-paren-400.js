const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('compileFunction paren 400', () => vm.compileFunction('return ' + '('.repeat(400) + '1' + ')'.repeat(400))());
