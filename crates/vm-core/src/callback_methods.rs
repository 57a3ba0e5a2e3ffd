//! Array callback methods that a timeout reaches.
//!
//! Limit: Boa 0.22's native `Array.prototype.forEach` (and the other callback-taking methods)
//! calls its callback from native code, in a nested interpreter loop that never yields to the
//! budget, so a loop inside the callback met only the iteration backstop (2.5–160× late under
//! `timeout`) and SIGINT never (`breakOnSigint` with a loop in a `sort` comparator hung). While
//! a stoppable run is in progress in a realm, that realm's `Array.prototype` gets these methods
//! written in JavaScript: the callback is then called from bytecode, in the run's own budgeted
//! loop, and stopped like any other code. The natives are put back when the run ends (also when
//! it is stopped). Methods the user replaced are left alone.
//!
//! The replacements follow ECMA-262 step by step (property reads, `HasProperty` checks and
//! their order, `ToObject`/`LengthOfArrayLike`, a stable merge sort with `SortCompare`, holes
//! deleted after `sort`), so code observes the same operations; what differs is their
//! identity during the run and the stack frame they add. `Function.prototype.toString` answers
//! for a replacement what it answers for the native it stands for (`[native code]`).
use boa_engine::{
    property::{PropertyDescriptor, PropertyKey},
    realm::Realm,
    Context, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue, Script, Source,
};
use boa_gc::{Finalize, Trace};

/// The methods replaced, as named on `Array.prototype`.
const NAMES: [&str; 10] = [
    "forEach",
    "some",
    "every",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "reduce",
    "reduceRight",
    "sort",
];

/// The replacements; `bind` is the realm's original `Function.prototype.bind` (a callback with
/// a `thisArg` is called through a bound function, which Boa calls without native recursion).
const SOURCE: &str = r#"(function (bind, Object, TypeError) {
'use strict';
const object = (o, name) => {
  if (o === undefined || o === null) {
    throw new TypeError('Array.prototype.' + name + ' called on null or undefined');
  }
  return Object(o);
};
const lengthOf = (o) => {
  const n = +o.length;
  if (!(n > 0)) return 0;
  if (n >= 9007199254740991) return 9007199254740991;
  return n - n % 1;
};
const callable = (f) => {
  if (typeof f !== 'function') {
    const shown = typeof f === 'string' ? `"${f}"` : typeof f === 'symbol' ? 'Symbol()' : f !== null && typeof f === 'object' ? '#<Object>' : `${f}`;
    throw new TypeError(shown + ' is not a function');
  }
  return f;
};
const withThis = (f, thisArg) => (thisArg === undefined ? f : bind(f, thisArg));
const methods = {
  forEach(callbackfn) {
    const o = object(this, 'forEach'), len = lengthOf(o), f = withThis(callable(callbackfn), arguments[1]);
    for (let k = 0; k < len; k++) if (k in o) f(o[k], k, o);
    return undefined;
  },
  some(callbackfn) {
    const o = object(this, 'some'), len = lengthOf(o), f = withThis(callable(callbackfn), arguments[1]);
    for (let k = 0; k < len; k++) if (k in o && f(o[k], k, o)) return true;
    return false;
  },
  every(callbackfn) {
    const o = object(this, 'every'), len = lengthOf(o), f = withThis(callable(callbackfn), arguments[1]);
    for (let k = 0; k < len; k++) if (k in o && !f(o[k], k, o)) return false;
    return true;
  },
  find(predicate) {
    const o = object(this, 'find'), len = lengthOf(o), f = withThis(callable(predicate), arguments[1]);
    for (let k = 0; k < len; k++) { const v = o[k]; if (f(v, k, o)) return v; }
    return undefined;
  },
  findIndex(predicate) {
    const o = object(this, 'findIndex'), len = lengthOf(o), f = withThis(callable(predicate), arguments[1]);
    for (let k = 0; k < len; k++) if (f(o[k], k, o)) return k;
    return -1;
  },
  findLast(predicate) {
    const o = object(this, 'findLast'), len = lengthOf(o), f = withThis(callable(predicate), arguments[1]);
    for (let k = len - 1; k >= 0; k--) { const v = o[k]; if (f(v, k, o)) return v; }
    return undefined;
  },
  findLastIndex(predicate) {
    const o = object(this, 'findLastIndex'), len = lengthOf(o), f = withThis(callable(predicate), arguments[1]);
    for (let k = len - 1; k >= 0; k--) if (f(o[k], k, o)) return k;
    return -1;
  },
  reduce(callbackfn) {
    const o = object(this, 'reduce'), len = lengthOf(o), f = callable(callbackfn);
    let k = 0, acc;
    if (arguments.length >= 2) acc = arguments[1];
    else {
      while (k < len && !(k in o)) k++;
      if (k >= len) throw new TypeError('Reduce of empty array with no initial value');
      acc = o[k++];
    }
    for (; k < len; k++) if (k in o) acc = f(acc, o[k], k, o);
    return acc;
  },
  reduceRight(callbackfn) {
    const o = object(this, 'reduceRight'), len = lengthOf(o), f = callable(callbackfn);
    let k = len - 1, acc;
    if (arguments.length >= 2) acc = arguments[1];
    else {
      while (k >= 0 && !(k in o)) k--;
      if (k < 0) throw new TypeError('Reduce of empty array with no initial value');
      acc = o[k--];
    }
    for (; k >= 0; k--) if (k in o) acc = f(acc, o[k], k, o);
    return acc;
  },
  sort(comparefn) {
    if (comparefn !== undefined && typeof comparefn !== 'function') {
      throw new TypeError('The comparison function must be either a function or undefined');
    }
    const o = object(this, 'sort'), len = lengthOf(o);
    // Internal lists are null-prototype objects: index accessors a program put on
    // `Array.prototype` must not see them (the spec's lists are not objects at all).
    const items = { __proto__: null };
    let count = 0;
    for (let k = 0; k < len; k++) if (k in o) items[count++] = o[k];
    const compare = (x, y) => {
      if (x === undefined) return y === undefined ? 0 : 1;
      if (y === undefined) return -1;
      if (comparefn !== undefined) { const v = +comparefn(x, y); return v !== v ? 0 : v; }
      const xs = `${x}`, ys = `${y}`;
      return xs < ys ? -1 : ys < xs ? 1 : 0;
    };
    let from = items, to = { __proto__: null };
    for (let width = 1; width < count; width *= 2) {
      for (let lo = 0; lo < count; lo += 2 * width) {
        const mid = lo + width < count ? lo + width : count, hi = lo + 2 * width < count ? lo + 2 * width : count;
        let i = lo, j = mid, t = lo;
        while (i < mid && j < hi) to[t++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        while (i < mid) to[t++] = from[i++];
        while (j < hi) to[t++] = from[j++];
      }
      const swap = from; from = to; to = swap;
    }
    let j = 0;
    for (; j < count; j++) o[j] = from[j];
    for (; j < len; j++) delete o[j];
    return o;
  },
};
return methods;
})"#;

