const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('eval paren 100k', () => eval('('.repeat(100000) + '1' + ')'.repeat(100000)));
