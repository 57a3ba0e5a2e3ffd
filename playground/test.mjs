// Drives the playground in a real headless Chromium through chromedriver (the W3C WebDriver
// HTTP protocol, spoken with node's fetch: no npm packages) and asserts what a user sees.
//   node playground/test.mjs [--wasm PATH] [--native PATH] [--screenshot docs/playground.png]
// Serves the repository root on 127.0.0.1 (the page, its worker and the wasm), starts
// chromedriver, types programs into the page, clicks Run and reads the output pane:
//   the README demo (examples/demo.js) prints what the native boavm prints, a timeout stops
//   `while(true){}` in the worker with ERR_SCRIPT_EXECUTION_TIMEOUT, an error shows its stack,
//   the module example, the contexts panel, Stop on a runaway main script, and 10 differential
//   cases from conformance/cases print node's output (their .expected files).
import { readFile, writeFile } from 'node:fs/promises';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const wasm = opt('--wasm', 'target/wasm32-unknown-unknown/debug/boavm_web.wasm');
// CI writes the screenshot under target/; docs/playground.png is refreshed with --screenshot.
const screenshot = opt('--screenshot', 'target/playground.png');
const native = opt('--native', 'target/debug/boavm');

// The 10 differential cases (also in wasi/check.sh: native, WASI and browser print the same).
const CASES = [
  'compile-function-basic', 'compile-function-context-extensions', 'context-create-basic',
  'context-codegen-realm', 'error-identity', 'global-lexical-decl', 'global-var-function-decl',
  'inspect-context-values', 'promise-across-contexts', 'script-run-many-contexts',
];

const server = await serve(root);
const httpPort = server.address().port;

