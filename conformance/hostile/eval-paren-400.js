const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('eval paren 400', () => eval('('.repeat(400) + '1' + ')'.repeat(400)));