/// A realm's replacements and the natives they stand for (in the realm's `[[HostDefined]]`).
#[derive(Trace, Finalize, JsData)]
struct Replacements {
    js: Vec<JsObject>,
    natives: Vec<JsObject>,
    /// Stoppable runs in progress in the realm (the natives are back at 0).
    depth: std::cell::Cell<u32>,
}

/// The realm's original `Function.prototype.bind` and `call`, kept at realm creation (before
/// user code could replace them).
#[derive(Trace, Finalize, JsData)]
pub(crate) struct Originals {
    bind: JsObject,
    call: JsObject,
}

/// Keeps the realm's `Function.prototype.bind` and `call` (at realm creation).
pub(crate) fn keep_originals(cx: &mut Context) -> JsResult<()> {
    let function_proto = cx.intrinsics().constructors().function().prototype();
    let originals = Originals {
        bind: crate::workarounds::builtin_method(&function_proto, "bind", cx)?,
        call: crate::workarounds::builtin_method(&function_proto, "call", cx)?,
    };
    cx.realm().host_defined_mut().insert(originals);
    answer_to_string_as_natives(cx, &function_proto)
}

/// Makes the realm's `Function.prototype.toString` show a replacement (of its own realm or of
/// the calling one) as the native it stands for.
fn answer_to_string_as_natives(cx: &mut Context, function_proto: &JsObject) -> JsResult<()> {
    let key = JsString::from("toString");
    let Some(original) = function_proto.get(key.clone(), cx)?.as_object() else {
        return Ok(());
    };
    let realm = cx.realm().clone();
    let wrapper = boa_engine::object::FunctionObjectBuilder::new(
        &realm,
        boa_engine::NativeFunction::from_copy_closure_with_captures(
            |this, args, (original, home): &(JsObject, Realm), cx| {
                let shown = this
                    .as_object()
                    .and_then(|f| native_of(&f, home).or_else(|| native_of(&f, cx.realm())))
                    .map_or_else(|| this.clone(), JsValue::from);
                original.call(&shown, args, cx)
            },
            (original, realm.clone()),
        ),
    )
    .name(key.clone())
    .length(0)
    .build();
    crate::workarounds::define_builtin(function_proto, key, wrapper, cx)
}

/// The native `f` stands for, when `f` is one of `realm`'s replacements.
fn native_of(f: &JsObject, realm: &Realm) -> Option<JsObject> {
    let host = realm.host_defined();
    let r = host.get::<Replacements>()?;
    let i = r.js.iter().position(|js| js == f)?;
    r.natives.get(i).cloned()
}

fn array_proto(realm: &Realm) -> JsObject {
    realm.intrinsics().constructors().array().prototype()
}

