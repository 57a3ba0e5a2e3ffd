'use strict';
// The Node-like host of the `boavm` command: require, console, process, timers.
// Evaluated once in the main realm as `(function (host) { ... })`; returns the loop hooks.
(function (host) {
  // Builtins captured before any user code runs (vm-node's js/primordials.js): everything
  // below, and every builtin module, calls only these (user code patching Array.prototype.push,
  // Function.prototype.call, Promise.prototype.then, ... cannot break the runtime).
  const primordials = (() => {
    const module = { __proto__: null, exports: undefined };
    const fn = host.compileInternal(host.builtinSource('internal/primordials'), 'node:internal/primordials');
    Reflect.apply(fn, undefined, [undefined, undefined, module]);
    return module.exports;
  })();
  const {
    ArrayPrototypeJoin, ArrayPrototypeMap, ArrayPrototypePush, ArrayPrototypeShift,
    ArrayPrototypeSlice, ArrayPrototypeSort, ArrayPrototypeSplice, BigInt, Error, JSONParse,
    MathFloor, MathMax, Number, NumberPrototypeToFixed, ObjectAssign, ObjectCreate, ObjectDefineProperty, ObjectHasOwn, ObjectKeys,
    ReflectApply, ReflectGetOwnPropertyDescriptor, RegExpPrototypeExec, SafeMap, String, StringPrototypeEndsWith, StringPrototypeSlice,
    StringPrototypeSplit, StringPrototypeStartsWith, Symbol, SymbolToPrimitive,
    SymbolToStringTag, TypeError, dataDescriptor, mapValues, promiseThen,
  } = primordials;

  // util.inspect reads promise states through this hook (plain JS cannot).
  ObjectDefineProperty(globalThis, '__boavm_promiseState', dataDescriptor(host.promiseState, false, false, true));
  const builtinCache = ObjectCreate(null);
  const moduleCache = ObjectCreate(null);
  // The text each CommonJS file was compiled from, for the arrow above an uncaught error.
  const moduleSources = ObjectCreate(null);
  builtinCache['internal/primordials'] = { exports: primordials };

  // --- builtin modules (embedded sources, CommonJS) ---------------------------------------
  function requireBuiltinSource(name) {
    if (name in builtinCache) return builtinCache[name].exports;
    const src = host.builtinSource(name);
    if (src === undefined) return undefined;
    const module = { __proto__: null, exports: {} };
    builtinCache[name] = module;
    const fn = host.compileInternal(src, `node:${name}`);
    ReflectApply(fn, module.exports, [module.exports, requireBuiltin, module]);
    return module.exports;
  }
  function requireBuiltin(name) {
    const exports = requireBuiltinSource(name);
    if (exports === undefined) throw new Error(`internal module not found: ${name}`);
    return exports;
  }

  // Loaded on first use: a script that never logs or requires them pays nothing at startup.
  // The functions the runtime uses are read once, when each module loads (a user replacing
  // `require('util').format` changes what user code sees, not console.log).
  let utilModule;
  let utilInspect;
  let utilFormat;
  let vmModule;
  let vmCompileFunction;
  let VmSourceTextModule;
  let VmSyntheticModule;
  let syntheticSetExport;
  let moduleLink;
  let moduleEvaluate;
  let moduleGetStatus;
  let moduleGetIdentifier;
  const util = () => {
    if (utilModule === undefined) {
      const u = requireBuiltin('util');
      utilInspect = u.inspect;
      utilFormat = u.format;
      utilModule = u;
    }
    return utilModule;
  };
  const inspect = (...a) => {
    util();
    return ReflectApply(utilInspect, undefined, a);
  };
  const format = (...a) => {
    util();
    return ReflectApply(utilFormat, undefined, a);
  };
  // vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER: boavm's own ES module loader (relative
  // specifiers from the working directory).
  const defaultLoader = (specifier, attributes) => importEsm(host.cwd(), specifier, attributes);
  const vmLazy = () => {
    if (vmModule === undefined) {
      const vm = host.installVm(util().inspect, defaultLoader);
      vmCompileFunction = vm.compileFunction;
      VmSourceTextModule = vm.SourceTextModule;
      VmSyntheticModule = vm.SyntheticModule;
      syntheticSetExport = VmSyntheticModule.prototype.setExport;
      const ModuleProto = vm.Module.prototype;
      moduleLink = ModuleProto.link;
      moduleEvaluate = ModuleProto.evaluate;
      moduleGetStatus = ReflectGetOwnPropertyDescriptor(ModuleProto, 'status').get;
      moduleGetIdentifier = ReflectGetOwnPropertyDescriptor(ModuleProto, 'identifier').get;
      vmModule = vm;
    }
    return vmModule;
  };
  const statusOf = (m) => ReflectApply(moduleGetStatus, m, []);

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
  const counts = ObjectCreate(null);
  const timersStart = ObjectCreate(null);
  let groupIndent = '';
  function out(stream, args) {
    let text = ReflectApply(format, undefined, args);
    if (groupIndent) {
      text = ArrayPrototypeJoin(ArrayPrototypeMap(StringPrototypeSplit(text, '\n'), (l) => groupIndent + l), '\n');
    }
    host.write(stream, `${text}\n`);
  }
  // [first, ...rest] without iterating `rest`.
  function prepend(first, rest) {
    const all = [first];
    for (let i = 0; i < rest.length; i++) ArrayPrototypePush(all, rest[i]);
    return all;
  }
  const console = {
    log: (...a) => out(1, a),
    info: (...a) => out(1, a),
    debug: (...a) => out(1, a),
    error: (...a) => out(2, a),
    warn: (...a) => out(2, a),
    trace: (...a) => {
      const e = new Error(ReflectApply(format, undefined, a));
      e.name = 'Trace';
      out(2, [e.stack]);
    },
    dir: (v, opts) => out(1, [inspect(v, { customInspect: false, ...opts })]),
    assert: (cond, ...a) => { if (!cond) out(2, a.length ? prepend('Assertion failed:', a) : ['Assertion failed']); },
    count: (label = 'default') => { counts[label] = (counts[label] || 0) + 1; out(1, [`${label}: ${counts[label]}`]); },
    countReset: (label = 'default') => { counts[label] = 0; },
    time: (label = 'default') => { timersStart[label] = host.now(); },
    timeEnd: (label = 'default') => {
      const t = timersStart[label];
      delete timersStart[label];
      if (t !== undefined) out(1, [`${label}: ${NumberPrototypeToFixed(host.now() - t, 3)}ms`]);
    },
    timeLog: (label = 'default', ...a) => {
      const t = timersStart[label];
      if (t !== undefined) out(1, prepend(`${label}: ${NumberPrototypeToFixed(host.now() - t, 3)}ms`, a));
    },
    group: (...a) => { if (a.length) out(1, a); groupIndent += '  '; },
    groupEnd: () => { groupIndent = StringPrototypeSlice(groupIndent, 2); },
  };

  // --- process ----------------------------------------------------------------------------
  const listeners = ObjectCreate(null);
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
    kill(pid, signal = 'SIGTERM') {
      if (pid !== process.pid) throw new Error('boavm: process.kill can only signal the current process');
      if (signal !== 0) host.kill(typeof signal === 'number' ? `signal ${signal}` : String(signal));
      return true;
    },
    exit(code) {
      if (code !== undefined) process.exitCode = code;
      const finalCode = process.exitCode === undefined ? 0 : process.exitCode | 0;
      if (!exiting) {
        exiting = true;
        emit('exit', [finalCode]);
      }
      host.exit(process.exitCode === undefined ? finalCode : process.exitCode | 0);
    },
    on(event, fn) { ArrayPrototypePush(listeners[event] || (listeners[event] = []), fn); return process; },
    once(event, fn) {
      const wrapped = function (...a) { removeListener(event, wrapped); return ReflectApply(fn, this, a); };
      wrapped.listener = fn;
      return process.on(event, wrapped);
    },
    off(event, fn) { return removeListener(event, fn); },
    removeListener(event, fn) { return removeListener(event, fn); },
    removeAllListeners(event) { if (event === undefined) { for (const k in listeners) delete listeners[k]; } else delete listeners[event]; return process; },
    listeners(event) { return ArrayPrototypeMap(listeners[event] || [], (f) => f.listener || f); },
    listenerCount(event) { return (listeners[event] || []).length; },
    emit(event, ...a) { return emit(event, a); },
    nextTick(fn, ...args) {
      checkCallback(fn);
      ArrayPrototypePush(tickQueue, { fn, args });
    },
    hrtime: ObjectAssign((prev) => {
      const ns = host.hrtimeNs();
      let s = MathFloor(ns / 1e9);
      let n = ns % 1e9;
      if (prev) {
        s -= prev[0];
        n -= prev[1];
        if (n < 0) { s -= 1; n += 1e9; }
      }
      return [s, n];
    }, { bigint: () => BigInt(MathFloor(host.hrtimeNs())) }),
    uptime: () => host.now() / 1000,
    memoryUsage: ObjectAssign(() => {
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
      ArrayPrototypePush(tickQueue, {
        fn() {
          if (!emit('warning', [warning]) || listeners.warning.length === 0) {
            host.write(2, `(boavm:${host.pid()}) ${warning.code ? `[${warning.code}] ` : ''}${warning.name}: ${warning.message}\n`);
          }
        },
        args: [],
      });
    },
    stdout: { write: (s) => { host.write(1, String(s)); return true; }, isTTY: false },
    stderr: { write: (s) => { host.write(2, String(s)); return true; }, isTTY: false },
    [SymbolToStringTag]: 'process',
  };
  function removeListener(event, fn) {
    const l = listeners[event];
    if (l) {
      for (let i = 0; i < l.length; i++) {
        if (l[i] === fn || l[i].listener === fn) {
          ArrayPrototypeSplice(l, i, 1);
          break;
        }
      }
    }
    return process;
  }
  // Calls the listeners of `event` with the arguments in the array `a`.
  function emit(event, a) {
    const l = listeners[event];
    if (!l || l.length === 0) return false;
    const snapshot = ArrayPrototypeSlice(l);
    for (let i = 0; i < snapshot.length; i++) ReflectApply(snapshot[i], process, a);
    return true;
  }

  // --- timers -----------------------------------------------------------------------------
  let nextTimerId = 1;
  const timerList = new SafeMap();
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
    [SymbolToPrimitive]() { return this._id; }
  }
  function delay(ms) {
    ms = Number(ms);
    return ms >= 1 && ms <= 2147483647 ? MathFloor(ms) : 1;
  }
  // Node's ERR_INVALID_ARG_TYPE (message, code and stack header) for a non-function callback.
  function checkCallback(fn) {
    if (typeof fn !== 'function') {
      throw requireBuiltin('internal/errors').ERR_INVALID_ARG_TYPE('callback', 'Function', fn);
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
      ArrayPrototypePush(immediates, im);
      return im;
    },
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    clearImmediate(im) { if (im) im._cleared = true; },
  };

  function queueMicrotask(fn) {
    checkCallback(fn);
    // One promise job, like Promise.resolve().then(fn) (without reading `then`).
    (async () => {
      await undefined;
      fn();
    })();
  }

  // Runs nextTicks and promise jobs until both are empty (Node's processTicksAndRejections).
  function drain() {
    do {
      while (tickQueue.length > 0) {
        const t = ArrayPrototypeShift(tickQueue);
        ReflectApply(t.fn, undefined, t.args);
      }
      host.runMicrotasks();
    } while (tickQueue.length > 0);
  }

  // One turn of the event loop: expired timers, then immediates. Returns the delay until the
  // next timer, 0 if more work is ready, or -1 when nothing keeps the loop alive.
  function turn() {
    drain();
    const now = host.now();
    const all = mapValues(timerList);
    const due = [];
    for (let i = 0; i < all.length; i++) if (all[i]._when <= now) ArrayPrototypePush(due, all[i]);
    ArrayPrototypeSort(due, (a, b) => a._when - b._when || a._seq - b._seq);
    for (let i = 0; i < due.length; i++) {
      const t = due[i];
      if (!timerList.has(t._id)) continue;
      if (t._repeat) {
        t._when = host.now() + t._ms;
        t._seq = nextTimerId++;
      } else {
        timerList.delete(t._id);
      }
      ReflectApply(t._fn, t, t._args);
      drain();
    }
    const batch = ArrayPrototypeSplice(immediates, 0, immediates.length);
    for (let i = 0; i < batch.length; i++) {
      const im = batch[i];
      if (im._cleared) continue;
      ReflectApply(im._fn, undefined, im._args);
      drain();
    }
    if (immediates.length > 0) return 0;
    let next = Infinity;
    const left = mapValues(timerList);
    for (let i = 0; i < left.length; i++) {
      const t = left[i];
      if (t._refed && t._when < next) next = t._when;
    }
    if (next === Infinity) return -1;
    return MathMax(0, next - host.now());
  }

  // --- require ----------------------------------------------------------------------------
  function makeRequire(dirname) {
    function require(id) {
      if (typeof id !== 'string') {
        const err = new TypeError(`The "id" argument must be of type string. Received ${inspect(id)}`);
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
      const bare = StringPrototypeStartsWith(id, 'node:') ? StringPrototypeSlice(id, 5) : id;
      const builtin = publicBuiltin(bare);
      if (builtin !== undefined) return builtin;
      if (!(StringPrototypeStartsWith(id, './') || StringPrototypeStartsWith(id, '../') ||
            StringPrototypeStartsWith(id, '/') || id === '.' || id === '..')) {
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
      if (StringPrototypeEndsWith(filename, '.json')) {
        module.exports = JSONParse(src);
      } else {
        const body = StringPrototypeStartsWith(src, '#!') ? `//${src}` : src;
        moduleSources[filename] = body;
        vmLazy();
        const fn = vmCompileFunction(body, ['exports', 'require', 'module', '__filename', '__dirname'], {
          filename,
          // import() from CommonJS loads ES modules relative to the file, as in Node.
          importModuleDynamically: (specifier, referrer, attributes) => importEsm(dirname, specifier, attributes),
        });
        module.require = makeRequire(dirname);
        ReflectApply(fn, module.exports, [module.exports, module.require, module, filename, dirname]);
      }
    } catch (e) {
      delete moduleCache[filename];
      throw e;
    }
    module.loaded = true;
    return module;
  }

  // --- uncaught errors --------------------------------------------------------------------
  // Node prints the source line of an uncaught error's top frame, with a caret, above it; and
  // V8 names the callee of a failed call (`o.f is not a function`), which the engine does not.
  function arrowFor(err) {
    // A throwing `message` getter (or anything else odd about the error) only loses the arrow.
    try {
      return arrowAndMessage(err);
    } catch {
      return '';
    }
  }
  function arrowAndMessage(err) {
    const stack = err.stack;
    const frame = RegExpPrototypeExec(/\n {4}at (?:.*? \()?(.+?):\d+:\d+\)?(?:\n|$)/, stack);
    if (frame === null) return '';
    const source = moduleSources[frame[1]];
    if (source === undefined) return '';
    const details = host.uncaughtDetails(stack, frame[1], source, err.message);
    if (details[1] !== undefined && !ObjectHasOwn(err, 'stack')) {
      ObjectDefineProperty(err, 'message', dataDescriptor(details[1], true, false, true));
    }
    return details[0] === undefined ? '' : `${details[0]}\n`;
  }
  function describeUncaught(err) {
    if (err !== null && typeof err === 'object' && typeof err.stack === 'string') {
      // A file that does not parse: its SyntaxError carries the arrow and no frames (node's
      // has its loader's frames); printed as node prints it, not bracketed as inspect would.
      if (err.name === 'SyntaxError' && RegExpPrototypeExec(/\n {4}at /, err.stack) === null) {
        return err.stack;
      }
      return `${arrowFor(err)}${inspect(err)}`;
    }
    return `Uncaught ${inspect(err)}`;
  }
  function uncaught(err) {
    if (emit('uncaughtException', [err, 'uncaughtException'])) return true;
    host.write(2, `${describeUncaught(err)}\n`);
    return false;
  }
  function unhandledRejection(reason, promise) {
    if (emit('unhandledRejection', [reason, promise])) return true;
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
      emit('exit', [code]);
    }
    return process.exitCode === undefined ? code : process.exitCode | 0;
  }

  // --- globals ----------------------------------------------------------------------------
  const g = globalThis;
  const define = (name, value) => ObjectDefineProperty(g, name, dataDescriptor(value, true, false, true));
  // Enumerable as in Node, in Node's order (`Object.keys(globalThis)` lists them).
  const defineEnumerable = (name, value) => ObjectDefineProperty(g, name, dataDescriptor(value, true, true, true));
  defineEnumerable('global', g);
  const timerNames = ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout'];
  for (let i = 0; i < timerNames.length; i++) defineEnumerable(timerNames[i], timers[timerNames[i]]);
  defineEnumerable('queueMicrotask', queueMicrotask);
  define('console', console);
  define('process', process);
  // URL and URLSearchParams, plain data properties as in Node. Created here rather than on
  // first use: Boa 0.22's global-name cache keeps treating a lazily replaced accessor as an
  // accessor at a call site that has read it once (the second `new URL()` there would call
  // the class as a getter).
  const urlClasses = requireBuiltin('internal/url')({
    parse: host.urlParse, set: host.urlSet, formParse: host.urlFormParse, formSerialize: host.urlFormSerialize,
  });
  define('URL', urlClasses.URL);
  define('URLSearchParams', urlClasses.URLSearchParams);
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
  if (host.exposeGc()) define('gc', host.gc);

  // --- ES modules (FILE.mjs): vm.SourceTextModule over the files, CommonJS and builtins as
  // synthetic modules (default export = module.exports, plus its own keys as named exports).
  const esmCache = new SafeMap();
  function resolveEsm(dir, specifier) {
    const bare = StringPrototypeStartsWith(specifier, 'node:') ? StringPrototypeSlice(specifier, 5) : specifier;
    if (publicBuiltin(bare) !== undefined) return `node:${bare}`;
    let spec = specifier;
    if (StringPrototypeStartsWith(spec, 'file://')) spec = StringPrototypeSlice(spec, 7);
    const file = host.resolve(dir, spec);
    if (file === undefined) {
      const err = new Error(`Cannot find module '${specifier}' imported from ${dir}`);
      err.code = 'ERR_MODULE_NOT_FOUND';
      throw err;
    }
    return file;
  }
  function cjsModule(key, exportsValue) {
    vmLazy();
    const names = ['default'];
    if (exportsValue !== null && (typeof exportsValue === 'object' || typeof exportsValue === 'function')) {
      const keys = ObjectKeys(exportsValue);
      for (let i = 0; i < keys.length; i++) if (keys[i] !== 'default') ArrayPrototypePush(names, keys[i]);
    }
    return new VmSyntheticModule(names, function () {
      ReflectApply(syntheticSetExport, this, ['default', exportsValue]);
      for (let i = 1; i < names.length; i++) {
        ReflectApply(syntheticSetExport, this, [names[i], exportsValue[names[i]]]);
      }
    }, { identifier: key });
  }
  // Node's import attributes rule: a JSON module needs `with { type: 'json' }`, and that type
  // is for JSON modules only (Node 20's codes and messages).
  function checkAttributes(key, attributes) {
    const type = attributes !== null && typeof attributes === 'object' ? attributes.type : undefined;
    const isJson = StringPrototypeEndsWith(key, '.json');
    if (type !== undefined && type !== 'json') {
      const err = new TypeError(`Import attribute type "${type}" is unsupported`);
      ObjectDefineProperty(err, 'code', dataDescriptor('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', true, false, true));
      throw err;
    }
    if (isJson && type !== 'json') {
      const err = new TypeError(`Module "file://${key}" needs an import attribute of type "json"`);
      ObjectDefineProperty(err, 'code', dataDescriptor('ERR_IMPORT_ASSERTION_TYPE_MISSING', true, false, true));
      throw err;
    }
    if (!isJson && type === 'json') {
      const err = new TypeError(`Module "${StringPrototypeStartsWith(key, 'node:') ? key : `file://${key}`}" is not of type "json"`);
      ObjectDefineProperty(err, 'code', dataDescriptor('ERR_IMPORT_ASSERTION_TYPE_FAILED', true, false, true));
      throw err;
    }
  }
  function esmFor(key) {
    if (esmCache.has(key)) return esmCache.get(key);
    let m;
    if (StringPrototypeStartsWith(key, 'node:')) {
      m = cjsModule(key, publicBuiltin(StringPrototypeSlice(key, 5)));
    } else if (StringPrototypeEndsWith(key, '.mjs')) {
      vmLazy();
      const dir = host.dirname(key);
      m = new VmSourceTextModule(host.readFile(key), {
        identifier: `file://${key}`,
        initializeImportMeta(meta) {
          meta.url = `file://${key}`;
          meta.filename = key;
          meta.dirname = dir;
        },
        importModuleDynamically: (specifier, referrer, attributes) => importEsm(dir, specifier, attributes),
      });
    } else {
      m = cjsModule(key, loadFile(key).exports);
    }
    esmCache.set(key, m);
    return m;
  }
  function esmLinker(specifier, referencing, extra) {
    const ref = ReflectApply(moduleGetIdentifier, referencing, []);
    const dir = StringPrototypeStartsWith(ref, 'file://') ? host.dirname(StringPrototypeSlice(ref, 7)) : host.cwd();
    const key = resolveEsm(dir, specifier);
    checkAttributes(key, extra !== undefined ? extra.attributes : undefined);
    return esmFor(key);
  }
  async function importEsm(dir, specifier, attributes) {
    const key = resolveEsm(dir, specifier);
    checkAttributes(key, attributes);
    const m = esmFor(key);
    if (statusOf(m) === 'unlinked') await ReflectApply(moduleLink, m, [esmLinker]);
    if (statusOf(m) === 'linked') await ReflectApply(moduleEvaluate, m, []);
    return m;
  }
  async function runModuleMain(filename) {
    const m = esmFor(filename);
    await ReflectApply(moduleLink, m, [esmLinker]);
    await ReflectApply(moduleEvaluate, m, []);
  }

  function runMain(filename) {
    if (StringPrototypeEndsWith(filename, '.mjs')) {
      promiseThen(runModuleMain(filename), undefined, (err) => {
        if (!uncaught(err)) host.exit(finish(1));
      });
      return undefined;
    }
    const module = loadFile(filename);
    return module;
  }
  function runEval(code, print) {
    // vm (and its captured builtins) is installed before the user's code runs.
    vmLazy();
    define('require', makeRequire(host.cwd()));
    define('module', { exports: {}, id: '[eval]', filename: '[eval]' });
    define('__filename', '[eval]');
    define('__dirname', '.');
    const result = host.runScript(code, '[eval]');
    if (print) console.log(result);
  }

  return { runMain, runEval, turn, drain, uncaught, unhandledRejection, finish };
})
