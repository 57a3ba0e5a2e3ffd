// Module#evaluate({ breakOnSigint: true }): SIGINT during the evaluation rejects with
// ERR_SCRIPT_EXECUTION_INTERRUPTED and leaves the module errored (error null); a timeout
// leaves it the same way. Without SIGINT the option changes nothing.
import vm from 'node:vm';

const ctx = vm.createContext({ kill: () => process.kill(process.pid, 'SIGINT'), spin: () => {} });

async function run(source, options) {
  const m = new vm.SourceTextModule(source, { context: ctx });
  await m.link(() => {});
  try {
    const r = await m.evaluate(options);
    console.log('fulfilled', r, m.status, JSON.stringify(m.namespace));
  } catch (e) {
    console.log('rejected', e.name, e.code, e.message, m.status, m.error);
  }
}

await run('kill(); for (;;) spin();', { breakOnSigint: true });
await run('kill(); let n = 0; while (true) n = n + 1 + spin.length;', { breakOnSigint: true });
await run('export const x = 6 * 7;', { breakOnSigint: true });
await run('for (;;) spin();', { timeout: 50 });
await run('export const y = typeof kill;', { breakOnSigint: false });
const ok = new vm.SourceTextModule('export default 1;', { context: ctx });
await ok.link(() => {});
for (const bad of [1, 'yes', null]) {
  try { await ok.evaluate({ breakOnSigint: bad }); } catch (e) { console.log(String(bad), e.code); }
}
console.log('still alive');
