const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
(async () => {
  const m = new vm.SourceTextModule('export default ' + '('.repeat(400) + '1' + ')'.repeat(400));
  await m.link(() => {}); await m.evaluate();
  console.log('module paren 400', m.namespace.default);
})().catch(e => console.log('module paren 400', e.constructor.name));
