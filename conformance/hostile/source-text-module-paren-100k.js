const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('module paren 100k', () => new vm.SourceTextModule('export default ' + '('.repeat(100000) + '1' + ')'.repeat(100000)));
