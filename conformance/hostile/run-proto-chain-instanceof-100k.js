const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('instanceof over 100k chain', () => { let o = {}; for (let i = 0; i < 100000; i++) o = Object.create(o); return o instanceof Array; });
