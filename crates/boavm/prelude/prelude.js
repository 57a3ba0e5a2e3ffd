'use strict';
// The Node-like host of the `boavm` command: require, console, process, timers.
// Evaluated once in the main realm as `(function (host) { ... })`; returns the loop hooks.
(function (host) {
  // util.inspect reads promise states through this hook (plain JS cannot).
  Object.defineProperty(globalThis, '__boavm_promiseState', {
    value: host.promiseState, writable: false, enumerable: false, configurable: true,
  });
  const builtinCache = Object.create(null);
  const moduleCache = Object.create(null);

  // --- builtin modules (embedded sources, CommonJS) ---------------------------------------
  function requireBuiltinSource(name) {
    if (name in builtinCache) return builtinCache[name].exports;
    const src = host.builtinSource(name);
    if (src === undefined) return undefined;
    const module = { exports: {} };
    builtinCache[name] = module;
    const fn = host.compileInternal(src, `node:${name}`);
    fn.call(module.exports, module.exports, requireBuiltin, module);
    return module.exports;
  }
  function requireBuiltin(name) {
    const exports = requireBuiltinSource(name);
    if (exports === undefined) throw new Error(`internal module not found: ${name}`);
    return exports;
  }

  // Loaded on first use: a script that never logs or requires them pays nothing at startup.
  let utilModule;
  let vmModule;
  const util = () => utilModule || (utilModule = requireBuiltin('util'));
  const inspect = (...a) => util().inspect(...a);
  const format = (...a) => util().format(...a);
  // vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER: boavm's own ES module loader (relative
  // specifiers from the working directory).
  const defaultLoader = (specifier) => importEsm(host.cwd(), specifier);
  const vmLazy = () => vmModule || (vmModule = host.installVm(util().inspect, defaultLoader));

  function publicBuiltin(id) {
    switch (id) {
      case 'vm': return vmLazy();
      case 'assert': return requireBuiltin('assert');
      case 'assert/strict': return requireBuiltin('assert').strict;
      case 'util': return util();
      case 'buffer': return requireBuiltin('buffer');
      case 'timers': return timers;
      case 'process': return process;
      case 'console': return console;
      case 'test': return requireBuiltin('test');
      default: return undefined;
    }
  }

  // --- console ----------------------------------------------------------------------------
  const counts = Object.create(null);
  const timersStart = Object.create(null);
  let groupIndent = '';
  function out(stream, args) {
    let text = format(...args);
    if (groupIndent) text = text.split('\n').map((l) => groupIndent + l).join('\n');
    host.write(stream, `${text}\n`);
  }
  const console = {
    log: (...a) => out(1, a),
    info: (...a) => out(1, a),
    debug: (...a) => out(1, a),
    error: (...a) => out(2, a),
    warn: (...a) => out(2, a),
    trace: (...a) => {
      const e = new Error(format(...a));
      e.name = 'Trace';
      out(2, [e.stack]);
    },
    dir: (v, opts) => out(1, [inspect(v, { customInspect: false, ...opts })]),
    assert: (cond, ...a) => { if (!cond) out(2, a.length ? ['Assertion failed:', ...a] : ['Assertion failed']); },
    count: (label = 'default') => { counts[label] = (counts[label] || 0) + 1; out(1, [`${label}: ${counts[label]}`]); },
    countReset: (label = 'default') => { counts[label] = 0; },
    time: (label = 'default') => { timersStart[label] = host.now(); },
    timeEnd: (label = 'default') => {
      const t = timersStart[label];
      delete timersStart[label];
      if (t !== undefined) out(1, [`${label}: ${(host.now() - t).toFixed(3)}ms`]);
    },
    timeLog: (label = 'default', ...a) => {
      const t = timersStart[label];
      if (t !== undefined) out(1, [`${label}: ${(host.now() - t).toFixed(3)}ms`, ...a]);
    },
    group: (...a) => { if (a.length) out(1, a); groupIndent += '  '; },
    groupEnd: () => { groupIndent = groupIndent.slice(2); },
  };

  // --- process ----------------------------------------------------------------------------
  const listeners = Object.create(null);
  const tickQueue = [];
  let exiting = false;
  const process = {
    argv: host.argv(),
    execArgv: host.execArgv(),
    execPath: host.execPath(),
    env: host.env(),
    platform: host.platform(),
    pid: host.pid(),
    arch: host.arch(),
    version: 'v20.0.0',
    versions: { node: '20.0.0', boavm: host.version(), boa: '0.22.0' },
    release: { name: 'boavm' },
    exitCode: undefined,
    cwd: () => host.cwd(),
    exit(code) {
      if (code !== undefined) process.exitCode = code;
      const finalCode = process.exitCode === undefined ? 0 : process.exitCode | 0;
      if (!exiting) {
        exiting = true;
        emit('exit', finalCode);
      }
      host.exit(process.exitCode === undefined ? finalCode : process.exitCode | 0);
    },
    on(event, fn) { (listeners[event] || (listeners[event] = [])).push(fn); return process; },
    once(event, fn) {
      const wrapped = function (...a) { process.removeListener(event, wrapped); return fn.apply(this, a); };
      wrapped.listener = fn;
      return process.on(event, wrapped);
    },
    off(event, fn) { return process.removeListener(event, fn); },
    removeListener(event, fn) {
      const l = listeners[event];
      if (l) {
        const i = l.findIndex((x) => x === fn || x.listener === fn);
        if (i !== -1) l.splice(i, 1);
      }
      return process;
    },
    removeAllListeners(event) { if (event === undefined) { for (const k in listeners) delete listeners[k]; } else delete listeners[event]; return process; },
    listeners(event) { return (listeners[event] || []).map((f) => f.listener || f); },
    listenerCount(event) { return (listeners[event] || []).length; },
    emit(event, ...a) { return emit(event, ...a); },
    nextTick(fn, ...args) {
      if (typeof fn !== 'function') {
        const err = new TypeError(`The "callback" argument must be of type function. Received ${fn === undefined ? 'undefined' : inspect(fn)}`);
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
      tickQueue.push({ fn, args });
    },
    hrtime: Object.assign((prev) => {
      const ns = host.hrtimeNs();
      let s = Math.floor(ns / 1e9);
      let n = ns % 1e9;
      if (prev) {
        s -= prev[0];
        n -= prev[1];
        if (n < 0) { s -= 1; n += 1e9; }
      }
      return [s, n];
    }, { bigint: () => BigInt(Math.floor(host.hrtimeNs())) }),
    uptime: () => host.now() / 1000,
    memoryUsage: Object.assign(() => {
      const heap = host.heapBytes();
      return { rss: host.rss(), heapTotal: heap, heapUsed: heap, external: 0, arrayBuffers: 0 };
    }, { rss: () => host.rss() }),
    emitWarning(warning, type, code) {
      if (typeof warning === 'string') {
        const w = new Error(warning);
        w.name = (typeof type === 'string' && type) || (type && type.type) || 'Warning';
        if (typeof code === 'string') w.code = code;
        else if (type && typeof type === 'object' && type.code) w.code = type.code;
        warning = w;
      }
      tickQueue.push({
        fn() {
          if (!emit('warning', warning) || listeners.warning.length === 0) {
            host.write(2, `(boavm:${host.pid()}) ${warning.code ? `[${warning.code}] ` : ''}${warning.name}: ${warning.message}\n`);
          }
        },
        args: [],
      });
    },
    stdout: { write: (s) => { host.write(1, String(s)); return true; }, isTTY: false },
    stderr: { write: (s) => { host.write(2, String(s)); return true; }, isTTY: false },
    [Symbol.toStringTag]: 'process',
  };
  function emit(event, ...a) {
    const l = listeners[event];
    if (!l || l.length === 0) return false;
    for (const fn of l.slice()) fn.apply(process, a);
    return true;
  }

  // --- timers -----------------------------------------------------------------------------
  let nextTimerId = 1;
  const timerList = new Map();
  const immediates = [];
  class Timeout {
    constructor(fn, args, ms, repeat) {
      this._id = nextTimerId++;
      this._fn = fn;
      this._args = args;
      this._ms = ms;
      this._repeat = repeat;
      this._when = host.now() + ms;
      this._seq = this._id;
      this._refed = true;
      timerList.set(this._id, this);
    }
    ref() { this._refed = true; return this; }
    unref() { this._refed = false; return this; }
    hasRef() { return this._refed; }
    refresh() { this._when = host.now() + this._ms; return this; }
    [Symbol.toPrimitive]() { return this._id; }
  }
  function delay(ms) {
    ms = Number(ms);
    return ms >= 1 && ms <= 2147483647 ? Math.floor(ms) : 1;
  }
  function checkCallback(fn) {
    if (typeof fn !== 'function') {
      const err = new TypeError(`The "callback" argument must be of type function. Received ${fn === undefined ? 'undefined' : inspect(fn)}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
  }
  function clearTimer(t) {
    if (t == null) return;
    const id = typeof t === 'object' ? t._id : Number(t);
    timerList.delete(id);
  }
  const timers = {
    setTimeout(fn, ms, ...args) { checkCallback(fn); return new Timeout(fn, args, delay(ms), false); },
    setInterval(fn, ms, ...args) { checkCallback(fn); return new Timeout(fn, args, delay(ms), true); },
    setImmediate(fn, ...args) {
      checkCallback(fn);
      const im = { _fn: fn, _args: args, _cleared: false, ref() { return im; }, unref() { return im; }, hasRef() { return true; } };
      immediates.push(im);
      return im;
    },
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    clearImmediate(im) { if (im) im._cleared = true; },
  };

  function queueMicrotask(fn) {
    checkCallback(fn);
    Promise.resolve().then(() => fn());
  }

  // Runs nextTicks and promise jobs until both are empty (Node's processTicksAndRejections).
  function drain() {
    do {
      while (tickQueue.length > 0) {
        const t = tickQueue.shift();
        t.fn(...t.args);
      }
      host.runMicrotasks();
    } while (tickQueue.length > 0);
  }

  // One turn of the event loop: expired timers, then immediates. Returns the delay until the
  // next timer, 0 if more work is ready, or -1 when nothing keeps the loop alive.
  function turn() {
    drain();
    const now = host.now();
    const due = [...timerList.values()].filter((t) => t._when <= now).sort((a, b) => a._when - b._when || a._seq - b._seq);
    for (const t of due) {
      if (!timerList.has(t._id)) continue;
      if (t._repeat) {
        t._when = host.now() + t._ms;
        t._seq = nextTimerId++;
      } else {
        timerList.delete(t._id);
      }
      t._fn.apply(t, t._args);
      drain();
    }
    const batch = immediates.splice(0, immediates.length);
    for (const im of batch) {
      if (im._cleared) continue;
      im._fn(...im._args);
      drain();
    }
    if (immediates.length > 0) return 0;
    let next = Infinity;
    for (const t of timerList.values()) if (t._refed && t._when < next) next = t._when;
    if (next === Infinity) return -1;
    return Math.max(0, next - host.now());
  }

  // --- require ----------------------------------------------------------------------------
  function makeRequire(dirname) {
    function require(id) {
      if (typeof id !== 'string') {
        const err = new TypeError(`The "id" argument must be of type string. Received ${inspect(id)}`);
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
      const bare = id.startsWith('node:') ? id.slice(5) : id;
      const builtin = publicBuiltin(bare);
      if (builtin !== undefined) return builtin;
      if (!(id.startsWith('./') || id.startsWith('../') || id.startsWith('/') || id === '.' || id === '..')) {
        const err = new Error(`Cannot find module '${id}'`);
        err.code = 'MODULE_NOT_FOUND';
        throw err;
      }
      const filename = host.resolve(dirname, id);
      if (filename === undefined) {
        const err = new Error(`Cannot find module '${id}'`);
        err.code = 'MODULE_NOT_FOUND';
        throw err;
      }
      return loadFile(filename).exports;
    }
    require.resolve = (id) => {
      const f = host.resolve(dirname, id);
      if (f === undefined) {
        const err = new Error(`Cannot find module '${id}'`);
        err.code = 'MODULE_NOT_FOUND';
        throw err;
      }
      return f;
    };
    require.cache = moduleCache;
    return require;
  }

  function loadFile(filename) {
    const cached = moduleCache[filename];
    if (cached) return cached;
    const dirname = host.dirname(filename);
    const module = { id: filename, filename, path: dirname, exports: {}, loaded: false, children: [], paths: [] };
    moduleCache[filename] = module;
    try {
      const src = host.readFile(filename);
      if (filename.endsWith('.json')) {
        module.exports = JSON.parse(src);
      } else {
        const body = src.startsWith('#!') ? `//${src}` : src;
        const fn = vmLazy().compileFunction(body, ['exports', 'require', 'module', '__filename', '__dirname'], {
          filename,
          // import() from CommonJS loads ES modules relative to the file, as in Node.
          importModuleDynamically: (specifier) => importEsm(dirname, specifier),
        });
        module.require = makeRequire(dirname);
        fn.call(module.exports, module.exports, module.require, module, filename, dirname);
      }
    } catch (e) {
      delete moduleCache[filename];
      throw e;
    }
    module.loaded = true;
    return module;
  }

  // --- uncaught errors --------------------------------------------------------------------
  function describeUncaught(err) {
    if (err !== null && typeof err === 'object' && typeof err.stack === 'string') {
      return inspect(err);
    }
    return `Uncaught ${inspect(err)}`;
  }
  function uncaught(err) {
    if (emit('uncaughtException', err, 'uncaughtException')) return true;
    host.write(2, `${describeUncaught(err)}\n`);
    return false;
  }
  function unhandledRejection(reason, promise) {
    if (emit('unhandledRejection', reason, promise)) return true;
    if (reason !== null && typeof reason === 'object' && typeof reason.stack === 'string') {
      host.write(2, `${describeUncaught(reason)}\n`);
    } else {
      host.write(2, `[UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${inspect(reason)}".] {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n`);
    }
    return false;
  }
  function finish(forced) {
    if (forced !== undefined) process.exitCode = forced;
    const code = process.exitCode === undefined ? 0 : process.exitCode | 0;
    if (!exiting) {
      exiting = true;
      emit('exit', code);
    }
    return process.exitCode === undefined ? code : process.exitCode | 0;
  }

  // --- globals ----------------------------------------------------------------------------
  const g = globalThis;
  const define = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  define('global', g);
  define('console', console);
  define('process', process);
  Object.defineProperty(g, 'Buffer', {
    get() {
      const { Buffer } = requireBuiltin('buffer');
      define('Buffer', Buffer);
      return Buffer;
    },
    set(v) { define('Buffer', v); },
    enumerable: false,
    configurable: true,
  });
  define('queueMicrotask', queueMicrotask);
  for (const k of Object.keys(timers)) define(k, timers[k]);
  if (host.exposeGc()) define('gc', host.gc);

  // --- ES modules (FILE.mjs): vm.SourceTextModule over the files, CommonJS and builtins as
  // synthetic modules (default export = module.exports, plus its own keys as named exports).
  const esmCache = new Map();
  function resolveEsm(dir, specifier) {
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (publicBuiltin(bare) !== undefined) return `node:${bare}`;
    let spec = specifier;
    if (spec.startsWith('file://')) spec = spec.slice(7);
    const file = host.resolve(dir, spec);
    if (file === undefined) {
      const err = new Error(`Cannot find module '${specifier}' imported from ${dir}`);
      err.code = 'ERR_MODULE_NOT_FOUND';
      throw err;
    }
    return file;
  }
  function cjsModule(key, exportsValue) {
    const vm = vmLazy();
    const names = ['default'];
    if (exportsValue !== null && (typeof exportsValue === 'object' || typeof exportsValue === 'function')) {
      for (const k of Object.keys(exportsValue)) if (k !== 'default') names.push(k);
    }
    return new vm.SyntheticModule(names, function () {
      this.setExport('default', exportsValue);
      for (const k of names) if (k !== 'default') this.setExport(k, exportsValue[k]);
    }, { identifier: key });
  }
  function esmFor(key) {
    if (esmCache.has(key)) return esmCache.get(key);
    let m;
    if (key.startsWith('node:')) {
      m = cjsModule(key, publicBuiltin(key.slice(5)));
    } else if (key.endsWith('.mjs')) {
      const vm = vmLazy();
      const dir = host.dirname(key);
      m = new vm.SourceTextModule(host.readFile(key), {
        identifier: `file://${key}`,
        initializeImportMeta(meta) {
          meta.url = `file://${key}`;
          meta.filename = key;
          meta.dirname = dir;
        },
        importModuleDynamically: (specifier) => importEsm(dir, specifier),
      });
    } else {
      m = cjsModule(key, loadFile(key).exports);
    }
    esmCache.set(key, m);
    return m;
  }
  function esmLinker(specifier, referencing) {
    const ref = referencing.identifier;
    const dir = ref.startsWith('file://') ? host.dirname(ref.slice(7)) : host.cwd();
    return esmFor(resolveEsm(dir, specifier));
  }
  async function importEsm(dir, specifier) {
    const m = esmFor(resolveEsm(dir, specifier));
    if (m.status === 'unlinked') await m.link(esmLinker);
    if (m.status === 'linked') await m.evaluate();
    return m;
  }
  function runModuleMain(filename) {
    const m = esmFor(filename);
    return m.link(esmLinker).then(() => m.evaluate());
  }

  function runMain(filename) {
    if (filename.endsWith('.mjs')) {
      runModuleMain(filename).catch((err) => {
        if (!uncaught(err)) host.exit(finish(1));
      });
      return undefined;
    }
    const module = loadFile(filename);
    return module;
  }
  function runEval(code, print) {
    define('require', makeRequire(host.cwd()));
    define('module', { exports: {}, id: '[eval]', filename: '[eval]' });
    define('__filename', '[eval]');
    define('__dirname', '.');
    const result = host.runScript(code, '[eval]');
    if (print) console.log(result);
  }

  return { runMain, runEval, turn, drain, uncaught, unhandledRejection, finish };
})
