'use strict';
// The JavaScript face of `node:vm`: Node's API shape and argument validation over the native
// core (`native`, provided by vm-node's Rust side).
// Runs as a factory: (native, inspect, makeErrors, makeModules, defaultLoader) => the vm module
// object. Natives take a prototype-less options object (built here from validated values) after
// their positional arguments; a compiled script is a native handle with `run`,
// `createCachedData` and `cacheRejected` methods (Node's ContextifyScript).
// Only captured builtins are used (`primordials`): user code patching Array.prototype,
// Object.defineProperty, Function.prototype.call, ... cannot break vm.

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, FunctionPrototypeCall, MathCeil, MathFloor,
  Error, ObjectDefineProperty, ObjectFreeze, ReflectApply, RegExpPrototypeExec, Symbol, TypeError,
  Uint8Array, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetByteLength, DataViewPrototypeGetBuffer, DataViewPrototypeGetByteOffset,
  DataViewPrototypeGetByteLength, ArrayBufferIsView, dataDescriptor, resolvedPromise,
  rejectedPromise, StringPrototypeIndexOf,
} = primordials;

module.exports = function makeVm(native, inspect, makeErrors, makeModules, defaultLoader) {
  const { errors: E, validators: V } = makeErrors(inspect);
  const kEmptyObject = ObjectFreeze({ __proto__: null });
  const USE_MAIN_CONTEXT_DEFAULT_LOADER = Symbol('vm_dynamic_import_main_context_default');
  const DONT_CONTEXTIFY = Symbol('vm_context_no_contextify');
  let defaultContextNameIndex = 1;

  // The options Script and compileFunction share, in Node's order (compileFunction checks
  // columnOffset before lineOffset).
  function validateCompileOptions(filename, lineOffset, columnOffset, cachedData, produceCachedData,
                                  columnFirst) {
    V.validateString(filename, 'options.filename');
    if (columnFirst) V.validateInt32(columnOffset, 'options.columnOffset');
    V.validateInt32(lineOffset, 'options.lineOffset');
    if (!columnFirst) V.validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !V.isArrayBufferView(cachedData)) {
      throw E.ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    V.validateBoolean(produceCachedData, 'options.produceCachedData');
  }

  // `importModuleDynamically` → the `(specifier, attributes)` hook the native side calls;
  // `referrer()` gives the Script/function/module the hook receives.
  function dynamicImportHook(importModuleDynamically, referrer) {
    if (importModuleDynamically === undefined) return undefined;
    if (importModuleDynamically === USE_MAIN_CONTEXT_DEFAULT_LOADER) {
      if (typeof defaultLoader !== 'function') {
        throw unsupported('vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER without a host loader');
      }
      return (specifier, attributes) => defaultLoader(specifier, attributes);
    }
    V.validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    // Node 22+ passes the import phase as a fourth argument ('evaluation' for import()).
    return (specifier, attributes) =>
      ReflectApply(importModuleDynamically, undefined, [specifier, referrer(), attributes, 'evaluation']);
  }

  // The bytes of an ArrayBufferView (read through the captured accessors).
  function asBytes(view) {
    let typed = true;
    try {
      TypedArrayPrototypeGetByteOffset(view);
    } catch {
      typed = false;
    }
    return typed
      ? new Uint8Array(TypedArrayPrototypeGetBuffer(view), TypedArrayPrototypeGetByteOffset(view),
                       TypedArrayPrototypeGetByteLength(view))
      : new Uint8Array(DataViewPrototypeGetBuffer(view), DataViewPrototypeGetByteOffset(view),
                       DataViewPrototypeGetByteLength(view));
  }

  // A Buffer when the host has one (boavm), else the Uint8Array itself. Captured when vm is
  // installed (the host's Buffer is a lazy global: it is resolved on first use).
  let bufferFrom;
  function toBuffer(u8) {
    if (bufferFrom === undefined) {
      const B = typeof Buffer === 'function' ? Buffer : undefined;
      const from = B !== undefined ? B.from : undefined;
      bufferFrom = typeof from === 'function' ? (...a) => ReflectApply(from, B, a) : null;
    }
    return bufferFrom !== null
      ? bufferFrom(TypedArrayPrototypeGetBuffer(u8), TypedArrayPrototypeGetByteOffset(u8),
                   TypedArrayPrototypeGetByteLength(u8))
      : u8;
  }

  function unsupported(what) {
    return E.code(Error, 'ERR_BOAVM_UNSUPPORTED', `${what} is not supported by boavm yet (see README: Unsupported)`);
  }

  function isContext(object) {
    V.validateObject(object, 'object', { allowArray: true });
    return native.isContext(object);
  }

  function validateContext(contextifiedObject) {
    // Any non-null object passes isContext's validation: ask the binding directly.
    if (typeof contextifiedObject === 'object' && contextifiedObject !== null &&
        native.isContext(contextifiedObject)) {
      return;
    }
    if (!isContext(contextifiedObject)) {
      throw E.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
    }
  }

  function createContext(contextObject = {}, options = kEmptyObject) {
    if (contextObject !== DONT_CONTEXTIFY && isContext(contextObject)) return contextObject;
    V.validateObject(options, 'options');
    const {
      name = `VM Context ${defaultContextNameIndex++}`,
      origin,
      codeGeneration,
      microtaskMode,
      importModuleDynamically,
    } = options;
    V.validateString(name, 'options.name');
    if (origin !== undefined) V.validateString(origin, 'options.origin');
    if (codeGeneration !== undefined) V.validateObject(codeGeneration, 'options.codeGeneration');
    let strings = true;
    let wasm = true;
    if (codeGeneration !== undefined) {
      ({ strings = true, wasm = true } = codeGeneration);
      V.validateBoolean(strings, 'options.codeGeneration.strings');
      V.validateBoolean(wasm, 'options.codeGeneration.wasm');
    }
    V.validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
    let context;
    const hook = dynamicImportHook(importModuleDynamically, () => context);
    // DONT_CONTEXTIFY: the context's own ordinary global object is the context.
    const nativeOptions = {
      __proto__: null, name, origin, strings, wasm,
      afterEvaluate: microtaskMode === 'afterEvaluate', importModuleDynamically: hook,
    };
    context = native.makeContext(contextObject === DONT_CONTEXTIFY ? undefined : contextObject, nativeOptions);
    return context;
  }

  function getContextOptions(options) {
    if (!options) return {};
    const contextOptions = {
      name: options.contextName,
      origin: options.contextOrigin,
      codeGeneration: undefined,
      microtaskMode: options.microtaskMode,
    };
    if (contextOptions.name !== undefined) V.validateString(contextOptions.name, 'options.contextName');
    if (contextOptions.origin !== undefined) V.validateString(contextOptions.origin, 'options.contextOrigin');
    if (options.contextCodeGeneration !== undefined) {
      V.validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
      const { strings, wasm } = options.contextCodeGeneration;
      if (strings !== undefined) V.validateBoolean(strings, 'options.contextCodeGeneration.strings');
      if (wasm !== undefined) V.validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
      contextOptions.codeGeneration = { strings, wasm };
    }
    if (options.microtaskMode !== undefined) V.validateString(options.microtaskMode, 'options.microtaskMode');
    return contextOptions;
  }

  function getRunInContextArgs(options = kEmptyObject) {
    V.validateObject(options, 'options');
    let timeout = options.timeout;
    if (timeout !== undefined) V.validateUint32(timeout, 'options.timeout', true);
    const { displayErrors = true, breakOnSigint = false } = options;
    V.validateBoolean(displayErrors, 'options.displayErrors');
    V.validateBoolean(breakOnSigint, 'options.breakOnSigint');
    return { displayErrors, timeout, breakOnSigint };
  }

  const kHandle = Symbol('kHandle');
  const kDefaultFilename = 'evalmachine.<anonymous>';
  // The natives' options for a script compiled or run with no options (shared: the natives
  // only read them).
  const kDefaultCompileOptions = ObjectFreeze({
    __proto__: null, filename: kDefaultFilename, lineOffset: 0, columnOffset: 0,
  });
  const kDefaultRunOptions = ObjectFreeze({
    __proto__: null, displayErrors: true, timeout: undefined, breakOnSigint: false,
  });
  // Internal option: the context whose realm a syntax error belongs to (runInContext compiles
  // with the target context as the parsing context, as Node does).
  const kParsingContext = Symbol('kParsingContext');

  // The last `//# sourceMappingURL=` (or legacy `//@`) magic comment, as V8 reports it.
  function sourceMapURL(code) {
    // Boa compiles a regular expression literal each time it is evaluated: search plainly first.
    if (StringPrototypeIndexOf(code, 'sourceMappingURL') === -1) return undefined;
    const re = /\/\/[#@][ \t]*sourceMappingURL[ \t]*=[ \t]*([^\s'"]+)[ \t]*$/gm;
    let found;
    for (let m = RegExpPrototypeExec(re, code); m !== null; m = RegExpPrototypeExec(re, code)) found = m[1];
    return found;
  }

  class Script {
    constructor(code, options = kEmptyObject) {
      code = `${code}`;
      if (options === kEmptyObject) {
        // No options: the defaults, without reading and validating them one by one.
        const handle = native.compileScript(code, kDefaultCompileOptions);
        ObjectDefineProperty(this, kHandle, dataDescriptor(handle, false, false, false));
        this.sourceMapURL = sourceMapURL(code);
        return;
      }
      if (typeof options === 'string') {
        options = { filename: options };
      } else {
        V.validateObject(options, 'options');
      }
      const {
        filename = kDefaultFilename,
        lineOffset = 0,
        columnOffset = 0,
        cachedData,
        produceCachedData = false,
        importModuleDynamically,
      } = options;
      validateCompileOptions(filename, lineOffset, columnOffset, cachedData, produceCachedData, false);
      const hook = dynamicImportHook(importModuleDynamically, () => this);
      const nativeOptions = {
        __proto__: null, filename, lineOffset, columnOffset, parsingContext: options[kParsingContext],
        importModuleDynamically: hook, cachedData: cachedData === undefined ? undefined : asBytes(cachedData),
      };
      const handle = native.compileScript(code, nativeOptions);
      ObjectDefineProperty(this, kHandle, dataDescriptor(handle, false, false, false));
      this.sourceMapURL = sourceMapURL(code);
      // The cache (vm-cache) is checked against this exact source, options and engine build;
      // what it lets Boa skip is the syntax check at construction (README: Code cache).
      if (cachedData !== undefined) this.cachedDataRejected = handle.cacheRejected();
      if (produceCachedData) {
        this.cachedDataProduced = true;
        this.cachedData = toBuffer(handle.createCachedData());
      }
    }

    runInThisContext(options) {
      const { displayErrors, timeout, breakOnSigint } = getRunInContextArgs(options);
      return this[kHandle].run(undefined, { __proto__: null, displayErrors, timeout, breakOnSigint });
    }

    runInContext(contextifiedObject, options) {
      validateContext(contextifiedObject);
      // No options: the defaults getRunInContextArgs would return, without building them.
      if (options === undefined) return this[kHandle].run(contextifiedObject, kDefaultRunOptions);
      const { displayErrors, timeout, breakOnSigint } = getRunInContextArgs(options);
      return this[kHandle].run(contextifiedObject, { __proto__: null, displayErrors, timeout, breakOnSigint });
    }

    runInNewContext(contextObject, options) {
      const context = createContext(contextObject, getContextOptions(options));
      if (typeof this?.runInContext !== 'function') {
        throw new TypeError('this.runInContext is not a function');
      }
      return this.runInContext(context, options);
    }

    createCachedData() {
      return toBuffer(this[kHandle].createCachedData());
    }
  }

  function createScript(code, options) {
    return new Script(code, options);
  }

  // `code` compiled with no options for `context` (the parsing context) and run there: what
  // createScript(...).runInContext(...) does then, without the Script object nobody sees.
  function compileAndRun(code, context) {
    const handle = native.compileScript(`${code}`, {
      __proto__: null, filename: kDefaultFilename, lineOffset: 0, columnOffset: 0, parsingContext: context,
    });
    return handle.run(context, kDefaultRunOptions);
  }

  function runInContext(code, contextifiedObject, options) {
    validateContext(contextifiedObject);
    if (options === undefined) return compileAndRun(code, contextifiedObject);
    options = typeof options === 'string' ? { filename: options } : { ...options };
    options[kParsingContext] = contextifiedObject;
    return createScript(code, options).runInContext(contextifiedObject, options);
  }

  function runInNewContext(code, contextObject, options) {
    if (options === undefined) return compileAndRun(code, createContext(contextObject));
    options = typeof options === 'string' ? { filename: options } : { ...options };
    contextObject = createContext(contextObject, getContextOptions(options));
    options[kParsingContext] = contextObject;
    return createScript(code, options).runInNewContext(contextObject, options);
  }

  function runInThisContext(code, options) {
    if (typeof options === 'string') options = { filename: options };
    return createScript(code, options).runInThisContext(options);
  }

  function compileFunction(code, params, options = kEmptyObject) {
    V.validateString(code, 'code');
    if (params !== undefined) {
      V.validateArray(params, 'params');
      for (let i = 0; i < params.length; i++) V.validateString(params[i], `params[${i}]`);
    }
    V.validateObject(options, 'options');
    const {
      filename = '',
      columnOffset = 0,
      lineOffset = 0,
      cachedData = undefined,
      produceCachedData = false,
      parsingContext = undefined,
      contextExtensions = [],
      importModuleDynamically,
    } = options;
    validateCompileOptions(filename, lineOffset, columnOffset, cachedData, produceCachedData, true);
    if (parsingContext !== undefined) {
      if (typeof parsingContext !== 'object' || parsingContext === null || !native.isContext(parsingContext)) {
        throw E.ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
      }
    }
    V.validateArray(contextExtensions, 'options.contextExtensions');
    const extensions = [];
    for (let i = 0; i < contextExtensions.length; i++) {
      const extension = contextExtensions[i];
      V.validateObject(extension, `options.contextExtensions[${i}]`, { nullable: true });
      if (extension !== null) ArrayPrototypePush(extensions, extension);
    }
    let fn;
    const hook = dynamicImportHook(importModuleDynamically, () => fn);
    const nativeOptions = {
      __proto__: null, filename, lineOffset, columnOffset, parsingContext,
      contextExtensions: extensions, importModuleDynamically: hook,
    };
    fn = native.compileFunction(code, params || [], nativeOptions);
    const cacheSource = `${ArrayPrototypeJoin(params || [], ',')}\u0000${code}`;
    const own = (name, value) => ObjectDefineProperty(fn, name, dataDescriptor(value, true, true, true));
    if (produceCachedData) {
      own('cachedDataProduced', true);
      own('cachedData', toBuffer(native.cacheEncode('function', cacheSource)));
    }
    if (cachedData !== undefined) {
      own('cachedDataRejected', !native.cacheAccepts('function', cacheSource, asBytes(cachedData)));
    }
    return fn;
  }

  let measureMemoryWarned = false;
  function measureMemory(options = kEmptyObject) {
    if (!measureMemoryWarned && typeof process === 'object' && process !== null &&
        typeof process.emitWarning === 'function') {
      measureMemoryWarned = true;
      ReflectApply(process.emitWarning, process,
                   ['vm.measureMemory is an experimental feature and might change at any time',
                    'ExperimentalWarning']);
    }
    V.validateObject(options, 'options');
    const { mode = 'summary', execution = 'default' } = options;
    V.validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
    V.validateOneOf(execution, 'options.execution', ['default', 'eager']);
    const m = native.measureMemory(mode === 'detailed');
    const range = (bytes) => ({ jsMemoryEstimate: bytes, jsMemoryRange: [MathFloor(bytes * 0.9), MathCeil(bytes * 1.1)] });
    const result = { total: range(m.total) };
    if (mode === 'detailed') {
      result.current = range(m.current);
      const other = [];
      for (let i = 0; i < m.other.length; i++) ArrayPrototypePush(other, range(m.other[i]));
      result.other = other;
    }
    return resolvedPromise(result);
  }

  const { Module, SourceTextModule, SyntheticModule } =
    makeModules({ native, E, V, isContext, unsupported, kEmptyObject, dynamicImportHook, inspect, asBytes, toBuffer });

  const constants = { __proto__: null, USE_MAIN_CONTEXT_DEFAULT_LOADER, DONT_CONTEXTIFY };
  ObjectFreeze(constants);

  return {
    Script,
    createContext,
    createScript,
    runInContext,
    runInNewContext,
    runInThisContext,
    isContext,
    compileFunction,
    measureMemory,
    constants,
    Module,
    SourceTextModule,
    SyntheticModule,
  };
};
