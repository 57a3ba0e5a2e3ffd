const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('Object.create chain 100k', () => { let o = {}; for (let i = 0; i < 100000; i++) o = Object.create(o); return o.missing; });
