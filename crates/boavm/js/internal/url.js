'use strict';
// Builtin name: 'internal/url'
//
// The WHATWG `URL` and `URLSearchParams` classes (Node's globals). Parsing, the setters and
// the urlencoded codec are the host's (`boavm`'s `whatwg_url` natives over the `url` crate,
// an implementation of the URL Standard); this file keeps the objects' state and Node's API
// shape: argument checks and `ERR_*` errors, the live link between a URL and its
// `searchParams`, iterators and `util.inspect` output.
//
// module.exports = (natives) => ({ URL, URLSearchParams }), natives being
// { parse(input, base?), set(href, name, value), formParse(query), formSerialize(list) }.

const {
  ArrayPrototypePush, ArrayPrototypeSplice, ArrayPrototypeJoin, ArrayPrototypeMap, ObjectCreate,
  ObjectDefineProperty, ObjectGetPrototypeOf, ReflectApply, ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys, String, StringPrototypeSlice, StringPrototypeToWellFormed,
  Symbol, SymbolFor, SymbolIterator, SymbolToStringTag, TypeError,
} = require('internal/primordials');
// Loaded when first needed: the classes are created at startup (see the prelude), their
// error and inspection paths are rare.
let errorsModule;
function errors() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule;
}
const makeNodeError = (...args) => ReflectApply(errors().makeNodeError, undefined, args);
const ERR_INVALID_ARG_TYPE = (...args) => ReflectApply(errors().ERR_INVALID_ARG_TYPE, undefined, args);
const ERR_MISSING_ARGS = (...args) => ReflectApply(errors().ERR_MISSING_ARGS, undefined, args);
const ERR_INVALID_THIS = (...args) => ReflectApply(errors().ERR_INVALID_THIS, undefined, args);
let inspectModule;
function inspect(value, options) {
  if (inspectModule === undefined) inspectModule = require('internal/inspect');
  return inspectModule.inspect(value, options);
}

const customInspect = SymbolFor('nodejs.util.inspect.custom');
const PART_NAMES = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
  'port', 'pathname', 'search', 'hash'];

