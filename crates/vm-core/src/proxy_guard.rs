//! Prototype cycles through proxies, refused before they can take the host down.
//!
//! Limit: Boa 0.22 follows a Proxy with no trap to its target by native recursion with no stack
//! check, so a Proxy in its own prototype chain (`Object.setPrototypeOf(a, new Proxy(a, {}));
//! a.x`) recurses until the Rust stack overflows, which aborts the process, and `a instanceof
//! Object` on such a chain loops for ever. V8 accepts the cycle and throws `RangeError: Maximum
//! call stack size exceeded` at each later use.
//!
//! Such a cycle can only be closed by a `[[SetPrototypeOf]]` on an existing object (a proxy's
//! target is fixed when it is made), and the engine's own cycle check stops at the first proxy
//! (ECMA-262 OrdinarySetPrototypeOf). So each realm's `Proxy` and `Proxy.revocable` record
//! every proxy's target (a WeakMap), and `Object.setPrototypeOf`, `Reflect.setPrototypeOf` and
//! the `Object.prototype.__proto__` setter first walk the new prototype's chain through proxies
//! too: a value that leads back to the object is refused as V8 refuses an ordinary cycle
//! (`TypeError: Cyclic __proto__ value`; `Reflect.setPrototypeOf` returns `false`). That is
//! earlier than V8 (which fails at each use of the object), and it is the documented difference.
//! Proxies made by the host (the engine's Proxy, not the realm's global) are not followed.
use boa_engine::{
    js_string, object::builtins::JsProxy, object::FunctionObjectBuilder,
    property::PropertyDescriptor, Context, JsData, JsNativeError, JsObject, JsResult, JsString,
    JsValue, NativeFunction,
};
use boa_gc::{Finalize, Trace};

/// Prototype links and proxy targets followed at most when looking for a cycle (a longer chain
/// is accepted unchecked; the engine's recursion on it is bounded by the native stack guard).
const MAX_WALK: usize = 1 << 20;

/// What a realm's replacements capture.
#[derive(Clone, Trace, Finalize, JsData)]
struct Parts {
    /// The engine's `Proxy` constructor.
    proxy: JsObject,
    /// proxy → target, for the proxies this realm's `Proxy` made (a WeakMap).
    targets: JsObject,
    /// The intrinsic `WeakMap.prototype.get` / `set`.
    map_get: JsObject,
    map_set: JsObject,
}

fn parts_of(captured: &JsObject) -> JsResult<Parts> {
    captured
        .downcast_ref::<Parts>()
        .map(|p| p.clone())
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message("Proxy parts missing")
                .into()
        })
}

impl Parts {
    fn record(&self, proxy: &JsValue, target: &JsValue, cx: &mut Context) -> JsResult<()> {
        self.map_set.call(
            &self.targets.clone().into(),
            &[proxy.clone(), target.clone()],
            cx,
        )?;
        Ok(())
    }

    /// The target of a proxy this realm made (`None` for any other object).
    fn target_of(&self, object: &JsObject, cx: &mut Context) -> JsResult<Option<JsObject>> {
        if JsProxy::from_object(object.clone()).is_err() {
            return Ok(None);
        }
        let t = self
            .map_get
            .call(&self.targets.clone().into(), &[object.clone().into()], cx)?;
        Ok(t.as_object())
    }

    /// Whether making `proto` the prototype of `object` closes a cycle: `proto`'s chain
    /// (prototype links of ordinary objects, targets of proxies) reaches `object` or, when
    /// `object` is a proxy, the object its default `[[SetPrototypeOf]]` changes.
    fn closes_cycle(&self, object: &JsObject, proto: &JsValue, cx: &mut Context) -> JsResult<bool> {
        let mut changed = vec![object.clone()];
        while let Some(t) = self.target_of(changed.last().expect("not empty"), cx)? {
            if changed.len() > MAX_WALK {
                return Ok(false);
            }
            changed.push(t);
        }
        let mut current = proto.as_object();
        for _ in 0..MAX_WALK {
            let Some(o) = current else {
                return Ok(false);
            };
            if changed.iter().any(|c| JsObject::equals(c, &o)) {
                return Ok(true);
            }
            current = match self.target_of(&o, cx)? {
                Some(t) => Some(t),
                None if JsProxy::from_object(o.clone()).is_ok() => return Ok(false),
                None => o.prototype(),
            };
        }
        Ok(false)
    }
}

/// V8's error for a target or handler that is not an object (checked before the engine's).
fn check_proxy_args(args: &[JsValue]) -> JsResult<()> {
    if args.first().is_some_and(JsValue::is_object) && args.get(1).is_some_and(JsValue::is_object) {
        return Ok(());
    }
    Err(JsNativeError::typ()
        .with_message("Cannot create proxy with a non-object as target or handler")
        .into())
}

fn cyclic() -> boa_engine::JsError {
    JsNativeError::typ()
        .with_message("Cyclic __proto__ value")
        .into()
}

/// The realm's `Proxy` (a native constructor gets `new.target` as `this`, `undefined` on a
/// plain call).
fn construct(
    new_target: &JsValue,
    args: &[JsValue],
    captured: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    if new_target.is_undefined() {
        return Err(JsNativeError::typ()
            .with_message("Constructor Proxy requires 'new'")
            .into());
    }
    check_proxy_args(args)?;
    let parts = parts_of(captured)?;
    let proxy: JsValue = parts.proxy.construct(args, None, cx)?.into();
    parts.record(&proxy, &args[0], cx)?;
    Ok(proxy)
}

