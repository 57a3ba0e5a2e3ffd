const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
survives('Proxy of Proxy 100k', () => { let p = {}; for (let i = 0; i < 100000; i++) p = new Proxy(p, {}); return p.x; });