module.exports = function makeUrlClasses(natives) {
  // The URL a URLSearchParams object updates, and the list behind each one.
  // Limit (Boa 0.22): a computed method key of a class with private names throws a TDZ
  // ReferenceError when it reads a binding of an outer function's scope; a local alias works.
  const kInspect = customInspect;
  const kList = Symbol('list');
  const kUrl = Symbol('url');

  function invalidUrl(input, base) {
    // Node: a TypeError with `code` and `input` (and `base` when one was given); the code is
    // not part of the message line.
    const err = new TypeError('Invalid URL');
    ObjectDefineProperty(err, 'code', { __proto__: null, value: 'ERR_INVALID_URL', writable: true, enumerable: true, configurable: true });
    err.input = input;
    if (base !== undefined) err.base = base;
    return err;
  }

  function parse(input, base) {
    return base === undefined ? natives.parse(input) : natives.parse(input, base);
  }

  class URL {
    #parts;
    #searchParams;

    constructor(input, base = undefined) {
      if (arguments.length === 0) throw ERR_MISSING_ARGS('url');
      input = `${input}`;
      if (base !== undefined) base = `${base}`;
      const parts = parse(input, base);
      if (parts === null) throw invalidUrl(input, base);
      this.#parts = parts;
    }

    static parse(input, base = undefined) {
      if (arguments.length === 0) throw ERR_MISSING_ARGS('url');
      input = `${input}`;
      if (base !== undefined) base = `${base}`;
      return parse(input, base) === null ? null : new URL(input, base);
    }

    static canParse(input, base = undefined) {
      if (arguments.length === 0) throw ERR_MISSING_ARGS('url');
      input = `${input}`;
      if (base !== undefined) base = `${base}`;
      return parse(input, base) !== null;
    }

    static #check(self) {
      if (self === null || typeof self !== 'object' || !(#parts in self)) {
        throw new TypeError('Receiver must be an instance of class URL');
      }
    }

    static #set(self, name, value) {
      URL.#check(self);
      self.#parts = natives.set(self.#parts[0], name, `${value}`);
      if (name === 'search' && self.#searchParams !== undefined) {
        self.#searchParams[kList] = formParse(self.#parts[9]);
      }
    }

    static #updateSearch(self, serialized) {
      self.#parts = natives.set(self.#parts[0], 'search', serialized);
    }

    toString() { URL.#check(this); return this.#parts[0]; }
    get href() { URL.#check(this); return this.#parts[0]; }
    set href(value) {
      URL.#check(this);
      value = `${value}`;
      const parts = parse(value);
      if (parts === null) throw invalidUrl(value);
      this.#parts = parts;
      if (this.#searchParams !== undefined) this.#searchParams[kList] = formParse(parts[9]);
    }
    get origin() { URL.#check(this); return this.#parts[1]; }
    get protocol() { URL.#check(this); return this.#parts[2]; }
    set protocol(value) { URL.#set(this, 'protocol', value); }
    get username() { URL.#check(this); return this.#parts[3]; }
    set username(value) { URL.#set(this, 'username', value); }
    get password() { URL.#check(this); return this.#parts[4]; }
    set password(value) { URL.#set(this, 'password', value); }
    get host() { URL.#check(this); return this.#parts[5]; }
    set host(value) { URL.#set(this, 'host', value); }
    get hostname() { URL.#check(this); return this.#parts[6]; }
    set hostname(value) { URL.#set(this, 'hostname', value); }
    get port() { URL.#check(this); return this.#parts[7]; }
    set port(value) { URL.#set(this, 'port', value); }
    get pathname() { URL.#check(this); return this.#parts[8]; }
    set pathname(value) { URL.#set(this, 'pathname', value); }
    get search() { URL.#check(this); return this.#parts[9]; }
    set search(value) { URL.#set(this, 'search', value); }
    get searchParams() {
      URL.#check(this);
      if (this.#searchParams === undefined) {
        const params = new URLSearchParams();
        params[kList] = formParse(this.#parts[9]);
        const self = this;
        params[kUrl] = (serialized) => URL.#updateSearch(self, serialized);
        this.#searchParams = params;
      }
      return this.#searchParams;
    }
    get hash() { URL.#check(this); return this.#parts[10]; }
    set hash(value) { URL.#set(this, 'hash', value); }
    toJSON() { URL.#check(this); return this.#parts[0]; }

    [kInspect](depth, options) {
      URL.#check(this);
      if (typeof depth === 'number' && depth < 0) return '[URL]';
      const obj = {};
      for (let i = 0; i < PART_NAMES.length; i++) {
        obj[PART_NAMES[i]] = this.#parts[i];
        if (PART_NAMES[i] === 'search') obj.searchParams = this.searchParams;
      }
      return `URL ${inspect(obj, options)}`;
    }
  }
  // WebIDL attributes and operations are enumerable; the prototype's tag is the class name.
  for (const name of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host',
    'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
    makeEnumerable(URL.prototype, name);
  }
  for (const name of ['parse', 'canParse']) makeEnumerable(URL, name);
  ObjectDefineProperty(URL.prototype, SymbolToStringTag, { __proto__: null, value: 'URL', configurable: true });

  function makeEnumerable(obj, name) {
    const desc = ReflectGetOwnPropertyDescriptor(obj, name);
    desc.enumerable = true;
    ObjectDefineProperty(obj, name, desc);
  }

  function formParse(search) {
    const query = search[0] === '?' ? StringPrototypeSlice(search, 1) : search;
    const flat = natives.formParse(query);
    const list = [];
    for (let i = 0; i < flat.length; i += 2) ArrayPrototypePush(list, [flat[i], flat[i + 1]]);
    return list;
  }

  function checkParams(self) {
    if (self === null || typeof self !== 'object' || !(kList in self)) {
      throw ERR_INVALID_THIS('URLSearchParams');
    }
  }

  function serialize(list) {
    const flat = [];
    for (let i = 0; i < list.length; i++) ArrayPrototypePush(flat, list[i][0], list[i][1]);
    return natives.formSerialize(flat);
  }

  function update(params) {
    const link = params[kUrl];
    if (link !== undefined) link(serialize(params[kList]));
  }

  // WebIDL's USVString: lone surrogates become U+FFFD.
  function usv(value) {
    return StringPrototypeToWellFormed(`${value}`);
  }

  class URLSearchParams {
    constructor(init = undefined) {
      ObjectDefineProperty(this, kList, { __proto__: null, value: [], writable: true });
      ObjectDefineProperty(this, kUrl, { __proto__: null, value: undefined, writable: true });
      // Node treats `null` as no init (WebIDL would read the string "null").
      if (init === undefined || init === null) return;
      if (typeof init === 'object' || typeof init === 'function') {
        const method = init[SymbolIterator];
        if (method === this[SymbolIterator] && init instanceof URLSearchParams) {
          this[kList] = ArrayPrototypeMap(init[kList], (pair) => [pair[0], pair[1]]);
          return;
        }
        if (method !== undefined && method !== null) {
          if (typeof method !== 'function') throw makeNodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
          for (const pair of init) {
            if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
                typeof pair[SymbolIterator] !== 'function') {
              throw makeNodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
            }
            const items = [];
            for (const item of pair) ArrayPrototypePush(items, item);
            if (items.length !== 2) {
              throw makeNodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
            }
            ArrayPrototypePush(this[kList], [usv(items[0]), usv(items[1])]);
          }
          return;
        }
        const keys = ReflectOwnKeys(init);
        const seen = ObjectCreate(null);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (typeof key !== 'string') continue;
          const desc = ReflectGetOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = usv(key);
          const value = usv(init[key]);
          // A record keeps the last value of keys that are equal as USVStrings.
          if (seen[name] !== undefined) {
            this[kList][seen[name]][1] = value;
          } else {
            seen[name] = this[kList].length;
            ArrayPrototypePush(this[kList], [name, value]);
          }
        }
        return;
      }
      const text = usv(init);
      this[kList] = formParse(text[0] === '?' ? StringPrototypeSlice(text, 1) : text);
    }

    get size() { checkParams(this); return this[kList].length; }

    append(name, value) {
      checkParams(this);
      if (arguments.length < 2) throw ERR_MISSING_ARGS('name', 'value');
      ArrayPrototypePush(this[kList], [usv(name), usv(value)]);
      update(this);
    }

    delete(name, value = undefined) {
      checkParams(this);
      if (arguments.length < 1) throw ERR_MISSING_ARGS('name');
      const list = this[kList];
      name = usv(name);
      if (value !== undefined) value = usv(value);
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) ArrayPrototypeSplice(list, i, 1);
      }
      update(this);
    }

    get(name) {
      checkParams(this);
      if (arguments.length < 1) throw ERR_MISSING_ARGS('name');
      name = usv(name);
      const list = this[kList];
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
      return null;
    }

    getAll(name) {
      checkParams(this);
      if (arguments.length < 1) throw ERR_MISSING_ARGS('name');
      name = usv(name);
      const out = [];
      const list = this[kList];
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) ArrayPrototypePush(out, list[i][1]);
      return out;
    }

    has(name, value = undefined) {
      checkParams(this);
      if (arguments.length < 1) throw ERR_MISSING_ARGS('name');
      name = usv(name);
      if (value !== undefined) value = usv(value);
      const list = this[kList];
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] === name && (value === undefined || list[i][1] === value)) return true;
      }
      return false;
    }

    set(name, value) {
      checkParams(this);
      if (arguments.length < 2) throw ERR_MISSING_ARGS('name', 'value');
      name = usv(name);
      value = usv(value);
      const list = this[kList];
      let found = false;
      for (let i = 0; i < list.length; i++) {
        if (list[i][0] !== name) continue;
        if (found) {
          ArrayPrototypeSplice(list, i, 1);
          i--;
        } else {
          list[i][1] = value;
          found = true;
        }
      }
      if (!found) ArrayPrototypePush(list, [name, value]);
      update(this);
    }

    sort() {
      checkParams(this);
      // A stable insertion sort by name in UTF-16 code units, as the standard specifies.
      const list = this[kList];
      for (let i = 1; i < list.length; i++) {
        const pair = list[i];
        let j = i - 1;
        while (j >= 0 && list[j][0] > pair[0]) {
          list[j + 1] = list[j];
          j--;
        }
        list[j + 1] = pair;
      }
      update(this);
    }

    entries() { checkParams(this); return makeIterator(this, 'entries'); }

    forEach(callback, thisArg = undefined) {
      checkParams(this);
      if (typeof callback !== 'function') throw ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
      // Live: pairs appended by the callback are visited too.
      const list = this[kList];
      for (let i = 0; i < list.length; i++) {
        ReflectApply(callback, thisArg, [list[i][1], list[i][0], this]);
      }
    }

    keys() { checkParams(this); return makeIterator(this, 'keys'); }
    values() { checkParams(this); return makeIterator(this, 'values'); }
    toString() { checkParams(this); return serialize(this[kList]); }

    [kInspect](depth, options) {
      checkParams(this);
      if (typeof depth === 'number' && depth < 0) return '[Object]';
      const list = this[kList];
      if (list.length === 0) return 'URLSearchParams {}';
      const items = ArrayPrototypeMap(list, (pair) => `${inspect(pair[0], options)} => ${inspect(pair[1], options)}`);
      return `URLSearchParams { ${ArrayPrototypeJoin(items, ', ')} }`;
    }
  }
  for (const name of ['size', 'append', 'delete', 'get', 'getAll', 'has', 'set', 'sort',
    'entries', 'forEach', 'keys', 'values', 'toString']) {
    makeEnumerable(URLSearchParams.prototype, name);
  }
  ObjectDefineProperty(URLSearchParams.prototype, SymbolIterator, {
    __proto__: null, value: URLSearchParams.prototype.entries, writable: true, configurable: true,
  });
  ObjectDefineProperty(URLSearchParams.prototype, SymbolToStringTag, {
    __proto__: null, value: 'URLSearchParams', configurable: true,
  });

  // `URLSearchParams Iterator` objects: live over the list (an index into it), inheriting
  // from %IteratorPrototype%.
  const kState = Symbol('iteratorState');
  const iteratorPrototype = ObjectCreate(ObjectGetPrototypeOf(ObjectGetPrototypeOf([][SymbolIterator]())));
  ObjectDefineProperty(iteratorPrototype, 'next', {
    __proto__: null,
    enumerable: true,
    writable: true,
    configurable: true,
    value: function next() {
      const state = this !== null && typeof this === 'object' ? this[kState] : undefined;
      if (state === undefined) throw ERR_INVALID_THIS('URLSearchParamsIterator');
      const list = state.params[kList];
      if (state.index >= list.length) return { value: undefined, done: true };
      const pair = list[state.index++];
      const value = state.kind === 'keys' ? pair[0] : state.kind === 'values' ? pair[1] : [pair[0], pair[1]];
      return { value, done: false };
    },
  });
  ObjectDefineProperty(iteratorPrototype, SymbolToStringTag, {
    __proto__: null, value: 'URLSearchParams Iterator', configurable: true,
  });
  function makeIterator(params, kind) {
    const it = ObjectCreate(iteratorPrototype);
    ObjectDefineProperty(it, kState, { __proto__: null, value: { params, kind, index: 0 } });
    return it;
  }

  return { URL, URLSearchParams };
};