fn build(cx: &mut Context) -> JsResult<Replacements> {
    let realm = cx.realm().clone();
    let (bind, call) = realm
        .host_defined()
        .get::<Originals>()
        .map(|o| (o.bind.clone(), o.call.clone()))
        .ok_or_else(|| JsNativeError::typ().with_message("Function.prototype.bind missing"))?;
    crate::workarounds::note_parse(cx, &realm);
    let script = Script::parse(Source::from_bytes(SOURCE), Some(realm), cx)?;
    let factory = script.evaluate(cx)?;
    let factory = factory
        .as_callable()
        .ok_or_else(|| JsNativeError::typ().with_message("callback methods: no factory"))?;
    // `bind` is called as `bind(f, thisArg)`: uncurry it (`Function.prototype.call.bind(bind)`
    // would reach user-replaceable `call`; a bound `bind` does not).
    // `bind(f, thisArg)` is `call` bound to the original `bind` (so `bind.call(f, thisArg)`).
    let uncurried = bind.call(&call.into(), &[bind.clone().into()], cx)?;
    let object = cx.intrinsics().constructors().object().constructor();
    let type_error = cx.intrinsics().constructors().type_error().constructor();
    let methods = factory.call(
        &JsValue::undefined(),
        &[uncurried, object.into(), type_error.into()],
        cx,
    )?;
    let methods = methods
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("callback methods: no object"))?;
    let proto = array_proto(cx.realm());
    let (mut js, mut natives) = (Vec::new(), Vec::new());
    for name in NAMES {
        let key = JsString::from(name);
        let f = methods
            .get(key.clone(), cx)?
            .as_object()
            .ok_or_else(|| JsNativeError::typ().with_message("callback methods: missing method"))?;
        let native = proto
            .get(key, cx)?
            .as_object()
            .ok_or_else(|| JsNativeError::typ().with_message("callback methods: missing native"))?;
        js.push(f);
        natives.push(native);
    }
    Ok(Replacements {
        js,
        natives,
        depth: std::cell::Cell::new(0),
    })
}

/// Makes `proto[name]` `to` if it is still `from` (a method the user replaced stays theirs).
fn replace_if_unchanged(
    proto: &JsObject,
    name: &str,
    from: JsObject,
    to: JsObject,
    cx: &mut Context,
) {
    let key = JsString::from(name);
    // Still the builtin's own data property holding `from` (the usual case): swap the value in
    // place. It is what the definition below does then, without the descriptor validation and
    // generic [[Get]] that made a timed run's swap cost ≈ 45k instructions.
    let own = PropertyKey::from(key.clone());
    let current = proto.borrow().properties().get(&own);
    if let Some(d) = current {
        let builtin_attributes = d.writable() == Some(true)
            && d.enumerable() == Some(false)
            && d.configurable() == Some(true);
        if builtin_attributes && d.value().and_then(JsValue::as_object).as_ref() == Some(&from) {
            proto.insert_property(
                own,
                PropertyDescriptor::builder()
                    .value(to)
                    .writable(true)
                    .enumerable(false)
                    .configurable(true),
            );
            return;
        }
    }
    if proto.get(key.clone(), cx).ok().and_then(|v| v.as_object()) == Some(from) {
        let _ = crate::workarounds::define_builtin(proto, key, to, cx);
    }
}

/// Puts the JavaScript methods in the current realm for a stoppable run (nested runs count).
/// Returns the realm when it did ([`swap_out`] must follow with it).
pub(crate) fn swap_in(cx: &mut Context) -> Option<Realm> {
    let realm = cx.realm().clone();
    if realm.host_defined().get::<Replacements>().is_none() {
        let r = build(cx).ok()?;
        realm.host_defined_mut().insert(r);
    }
    let proto = array_proto(&realm);
    let pairs: Vec<(JsObject, JsObject)> = {
        let host = realm.host_defined();
        let r = host.get::<Replacements>()?;
        r.depth.set(r.depth.get() + 1);
        if r.depth.get() > 1 {
            return Some(realm.clone());
        }
        r.js.iter()
            .cloned()
            .zip(r.natives.iter().cloned())
            .collect()
    };
    for (name, (js, native)) in NAMES.iter().zip(pairs) {
        replace_if_unchanged(&proto, name, native, js, cx);
    }
    Some(realm)
}

/// Puts the natives back in `realm` once its outermost stoppable run ends.
pub(crate) fn swap_out(realm: &Realm, cx: &mut Context) {
    let pairs: Vec<(JsObject, JsObject)> = {
        let host = realm.host_defined();
        let Some(r) = host.get::<Replacements>() else {
            return;
        };
        r.depth.set(r.depth.get().saturating_sub(1));
        if r.depth.get() > 0 {
            return;
        }
        r.js.iter()
            .cloned()
            .zip(r.natives.iter().cloned())
            .collect()
    };
    let proto = array_proto(realm);
    for (name, (js, native)) in NAMES.iter().zip(pairs) {
        replace_if_unchanged(&proto, name, js, native, cx);
    }
}
