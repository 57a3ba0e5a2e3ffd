const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('Function params 100k', () => new Function('a = ' + '['.repeat(100000) + ']'.repeat(100000), ''));
