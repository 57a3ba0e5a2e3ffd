'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (Node 20's API, plus
// hasTopLevelAwait() from newer Node) over the native module core (vm-modules).
// Runs as a factory: ({ native, E, V, isContext, unsupported, kEmptyObject }) => classes.
// Only captured builtins are used (`primordials`); the promises it awaits are native ones.

const {
  ArrayIsArray, ArrayPrototypePush, ArrayPrototypeSlice, Error, FunctionPrototypeCall,
  ObjectCreate, ObjectDefineProperties, ObjectDefineProperty, ObjectFreeze, ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty, ReflectApply, SafeSet, SafeWeakSet, Symbol, SymbolFor, SymbolToStringTag,
  TypeError, dataDescriptor, rejectedPromise, safePromiseAll,
} = primordials;

module.exports = function makeModules({
  native, E, V, isContext, unsupported, kEmptyObject, dynamicImportHook, inspect, asBytes, toBuffer,
}) {
  const kHandle = Symbol('kHandle');
  const kContext = Symbol('kContext');
  const kError = Symbol('kError');
  const kLinking = Symbol('kLinking');
  const kSpecifiers = Symbol('kSpecifiers');
  const kRequestsLinked = Symbol('kRequestsLinked');
  // (Computed class keys only name bindings of this function: Boa 0.22 fails to resolve
  // the factory's own top-level bindings there when vm-node evaluates it.)
  const kInspectCustom = SymbolFor('nodejs.util.inspect.custom');

  function statusError(message) {
    return E.code(Error, 'ERR_VM_MODULE_STATUS', `Module status ${message}`);
  }

  // Modules this binding made: a brand a Proxy around a module does not carry (V8's private
  // fields), so the linker cannot hand one in.
  const moduleBrand = new SafeWeakSet();

  function isModule(value) {
    return value !== null && typeof value === 'object' && moduleBrand.has(value);
  }

  function checkThis(self, type = 'Module') {
    if (!isModule(self)) {
      throw E.code(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
    }
  }

  function validateModuleContext(context) {
    if (context === undefined) return;
    if (context === null || typeof context !== 'object' || !isContext(context)) {
      throw E.ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
    }
  }

  // One request of `self`'s linking: the linker's module, checked (and linked in turn).
  async function linkOne(self, linker, specifier) {
    const attributes = self[kHandle].attributes(specifier);
    const module = await linker(specifier, self, { attributes, assert: attributes });
    if (!isModule(module)) {
      throw E.code(Error, 'ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module');
    }
    if (module.context !== self.context) {
      throw E.code(Error, 'ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context');
    }
    if (module.status === 'errored') {
      const err = E.code(Error, 'ERR_VM_MODULE_LINK_FAILURE',
                         `request for '${specifier}' resolved to an errored module`);
      // Node 22+ keeps the module's own error as the cause.
      ObjectDefineProperty(err, 'cause', dataDescriptor(module.error, true, false, true));
      throw err;
    }
    if (module.status === 'unlinked') await module[kLinking](linker);
    return module;
  }

  class Module {
    constructor() {
      if (new.target === Module) throw new TypeError('Module is not a constructor');
    }

    get identifier() {
      checkThis(this);
      return this[kHandle].identifier();
    }

    get context() {
      checkThis(this);
      return this[kContext];
    }

    get status() {
      checkThis(this);
      return this[kHandle].status();
    }

    get namespace() {
      checkThis(this);
      return this[kHandle].namespace();
    }

    get error() {
      checkThis(this);
      if (this.status !== 'errored') throw statusError('must be errored');
      return this[kHandle].error();
    }

    // util.inspect shows a module's class with its status, identifier and context.
    [kInspectCustom](depth, options) {
      checkThis(this);
      if (typeof depth === 'number' && depth < 0) return this;
      const view = ObjectCreate(ObjectGetPrototypeOf(this));
      ObjectDefineProperties(view, {
        __proto__: null,
        status: dataDescriptor(this.status, false, true, false),
        identifier: dataDescriptor(this.identifier, false, true, false),
        context: dataDescriptor(this.context, false, true, false),
        [SymbolToStringTag]: dataDescriptor(this.constructor.name, false, false, true),
      });
      return inspect(view, { ...options, customInspect: false });
    }

    async link(linker) {
      checkThis(this);
      V.validateFunction(linker, 'linker');
      // Newer Node links synthetic modules on creation: link() has nothing left to do.
      if (this instanceof SyntheticModule && this.status !== 'unlinked') return;
      if (this.status === 'linked') {
        throw E.code(Error, 'ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked');
      }
      if (this.status !== 'unlinked') throw statusError('must be unlinked');
      await this[kLinking](linker);
      this[kHandle].instantiate();
    }

    async [kLinking](linker) {
      const handle = this[kHandle];
      handle.beginLink();
      const specifiers = handle.specifiers();
      try {
        const pending = [];
        for (let i = 0; i < specifiers.length; i++) {
          ArrayPrototypePush(pending, linkOne(this, linker, specifiers[i]));
        }
        const modules = await safePromiseAll(pending);
        const handles = [];
        for (let i = 0; i < modules.length; i++) ArrayPrototypePush(handles, modules[i][kHandle]);
        handle.resolve(specifiers, handles);
      } catch (err) {
        handle.abortLink(err);
        throw err;
      }
    }


    // Not an `async` function: like Node, a module that evaluated synchronously returns an
    // already-settled promise (`Promise { undefined }`); argument and status errors reject.
    evaluate(options = kEmptyObject) {
      try {
        checkThis(this);
        V.validateObject(options, 'options');
        const timeout = options.timeout;
        if (timeout !== undefined) V.validateUint32(timeout, 'options.timeout', true);
        const { breakOnSigint = false } = options;
        V.validateBoolean(breakOnSigint, 'options.breakOnSigint');
        const status = this.status;
        if (status !== 'linked' && status !== 'evaluated' && status !== 'errored') {
          throw statusError('must be one of linked, evaluated, or errored');
        }
        const promise = this[kHandle].evaluate({ __proto__: null, timeout, breakOnSigint });
        return promise;
      } catch (err) {
        return rejectedPromise(err);
      }
    }
  }

  class SourceTextModule extends Module {
    constructor(sourceText, options = kEmptyObject) {
      V.validateString(sourceText, 'sourceText');
      V.validateObject(options, 'options');
      const {
        lineOffset = 0,
        columnOffset = 0,
        initializeImportMeta,
        importModuleDynamically,
        context,
        identifier,
        cachedData,
      } = options;
      validateModuleContext(context);
      if (identifier !== undefined) V.validateString(identifier, 'options.identifier');
      V.validateInt32(lineOffset, 'options.lineOffset');
      V.validateInt32(columnOffset, 'options.columnOffset');
      if (initializeImportMeta !== undefined) V.validateFunction(initializeImportMeta, 'options.initializeImportMeta');
      if (importModuleDynamically !== undefined) {
        V.validateFunction(importModuleDynamically, 'options.importModuleDynamically');
      }
      if (cachedData !== undefined && !V.isArrayBufferView(cachedData)) {
        throw E.ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
      }
      super();
      if (cachedData !== undefined && !native.cacheAccepts('module', sourceText, asBytes(cachedData))) {
        throw E.code(Error, 'ERR_VM_MODULE_CACHED_DATA_REJECTED', 'cachedData buffer was rejected');
      }
      const nativeOptions = {
        __proto__: null, identifier, context, lineOffset, columnOffset,
        importModuleDynamically: dynamicImportHook(importModuleDynamically, () => this),
      };
      const handle = native.moduleSourceText(sourceText, nativeOptions);
      ObjectDefineProperty(this, kHandle, dataDescriptor(handle, false, true, false));
      moduleBrand.add(this);
      ObjectDefineProperty(this, kContext, dataDescriptor(context, false, false, false));
      handle.setJsObject(this);
      if (initializeImportMeta !== undefined) {
        const self = this;
        handle.setImportMeta((meta) => ReflectApply(initializeImportMeta, undefined, [meta, self]));
      }
    }

    // Node 22+: the requests in source order, each { specifier, attributes, phase }.
    get moduleRequests() {
      checkThis(this, 'SourceTextModule');
      const specifiers = this[kHandle].specifiers();
      const requests = [];
      for (let i = 0; i < specifiers.length; i++) {
        const specifier = specifiers[i];
        ArrayPrototypePush(requests, ObjectFreeze({
          specifier,
          attributes: ObjectFreeze(this[kHandle].attributes(specifier)),
          phase: 'evaluation',
        }));
      }
      return ObjectFreeze(requests);
    }

    // Node 22+: link this module's requests to `modules` (in moduleRequests order).
    linkRequests(modules) {
      V.validateArray(modules, 'modules');
      const specifiers = this[kHandle].specifiers();
      if (modules.length !== specifiers.length) {
        throw E.code(Error, 'ERR_VM_MODULE_LINK_FAILURE',
                     `Expected ${specifiers.length} modules, received ${modules.length}`);
      }
      if (this.status !== 'unlinked') throw statusError('must be unlinked');
      const handles = [];
      for (let i = 0; i < modules.length; i++) {
        const m = modules[i];
        if (!isModule(m)) {
          throw E.code(Error, 'ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module');
        }
        ArrayPrototypePush(handles, m[kHandle]);
      }
      this[kHandle].resolve(specifiers, handles);
      ObjectDefineProperty(this, kRequestsLinked, dataDescriptor(true, false, false, true));
    }

    // Node 22+: instantiate a graph whose requests were linked with linkRequests().
    instantiate() {
      if (this.status !== 'unlinked') throw statusError('must be unlinked');
      if (!this[kRequestsLinked]) {
        throw E.code(Error, 'ERR_VM_MODULE_LINK_FAILURE',
                     'Module requests must be linked with linkRequests() before instantiate()');
      }
      this[kHandle].instantiate();
    }

    get dependencySpecifiers() {
      checkThis(this, 'SourceTextModule');
      // The same frozen array on every read, as Node returns.
      if (!ObjectPrototypeHasOwnProperty(this, kSpecifiers)) {
        ObjectDefineProperty(this, kSpecifiers, dataDescriptor(
          ObjectFreeze(ArrayPrototypeSlice(this[kHandle].specifiers())), false, false, false));
      }
      return this[kSpecifiers];
    }

    // Node 24+: whether evaluating the module (or any module it imports) is asynchronous.
    hasAsyncGraph() {
      checkThis(this, 'SourceTextModule');
      const status = this.status;
      if (status === 'unlinked' || status === 'linking') throw statusError('must not be unlinked or linking');
      return this[kHandle].hasAsyncGraph();
    }

    hasTopLevelAwait() {
      return this[kHandle].hasTopLevelAwait();
    }

    createCachedData() {
      const status = this.status;
      if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
        throw E.code(Error, 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
                     'Cached data cannot be created for a module which has been evaluated');
      }
      return toBuffer(native.cacheEncode('module', this[kHandle].source()));
    }
  }

  class SyntheticModule extends Module {
    constructor(exportNames, evaluateCallback, options = kEmptyObject) {
      let allStrings = ArrayIsArray(exportNames);
      for (let i = 0; allStrings && i < exportNames.length; i++) {
        if (typeof exportNames[i] !== 'string') allStrings = false;
      }
      if (!allStrings) {
        throw E.ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
      }
      const seen = new SafeSet();
      for (let i = 0; i < exportNames.length; i++) {
        const name = exportNames[i];
        if (seen.has(name)) {
          throw E.ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name, 'is duplicated');
        }
        seen.add(name);
      }
      V.validateFunction(evaluateCallback, 'evaluateCallback');
      V.validateObject(options, 'options');
      const { context, identifier } = options;
      validateModuleContext(context);
      if (identifier !== undefined) V.validateString(identifier, 'options.identifier');
      super();
      const self = this;
      // Keep native calls that run module code out of larger expressions: Boa 0.22 was seen
      // to lose the enclosing frame's registers when such a call sat inside an object literal
      // argument (README: known engine hazards).
      const evaluate = () => FunctionPrototypeCall(evaluateCallback, self);
      const nativeOptions = { __proto__: null, identifier, context };
      const handle = native.moduleSynthetic(exportNames, evaluate, nativeOptions);
      // Enumerable like Node's own internal field, so a too-deep inspect shows [SyntheticModule].
      ObjectDefineProperty(this, kHandle, dataDescriptor(handle, false, true, false));
      moduleBrand.add(this);
      ObjectDefineProperty(this, kContext, dataDescriptor(context, false, false, false));
      handle.setJsObject(this);
    }

    setExport(name, value) {
      if (!isModule(this) || !(this instanceof SyntheticModule)) {
        throw E.code(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type SyntheticModule');
      }
      V.validateString(name, 'name');
      this[kHandle].setExport(name, value);
    }
  }

  return { Module, SourceTextModule, SyntheticModule };
};