/// The realm's `Proxy.revocable`.
fn revocable(
    _: &JsValue,
    args: &[JsValue],
    captured: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    check_proxy_args(args)?;
    let parts = parts_of(captured)?;
    let engine_revocable = parts.proxy.get(js_string!("revocable"), cx)?;
    let engine_revocable = engine_revocable
        .as_callable()
        .ok_or_else(|| JsNativeError::typ().with_message("Proxy.revocable missing"))?;
    let result = engine_revocable.call(&parts.proxy.clone().into(), args, cx)?;
    if let Some(r) = result.as_object() {
        let proxy = r.get(js_string!("proxy"), cx)?;
        parts.record(&proxy, &args[0], cx)?;
    }
    Ok(result)
}

/// Which prototype setter a replacement stands for.
#[derive(Clone, Copy, Trace, Finalize)]
#[boa_gc(empty_trace)]
enum Setter {
    /// `Object.setPrototypeOf(O, proto)`: throws on a cycle.
    Object,
    /// `Reflect.setPrototypeOf(target, proto)`: returns `false` on a cycle.
    Reflect,
    /// `set Object.prototype.__proto__(proto)` on `this`: throws on a cycle.
    Accessor,
}

/// A prototype setter that refuses cycles through proxies, then calls the engine's.
fn set_prototype_of(
    this: &JsValue,
    args: &[JsValue],
    (captured, original, setter): &(JsObject, JsObject, Setter),
    cx: &mut Context,
) -> JsResult<JsValue> {
    if let Setter::Object = setter {
        v8_argument_errors(args, cx)?;
    }
    let (object, proto) = match setter {
        Setter::Accessor => (this.as_object(), args.first()),
        _ => (args.first().and_then(JsValue::as_object), args.get(1)),
    };
    if let (Some(object), Some(proto)) = (object, proto) {
        let parts = parts_of(captured)?;
        if parts.closes_cycle(&object, proto, cx)? {
            return match setter {
                Setter::Reflect => Ok(false.into()),
                _ => Err(cyclic()),
            };
        }
    }
    original.call(this, args, cx)
}

/// `Object.setPrototypeOf`'s argument errors in V8's words (the engine's differ).
fn v8_argument_errors(args: &[JsValue], cx: &mut Context) -> JsResult<()> {
    let o = args.first().cloned().unwrap_or_default();
    if o.is_null_or_undefined() {
        return Err(JsNativeError::typ()
            .with_message("Object.setPrototypeOf called on null or undefined")
            .into());
    }
    let proto = args.get(1).cloned().unwrap_or_default();
    if !proto.is_object() && !proto.is_null() {
        let shown = if proto.is_symbol() {
            "Symbol()".to_string()
        } else {
            proto.to_string(cx)?.to_std_string_escaped()
        };
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Object prototype may only be an Object or null: {shown}"
            ))
            .into());
    }
    Ok(())
}

fn replace_setter(
    cx: &mut Context,
    holder: &JsObject,
    name: &str,
    parts: &JsObject,
    setter: Setter,
) -> JsResult<()> {
    let realm = cx.realm().clone();
    let original = holder
        .get(JsString::from(name), cx)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("setPrototypeOf missing"))?;
    let f = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(
            set_prototype_of,
            (parts.clone(), original, setter),
        ),
    )
    .name(JsString::from(name))
    .length(2)
    .build();
    crate::workarounds::define_builtin(holder, JsString::from(name), f, cx)
}

/// Installs the realm's `Proxy` (as the global `global`'s) and its prototype setters.
pub(crate) fn patch_realm(cx: &mut Context, global: &JsObject) -> JsResult<()> {
    let realm = cx.realm().clone();
    let engine_proxy = cx.intrinsics().constructors().proxy().constructor();
    let weak_map = cx.intrinsics().constructors().weak_map().constructor();
    let weak_map_proto = cx.intrinsics().constructors().weak_map().prototype();
    let parts = Parts {
        proxy: engine_proxy,
        targets: weak_map.construct(&[], None, cx)?,
        map_get: crate::workarounds::builtin_method(&weak_map_proto, "get", cx)?,
        map_set: crate::workarounds::builtin_method(&weak_map_proto, "set", cx)?,
    };
    let parts = JsObject::from_proto_and_data(None, parts);
    let proxy = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(construct, parts.clone()),
    )
    .name(js_string!("Proxy"))
    .length(2)
    .constructor(true)
    .build();
    let revocable = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(revocable, parts.clone()),
    )
    .name(js_string!("revocable"))
    .length(2)
    .build();
    crate::workarounds::define_builtin(&proxy, js_string!("revocable"), revocable, cx)?;
    crate::workarounds::define_builtin(global, js_string!("Proxy"), proxy, cx)?;

    let object = cx.intrinsics().constructors().object().constructor();
    replace_setter(cx, &object, "setPrototypeOf", &parts, Setter::Object)?;
    let reflect = cx.intrinsics().objects().reflect();
    replace_setter(cx, &reflect, "setPrototypeOf", &parts, Setter::Reflect)?;

    // `Object.prototype.__proto__`: same getter, guarded setter.
    let object_proto = cx.intrinsics().constructors().object().prototype();
    let key = js_string!("__proto__");
    let Some(desc) = crate::workarounds::own_descriptor(&object_proto, key.clone(), cx)? else {
        return Ok(());
    };
    let Some(original_set) = desc.set().and_then(JsValue::as_object) else {
        return Ok(());
    };
    let set = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(
            set_prototype_of,
            (parts, original_set, Setter::Accessor),
        ),
    )
    .name(js_string!("set __proto__"))
    .length(1)
    .build();
    let mut accessor = PropertyDescriptor::builder()
        .set(set)
        .enumerable(false)
        .configurable(true);
    if let Some(get) = desc.get() {
        accessor = accessor.get(get.clone());
    }
    object_proto.define_property_or_throw(key, accessor, cx)?;
    Ok(())
}
