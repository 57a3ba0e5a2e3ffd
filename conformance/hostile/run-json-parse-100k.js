const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
survives('JSON.parse 100k', () => JSON.parse('['.repeat(100000) + ']'.repeat(100000)));
