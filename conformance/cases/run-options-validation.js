// Validation of the run options (displayErrors, timeout, breakOnSigint) for every runIn* path.
const vm = require('node:vm');
const ctx = vm.createContext({});
const script = new vm.Script('1');
const runners = {
  'script.runInThisContext': (o) => script.runInThisContext(o),
  'script.runInContext': (o) => script.runInContext(ctx, o),
  'script.runInNewContext': (o) => script.runInNewContext({}, o),
  'vm.runInThisContext': (o) => vm.runInThisContext('1', o),
  'vm.runInContext': (o) => vm.runInContext('1', ctx, o),
  'vm.runInNewContext': (o) => vm.runInNewContext('1', {}, o),
};
const cases = [
  ['displayErrors string', { displayErrors: 'yes' }],
  ['displayErrors number', { displayErrors: 1 }],
  ['displayErrors null', { displayErrors: null }],
  ['timeout string', { timeout: 'x' }],
  ['timeout zero', { timeout: 0 }],
  ['timeout negative', { timeout: -1 }],
  ['timeout fraction', { timeout: 1.5 }],
  ['timeout too big', { timeout: 2 ** 32 }],
  ['timeout null', { timeout: null }],
  ['breakOnSigint string', { breakOnSigint: 'no' }],
  ['breakOnSigint number', { breakOnSigint: 0 }],
  ['displayErrors false ok', { displayErrors: false }],
  ['breakOnSigint false ok', { breakOnSigint: false }],
];
for (const [label, options] of cases) {
  for (const [name, run] of Object.entries(runners)) {
    try {
      run(options);
      console.log(name, label, 'ok');
    } catch (e) {
      console.log(name, label, e.name, e.code, e.message);
    }
  }
}
for (const [name, run] of Object.entries(runners)) {
  for (const [label, options] of [['null', null], ['number', 1], ['boolean', true]]) {
    try {
      run(options);
      console.log(name, 'options', label, 'ok');
    } catch (e) {
      console.log(name, 'options', label, e.name, e.code, e.message);
    }
  }
}