// --- chromedriver ------------------------------------------------------------------------
const driverPort = 9515 + (process.pid % 1000);
const driver = spawn('chromedriver', [`--port=${driverPort}`], { stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${driverPort}`;
let session;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

async function wd(method, route, body) {
  const r = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`WebDriver ${method} ${route}: ${json.value && json.value.message}`);
  return json.value;
}
const s = (route) => `/session/${session}${route}`;
const find = async (css) => (await wd('POST', s('/element'), { using: 'css selector', value: css }))[ELEMENT];
const click = async (css) => wd('POST', s(`/element/${await find(css)}/click`), {});
const exec = (script, ...a) => wd('POST', s('/execute/sync'), { script, args: a });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, fn, ms = 120000) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// Types `code` into the editor (WebDriver key events) or, for long sources, sets it.
async function enter(code, { type = false, kind = 'cjs' } = {}) {
  const editor = await find('#code');
  await wd('POST', s(`/element/${editor}/clear`), {});
  if (type) await wd('POST', s(`/element/${editor}/value`), { text: code });
  else await exec('document.getElementById("code").value = arguments[0]', code);
  await click(`#kind option[value="${kind}"]`);
}

// Clicks `button` and waits for the run to end; returns what the output pane shows.
async function runAndRead(button = '#run') {
  await click(button);
  await waitFor('the run to start', () => exec('return document.getElementById("status").dataset.state !== "idle" && document.getElementById("status").dataset.state'));
  const state = await waitFor('the run to end', () => exec(`const s = document.getElementById('status').dataset.state;
    return s === 'done' || s === 'crashed' ? s : false`));
  return exec(`const spans = [...document.querySelectorAll('#output span')];
    const text = (fd) => spans.filter((e) => e.dataset.fd === fd).map((e) => e.textContent).join('');
    const st = document.getElementById('status');
    return { state: arguments[0], stdout: text('1'), stderr: text('2'), all: document.getElementById('output').textContent,
             exitCode: Number(st.dataset.exitCode), ms: Number(st.dataset.ms) }`, state);
}

let failures = 0;
function check(name, ok, detail) {
  console.log(`${ok ? 'ok' : 'FAIL'}: ${name}`);
  if (!ok) {
    failures++;
    if (detail) console.log(detail);
  }
}
const diff = (got, want) => `--- expected\n${want}--- got\n${got}`;

try {
  await waitFor('chromedriver', () => fetch(`${base}/status`).then((r) => r.ok, () => false), 20000);
  const created = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'chrome',
        'goog:chromeOptions': {
          binary: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
          args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--window-size=1280,900'],
        },
      },
    },
  });
  session = created.sessionId;
  const pageLoad = Date.now();
  await wd('POST', s('/url'), { url: `http://127.0.0.1:${httpPort}/playground/index.html?wasm=/${wasm}` });
  await waitFor('boavm to load', () => exec('return document.getElementById("status").dataset.state === "idle"'));
  const timing = await exec('return { ...document.getElementById("timing").dataset }');
  console.log(`page ready ${Date.now() - pageLoad} ms after navigation (wasm fetch + compile ${Number(timing.compileMs).toFixed(0)} ms, boavm_init ${Number(timing.initMs).toFixed(0)} ms)`);

  // 1. The README demo: what the native boavm prints.
  const demoSrc = await readFile(path.join(root, 'examples/demo.js'), 'utf8');
  let want;
  try {
    want = execFileSync(path.resolve(root, native), ['demo.js'], { cwd: path.join(root, 'examples'), encoding: 'utf8' });
  } catch (e) {
    throw new Error(`cannot run the native boavm (${native}; cargo build -p boavm): ${e.message}`);
  }
  await enter(demoSrc);
  const demo = await runAndRead();
  check('README demo prints what native boavm prints', demo.stdout === want && demo.exitCode === 0, diff(demo.stdout, want));
  console.log(`  demo run: ${demo.ms.toFixed(0)} ms in the worker`);

  // 2. A timeout stops `while(true){}` in the worker (typed in).
  await enter(`const vm = require('node:vm');
const t0 = Date.now();
try { vm.runInContext('while(true){}', vm.createContext({}), { timeout: 100 }); }
catch (e) { console.log(e.code, e.message, Date.now() - t0 >= 100); }
`, { type: true });
  const timeout = await runAndRead();
  check('timeout: while(true){} stops with ERR_SCRIPT_EXECUTION_TIMEOUT',
    timeout.stdout === 'ERR_SCRIPT_EXECUTION_TIMEOUT Script execution timed out after 100ms true\n' && timeout.exitCode === 0,
    timeout.all);
  console.log(`  timeout run: ${timeout.ms.toFixed(0)} ms`);

  // 3. Errors show their stacks (the example, picked in the menu).
  await click('#example option:nth-child(3)');
  const errors = await runAndRead();
  check('errors: a caught error\'s stack names the context\'s frames',
    /SyntaxError: .*\n\s+at JSON\.parse|at parse \(config-loader\.js:1:/.test(errors.stdout) && errors.stdout.includes('at load (config-loader.js:2:'),
    errors.all);
  check('errors: an uncaught error prints node\'s header (file, line, caret) and stack, exit code 1',
    errors.stderr.startsWith('bad.js:1\nfunction f() { throw new TypeError("bad") } f()\n') &&
    errors.stderr.includes('TypeError: bad\n    at f (bad.js:1:') && errors.exitCode === 1,
    errors.all);

  // 4. Modules: vm.SourceTextModule linked and evaluated, a SyntheticModule.
  await click('#example option:nth-child(4)');
  const modules = await runAndRead();
  const wantModules = 'status after link: linked\nstatus: evaluated | answer: 42 | top-level await works\nsynthetic: world\n';
  check('modules: SourceTextModule + SyntheticModule example', modules.stdout === wantModules && modules.exitCode === 0, diff(modules.stdout, wantModules));

  // 5. An ES module entry (import vm from 'node:vm', top-level await).
  await click('#example option:nth-child(5)');
  const esm = await runAndRead();
  const wantEsm = "[ 1, 2, 3 ] top-level await\nfile:///playground/main.mjs\n";
  check('ES module entry', esm.stdout === wantEsm && esm.exitCode === 0, diff(esm.stdout, wantEsm));

  // 6. The contexts panel: two sandboxes, code run in each with a timeout.
  const panel = await runAndRead('#run-contexts');
  check('contexts panel: code run in each sandbox',
    panel.stdout.includes('[en] result: Hello, Ada! (1)\n') && panel.stdout.includes('[fr] result: Bonjour, Marie! (11)\n') &&
    panel.stdout.includes("[fr] sandbox: { greeting: 'Bonjour', name: 'Marie', count: 11 }"), panel.all);
  await exec('document.getElementById("ctx-code").value = "while (true) {}"');
  const panelTimeout = await runAndRead('#run-contexts');
  check('contexts panel: timeout per context',
    (panelTimeout.stdout.match(/threw: Error: Script execution timed out after 100ms/g) || []).length === 2, panelTimeout.all);
  await exec('document.getElementById("ctx-code").value = arguments[0]', "count += 1; `${greeting}, ${name}! (${count})`");
  await exec('document.getElementById("example").value = "Modules (vm.SourceTextModule)"; document.getElementById("example").onchange()');
  await runAndRead();
  await wd('POST', s('/execute/sync'), { script: 'window.scrollTo(0, 0)', args: [] });
  const png = await wd('GET', s('/screenshot'));
  await writeFile(path.join(root, screenshot), Buffer.from(png, 'base64'));
  console.log(`screenshot: ${screenshot}`);

  // 7. Stop: a runaway in the main context (no vm timeout) keeps the page responsive, and Stop
  // replaces the worker.
  await enter('while (true) {}', { type: true });
  await click('#run');
  await sleep(300);
  const responsive = await exec('return document.getElementById("status").dataset.state');
  await click('#stop');
  await waitFor('a fresh worker', () => exec('return document.getElementById("status").dataset.state === "idle"'));
  await enter('console.log("after stop", 1 + 1)', { type: true });
  const after = await runAndRead();
  check('Stop: the page stays responsive during a runaway and a fresh worker runs the next program',
    responsive === 'running' && after.stdout === 'after stop 2\n', `${responsive} ${after.all}`);

  // 8. The 10 differential cases: node's output.
  for (const c of CASES) {
    const src = await readFile(path.join(root, 'conformance/cases', `${c}.js`), 'utf8');
    const expected = await readFile(path.join(root, 'conformance/cases', `${c}.expected`), 'utf8');
    await enter(src);
    const got = await runAndRead();
    check(`differential case ${c} (${got.ms.toFixed(0)} ms)`, got.stdout === expected && got.exitCode === 0, diff(got.stdout, expected) + got.stderr);
  }

  // 9. Informational: wasi/workload.js (its own Date.now() timing of a 3M-iteration loop in a
  // context), the workload the README compares with native.
  await enter(await readFile(path.join(root, 'wasi/workload.js'), 'utf8'));
  const workload = await runAndRead();
  console.log(`workload (wasi/workload.js) in the browser: ${workload.stdout.trim()}; whole run ${workload.ms.toFixed(0)} ms`);
} catch (e) {
  failures++;
  console.log(`FAIL: ${e.stack || e}`);
} finally {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  driver.kill();
  server.close();
}
console.log(failures === 0 ? 'playground/test.mjs: all checks passed' : `playground/test.mjs: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
