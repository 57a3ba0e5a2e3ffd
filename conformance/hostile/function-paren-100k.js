const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('Function paren 100k', () => new Function('return ' + '('.repeat(100000) + '1' + ')'.repeat(100000)));
