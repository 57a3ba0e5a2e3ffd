// Import attributes reach the linker (extra.attributes / extra.assert).
const vm = require('vm');
(async () => {
  const json = new vm.SyntheticModule(['default'], function () { this.setExport('default', { a: 1 }); });
  const m = new vm.SourceTextModule('import data from "./d.json" with { type: "json" }; export { data }; export * from "./e" with { type: "json" };');
  await m.link((specifier, referrer, extra) => {
    console.log(specifier, JSON.stringify(extra.attributes), JSON.stringify(extra.assert));
    return json;
  });
  await m.evaluate();
  console.log(JSON.stringify(m.namespace.data));
})();
