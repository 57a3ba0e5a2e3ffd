const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('runInNewContext paren 100k', () => vm.runInNewContext('('.repeat(100000) + '1' + ')'.repeat(100000)));
