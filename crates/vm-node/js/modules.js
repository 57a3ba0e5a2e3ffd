'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (Node 20's API, plus
// hasTopLevelAwait() from newer Node) over the native module core (vm-modules).
// Runs as a factory: ({ native, E, V, isContext, unsupported, kEmptyObject }) => classes.

module.exports = function makeModules({
  native, E, V, isContext, unsupported, kEmptyObject, dynamicImportHook, inspect, asBytes, toBuffer,
}) {
  const kHandle = Symbol('kHandle');
  const kContext = Symbol('kContext');
  const kError = Symbol('kError');
  const kLinking = Symbol('kLinking');
  const kSpecifiers = Symbol('kSpecifiers');
  const kRequestsLinked = Symbol('kRequestsLinked');

  function statusError(message) {
    return E.code(Error, 'ERR_VM_MODULE_STATUS', `Module status ${message}`);
  }

  function isModule(value) {
    return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, kHandle);
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

  class Module {
    constructor() {
      if (new.target === Module) throw new TypeError('Module is not a constructor');
    }

    get identifier() {
      checkThis(this);
      return native.moduleIdentifier(this[kHandle]);
    }

    get context() {
      checkThis(this);
      return this[kContext];
    }

    get status() {
      checkThis(this);
      return native.moduleStatus(this[kHandle]);
    }

    get namespace() {
      checkThis(this);
      return native.moduleNamespace(this[kHandle]);
    }

    get error() {
      checkThis(this);
      if (this.status !== 'errored') throw statusError('must be errored');
      return native.moduleError(this[kHandle]);
    }

    // util.inspect shows a module's class with its status, identifier and context.
    [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
      checkThis(this);
      if (typeof depth === 'number' && depth < 0) return this;
      const view = Object.create(Object.getPrototypeOf(this));
      Object.defineProperties(view, {
        status: { value: this.status, enumerable: true },
        identifier: { value: this.identifier, enumerable: true },
        context: { value: this.context, enumerable: true },
        [Symbol.toStringTag]: { value: this.constructor.name, configurable: true },
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
      native.moduleInstantiate(this[kHandle]);
    }

    async [kLinking](linker) {
      native.moduleBeginLink(this[kHandle]);
      const specifiers = native.moduleSpecifiers(this[kHandle]);
      try {
        const modules = await Promise.all(specifiers.map(async (specifier) => {
          const attributes = native.moduleAttributes(this[kHandle], specifier);
          const module = await linker(specifier, this, { attributes, assert: attributes });
          if (!isModule(module)) {
            throw E.code(Error, 'ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module');
          }
          if (module.context !== this.context) {
            throw E.code(Error, 'ERR_VM_MODULE_DIFFERENT_CONTEXT', 'Linked modules must use the same context');
          }
          if (module.status === 'errored') {
            const err = E.code(Error, 'ERR_VM_MODULE_LINK_FAILURE',
                               `request for '${specifier}' resolved to an errored module`);
            // Node 22+ keeps the module's own error as the cause.
            Object.defineProperty(err, 'cause', {
              value: module.error, writable: true, enumerable: false, configurable: true,
            });
            throw err;
          }
          if (module.status === 'unlinked') await module[kLinking](linker);
          return module;
        }));
        modules.forEach((m, i) => native.moduleSetResolved(this[kHandle], specifiers[i], m[kHandle]));
      } catch (err) {
        native.moduleAbortLink(this[kHandle], err);
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
        if (breakOnSigint) throw unsupported('options.breakOnSigint of Module#evaluate');
        const promise = native.moduleEvaluate(this[kHandle], timeout);
        return promise;
      } catch (err) {
        return Promise.reject(err);
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
      Object.defineProperty(this, kHandle, {
        enumerable: true,
        value: native.moduleSourceText(sourceText, identifier, context, lineOffset, columnOffset,
                                       dynamicImportHook(importModuleDynamically, () => this)),
      });
      Object.defineProperty(this, kContext, { value: context });
      native.moduleSetJsObject(this[kHandle], this);
      if (initializeImportMeta !== undefined) {
        const self = this;
        native.moduleSetImportMeta(this[kHandle], (meta) => initializeImportMeta(meta, self));
      }
    }

    // Node 22+: the requests in source order, each { specifier, attributes, phase }.
    get moduleRequests() {
      checkThis(this, 'SourceTextModule');
      return Object.freeze(native.moduleSpecifiers(this[kHandle]).map((specifier) => Object.freeze({
        specifier,
        attributes: Object.freeze(native.moduleAttributes(this[kHandle], specifier)),
        phase: 'evaluation',
      })));
    }

    // Node 22+: link this module's requests to `modules` (in moduleRequests order).
    linkRequests(modules) {
      V.validateArray(modules, 'modules');
      const specifiers = native.moduleSpecifiers(this[kHandle]);
      if (modules.length !== specifiers.length) {
        throw E.code(Error, 'ERR_VM_MODULE_LINK_FAILURE',
                     `Expected ${specifiers.length} modules, received ${modules.length}`);
      }
      if (this.status !== 'unlinked') throw statusError('must be unlinked');
      modules.forEach((m, i) => {
        if (!isModule(m)) {
          throw E.code(Error, 'ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module');
        }
        native.moduleSetResolved(this[kHandle], specifiers[i], m[kHandle]);
      });
      Object.defineProperty(this, kRequestsLinked, { value: true, configurable: true });
    }

    // Node 22+: instantiate a graph whose requests were linked with linkRequests().
    instantiate() {
      if (this.status !== 'unlinked') throw statusError('must be unlinked');
      if (!this[kRequestsLinked]) {
        throw E.code(Error, 'ERR_VM_MODULE_LINK_FAILURE',
                     'Module requests must be linked with linkRequests() before instantiate()');
      }
      native.moduleInstantiate(this[kHandle]);
    }

    get dependencySpecifiers() {
      checkThis(this, 'SourceTextModule');
      // The same frozen array on every read, as Node returns.
      if (!Object.prototype.hasOwnProperty.call(this, kSpecifiers)) {
        Object.defineProperty(this, kSpecifiers, {
          value: Object.freeze(native.moduleSpecifiers(this[kHandle]).slice()),
        });
      }
      return this[kSpecifiers];
    }

    // Node 24+: whether evaluating the module (or any module it imports) is asynchronous.
    hasAsyncGraph() {
      checkThis(this, 'SourceTextModule');
      const status = this.status;
      if (status === 'unlinked' || status === 'linking') throw statusError('must not be unlinked or linking');
      return native.moduleHasAsyncGraph(this[kHandle]);
    }

    hasTopLevelAwait() {
      return native.moduleHasTopLevelAwait(this[kHandle]);
    }

    createCachedData() {
      const status = this.status;
      if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
        throw E.code(Error, 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
                     'Cached data cannot be created for a module which has been evaluated');
      }
      return toBuffer(native.cacheEncode('module', native.moduleSource(this[kHandle])));
    }
  }

  class SyntheticModule extends Module {
    constructor(exportNames, evaluateCallback, options = kEmptyObject) {
      if (!Array.isArray(exportNames) || exportNames.some((e) => typeof e !== 'string')) {
        throw E.ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
      }
      const seen = new Set();
      for (const name of exportNames) {
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
      const handle = native.moduleSynthetic(exportNames, () => evaluateCallback.call(self), identifier, context);
      // Enumerable like Node's own internal field, so a too-deep inspect shows [SyntheticModule].
      Object.defineProperty(this, kHandle, { value: handle, enumerable: true });
      Object.defineProperty(this, kContext, { value: context });
      native.moduleSetJsObject(this[kHandle], this);
    }

    setExport(name, value) {
      if (!isModule(this) || !(this instanceof SyntheticModule)) {
        throw E.code(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type SyntheticModule');
      }
      V.validateString(name, 'name');
      native.moduleSetExport(this[kHandle], name, value);
    }
  }

  return { Module, SourceTextModule, SyntheticModule };
};
