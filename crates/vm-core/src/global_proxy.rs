//! The contextified global: a Proxy whose traps forward to the sandbox, then to the realm's
//! builtins (the Proxy target), the way Node's named-property interceptors do.
//!
//! Boa 0.22 offers no custom exotic objects outside the crate, so a Proxy is the only way to
//! intercept global property access (see `workarounds.rs` for the consequences).
use boa_engine::{
    builtins::object::OrdinaryObject,
    js_string,
    object::{builtins::JsArray, FunctionObjectBuilder, ObjectInitializer},
    property::{PropertyDescriptor, PropertyKey},
    realm::Realm,
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
};
use boa_gc::{Finalize, Gc, Trace};

use crate::sandbox::{HostMap, Sandbox};

/// How the proxy reaches the sandbox.
#[derive(Trace, Finalize)]
pub(crate) enum SandboxSlot {
    /// A JS object, held strongly: the realm keeps its sandbox alive (both live on the
    /// garbage-collected heap and are freed together).
    Object(JsObject),
    /// A Rust-side map.
    Host(HostMap),
}

/// The state every trap of one context's global shares.
#[derive(Trace, Finalize)]
pub(crate) struct GlobalState {
    slot: SandboxSlot,
    /// The proxy target: holds the realm's builtins and placeholders for declarations.
    target: JsObject,
    /// `Reflect.defineProperty` and `Reflect.deleteProperty` of the realm, taken before any
    /// user code ran (user code may replace the globals).
    define: JsObject,
    delete: JsObject,
    /// The objects the getOwnPropertyDescriptor trap reports through: the Proxy reads a trap's
    /// result at once and never hands it to user code, so one object per shape of descriptor,
    /// with only its value (or get/set) refilled per call, spares an allocation and most
    /// writes on every global declaration. Indexed by [`attribute_index`].
    report_data: Vec<JsObject>,
    report_accessor: Vec<JsObject>,
}

/// Index of a descriptor's boolean attributes among the report objects: bit 0 configurable,
/// bit 1 enumerable, bit 2 writable (data descriptors only).
fn attribute_index(writable: bool, enumerable: bool, configurable: bool) -> usize {
    usize::from(writable) << 2 | usize::from(enumerable) << 1 | usize::from(configurable)
}

enum Live {
    Object(JsObject),
    Host(HostMap),
}

impl GlobalState {
    /// The sandbox object as a value (`undefined` for a host map).
    fn sandbox_object_value(&self) -> JsValue {
        match &self.slot {
            SandboxSlot::Object(o) => o.clone().into(),
            SandboxSlot::Host(_) => JsValue::undefined(),
        }
    }

    fn sandbox(&self) -> Live {
        match &self.slot {
            SandboxSlot::Object(o) => Live::Object(o.clone()),
            SandboxSlot::Host(m) => Live::Host(m.clone()),
        }
    }
}

fn string_key(key: &PropertyKey) -> Option<JsString> {
    match key {
        PropertyKey::String(s) => Some(s.clone()),
        PropertyKey::Index(i) => Some(JsString::from(i.get().to_string())),
        PropertyKey::Symbol(_) => None,
    }
}

/// The target's own property `key`. The target is an ordinary object this module created, so
/// its property map is its [[GetOwnProperty]]: read directly, without the descriptor object
/// the generic path allocates (this runs on every global write).
fn target_descriptor(target: &JsObject, key: &PropertyKey) -> Option<PropertyDescriptor> {
    target.borrow().properties().get(key)
}

/// The value of `obj`'s own data property `key` when `obj` is an ordinary object (its property
/// map is then its [[GetOwnProperty]]); `None` when absent, an accessor, or exotic. The fast
/// path of global reads from a plain-object sandbox.
fn own_data_value(obj: &JsObject, key: &PropertyKey) -> Option<JsValue> {
    if !obj.is::<OrdinaryObject>() {
        return None;
    }
    let desc = obj.borrow().properties().get(key)?;
    desc.value().cloned()
}

/// Writes `value` over `obj`'s own writable data property `key` when `obj` is an ordinary
/// object, keeping the property's attributes: what OrdinarySet does in that case, without its
/// second lookup and descriptor validation (the fast path of global writes to sandbox
/// variables). `false` when the fast path does not apply.
fn overwrite_own_data(obj: &JsObject, key: &PropertyKey, value: &JsValue) -> bool {
    if !obj.is::<OrdinaryObject>() {
        return false;
    }
    let Some(d) = obj.borrow().properties().get(key) else {
        return false;
    };
    if !d.is_data_descriptor() || d.writable() != Some(true) {
        return false;
    }
    obj.insert_property(
        key.clone(),
        PropertyDescriptor::builder()
            .value(value.clone())
            .writable(true)
            .maybe_enumerable(d.enumerable())
            .maybe_configurable(d.configurable()),
    )
}

/// `obj`'s own property `key` through its [[GetOwnProperty]] (any object, exotic included;
/// an ordinary object's is read from its property map without a descriptor object).
fn own_descriptor(
    obj: &JsObject,
    key: &PropertyKey,
    cx: &mut Context,
) -> JsResult<Option<PropertyDescriptor>> {
    if obj.is::<OrdinaryObject>() {
        return Ok(obj.borrow().properties().get(key));
    }
    let v = OrdinaryObject::get_own_property_descriptor(
        &JsValue::undefined(),
        &[obj.clone().into(), key_value(key)],
        cx,
    )?;
    if v.is_undefined() {
        Ok(None)
    } else {
        Ok(Some(v.to_property_descriptor(cx)?))
    }
}

fn key_value(key: &PropertyKey) -> JsValue {
    match key {
        PropertyKey::String(s) => s.clone().into(),
        PropertyKey::Index(i) => JsString::from(i.get().to_string()).into(),
        PropertyKey::Symbol(s) => s.clone().into(),
    }
}

/// An empty ordinary object with no prototype, on a shared shape. No prototype: the objects
/// built here are read with HasProperty, so a polluted `Object.prototype.get` (user code in the
/// context) must not leak into them (Node 20 aborts the process on that case).
fn bare_object(cx: &mut Context) -> JsObject {
    let obj = ObjectInitializer::with_native_data(OrdinaryObject, cx).build();
    obj.set_prototype(None);
    obj
}

fn put(obj: &JsObject, key: JsString, value: JsValue) {
    obj.insert_property(
        key,
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(true)
            .configurable(true),
    );
}

/// `desc` as a fresh descriptor object (e.g. for `Reflect.defineProperty`).
fn descriptor_object(desc: &PropertyDescriptor, cx: &mut Context) -> JsObject {
    let obj = bare_object(cx);
    let fields: [(JsString, Option<JsValue>); 6] = [
        (js_string!("value"), desc.value().cloned()),
        (js_string!("writable"), desc.writable().map(Into::into)),
        (js_string!("get"), desc.get().cloned()),
        (js_string!("set"), desc.set().cloned()),
        (js_string!("enumerable"), desc.enumerable().map(Into::into)),
        (
            js_string!("configurable"),
            desc.configurable().map(Into::into),
        ),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            put(&obj, k, v);
        }
    }
    obj
}

/// The descriptor the defineProperty trap receives. The Proxy built it with
/// FromPropertyDescriptor (an ordinary object whose own properties are the fields), so the
/// fields are read from its own properties: ToPropertyDescriptor would also see a polluted
/// `Object.prototype.get` of the context.
fn trap_argument_descriptor(v: &JsValue, cx: &mut Context) -> JsResult<PropertyDescriptor> {
    let Some(obj) = v.as_object().filter(|o| o.is::<OrdinaryObject>()) else {
        return v.to_property_descriptor(cx);
    };
    let field = |name: JsString| {
        obj.borrow()
            .properties()
            .get(&PropertyKey::from(name))
            .and_then(|d| d.value().cloned())
    };
    Ok(PropertyDescriptor::builder()
        .maybe_value(field(js_string!("value")))
        .maybe_writable(field(js_string!("writable")).map(|v| v.to_boolean()))
        .maybe_get(field(js_string!("get")))
        .maybe_set(field(js_string!("set")))
        .maybe_enumerable(field(js_string!("enumerable")).map(|v| v.to_boolean()))
        .maybe_configurable(field(js_string!("configurable")).map(|v| v.to_boolean()))
        .build())
}

/// `desc` as the getOwnPropertyDescriptor trap's result: a complete descriptor (the usual
/// case) refills the report object of its attributes; a partial one gets a fresh object.
fn report_descriptor(st: &GlobalState, desc: &PropertyDescriptor, cx: &mut Context) -> JsValue {
    let (Some(enumerable), Some(configurable)) = (desc.enumerable(), desc.configurable()) else {
        return descriptor_object(desc, cx).into();
    };
    match (desc.value(), desc.writable(), desc.get(), desc.set()) {
        (Some(value), Some(writable), None, None) => {
            let o = &st.report_data[attribute_index(writable, enumerable, configurable)];
            put(o, js_string!("value"), value.clone());
            o.clone().into()
        }
        (None, None, Some(get), Some(set)) => {
            let o = &st.report_accessor[attribute_index(false, enumerable, configurable)];
            put(o, js_string!("get"), get.clone());
            put(o, js_string!("set"), set.clone());
            o.clone().into()
        }
        _ => descriptor_object(desc, cx).into(),
    }
}

fn host_descriptor(value: JsValue) -> PropertyDescriptor {
    PropertyDescriptor::builder()
        .value(value)
        .writable(true)
        .enumerable(true)
        .configurable(true)
        .build()
}

/// Limit: newer Node answers `in` from the sandbox's own properties only, yet still resolves
/// bare identifiers through the sandbox's prototype chain (V8 calls the getter interceptor
/// for global loads). A Proxy's `has` trap serves both, so it keeps the prototype chain: bare
/// reads of inherited sandbox properties work, `'x' in globalThis` is true for them.
fn live_has(live: &Live, key: &PropertyKey, cx: &mut Context) -> JsResult<bool> {
    match live {
        Live::Object(o) => {
            if o.is::<OrdinaryObject>() && o.borrow().properties().contains_key(key) {
                return Ok(true);
            }
            o.has_property(key.clone(), cx)
        }
        Live::Host(m) => Ok(string_key(key).is_some_and(|k| m.has_key(&k))),
    }
}

/// `undefined` always means the realm's own: V8 resolves it before the interceptors, so a
/// sandbox property of that name is never seen.
fn is_undefined_key(key: &PropertyKey) -> bool {
    matches!(key, PropertyKey::String(s) if s == &js_string!("undefined"))
}

/// `NaN` and `Infinity`: V8 reads a sandbox property of that name (its interceptor runs
/// first); the realm's own are non-configurable, which the Proxy's invariants would enforce,
/// so on the target they are configurable (and protected from `delete` by the trap).
const SHADOWABLE_VALUES: [&str; 2] = ["NaN", "Infinity"];

fn is_shadowable_value(key: &PropertyKey) -> bool {
    matches!(key, PropertyKey::String(s) if SHADOWABLE_VALUES.iter().any(|n| s == &JsString::from(*n)))
}

/// Makes the target's `NaN` and `Infinity` configurable (see [`SHADOWABLE_VALUES`]).
pub(crate) fn relax_value_properties(target: &JsObject) {
    for name in SHADOWABLE_VALUES {
        let key = PropertyKey::from(JsString::from(name));
        if let Some(value) = target_descriptor(target, &key).and_then(|d| d.value().cloned()) {
            target.insert_property(
                key,
                PropertyDescriptor::builder()
                    .value(value)
                    .writable(false)
                    .enumerable(false)
                    .configurable(true),
            );
        }
    }
}

type TrapBody = fn(PropertyKey, &[JsValue], &GlobalState, &mut Context) -> JsResult<JsValue>;

/// One handler trap: its body and the checks every call makes before it.
#[derive(Clone, Copy)]
struct Trap {
    body: TrapBody,
    /// Whether the trap's second argument is a property key (all but `ownKeys`).
    keyed: bool,
    /// Whether the trap refuses to run in the last frames before the recursion limit: global
    /// reads are what deep recursion does, and Boa's limit error is uncatchable.
    deep: bool,
}

/// What a trap function captures: the context's global state and the trap.
#[derive(Trace, Finalize)]
struct TrapCapture {
    state: Gc<GlobalState>,
    // A plain function pointer holds no garbage-collected value.
    #[unsafe_ignore_trace]
    trap: Trap,
}

impl Trap {
    const fn keyed(body: TrapBody) -> Self {
        Self {
            body,
            keyed: true,
            deep: false,
        }
    }

    const fn deep(body: TrapBody) -> Self {
        Self {
            body,
            keyed: true,
            deep: true,
        }
    }

    const fn keyless(body: TrapBody) -> Self {
        Self {
            body,
            keyed: false,
            deep: false,
        }
    }

    /// The prologue every trap shares: the recursion headroom (reads), the stop-point check
    /// (timeouts and interrupts reach loops that only touch globals), the key conversion.
    fn call(
        _: &JsValue,
        args: &[JsValue],
        capture: &TrapCapture,
        cx: &mut Context,
    ) -> JsResult<JsValue> {
        let trap = capture.trap;
        if trap.deep {
            crate::workarounds::recursion_headroom(cx)?;
        }
        crate::stop_points::check_sampled(cx)?;
        let key = if trap.keyed {
            args.get_or_undefined(1).to_property_key(cx)?
        } else {
            PropertyKey::from(js_string!())
        };
        (trap.body)(key, args, &capture.state, cx)
    }
}

fn trap_get(
    key: PropertyKey,
    args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    if let Some(v) = crate::job_trampoline::lookup(&key) {
        return Ok(v);
    }
    if !is_undefined_key(&key) {
        match &st.sandbox() {
            Live::Object(o) => {
                let own = own_data_value(o, &key);
                let found = own.is_some() || o.has_property(key.clone(), cx)?;
                if found {
                    let v = match own {
                        Some(v) => v,
                        None => o.get(key, cx)?,
                    };
                    // Node hands out the global proxy wherever the sandbox itself would leak
                    // (`ctx.window = ctx`, getters returning the sandbox).
                    if v.as_object().is_some_and(|r| r == *o) {
                        return Ok(args.get_or_undefined(2).clone());
                    }
                    return Ok(v);
                }
            }
            Live::Host(m) => {
                if let Some(v) = string_key(&key).and_then(|k| m.get_key(&k)) {
                    return Ok(v);
                }
            }
        }
    }
    // Builtins (`String`, `Math`…) are data properties of the ordinary target.
    match own_data_value(&st.target, &key) {
        Some(v) => Ok(v),
        None => st.target.get(key, cx),
    }
}

fn trap_has(
    key: PropertyKey,
    _args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    if crate::job_trampoline::lookup(&key).is_some() {
        return Ok(true.into());
    }
    if !is_undefined_key(&key) && live_has(&st.sandbox(), &key, cx)? {
        return Ok(true.into());
    }
    if st.target.borrow().properties().contains_key(&key) {
        return Ok(true.into());
    }
    Ok(st.target.has_property(key, cx)?.into())
}

fn trap_set(
    key: PropertyKey,
    args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let value = args.get_or_undefined(2).clone();
    // A read-only builtin (`undefined`, `NaN`, `Infinity`) is never shadowed, as in Node.
    let target_desc = target_descriptor(&st.target, &key);
    if let Some(d) = &target_desc {
        if d.is_data_descriptor() && d.writable() == Some(false) {
            return Ok(false.into());
        }
    }
    let live = match st.sandbox() {
        // Node keeps symbol-keyed writes from inside on the global, off the sandbox.
        Live::Object(o) if matches!(key, PropertyKey::Symbol(_)) => {
            if o.has_property(key.clone(), cx)? {
                Some(Live::Object(o))
            } else {
                None
            }
        }
        Live::Host(_) if matches!(key, PropertyKey::Symbol(_)) => None,
        other => Some(other),
    };
    let Some(live) = live else {
        return Ok(st.target.set(key, value, false, cx)?.into());
    };
    let ok = match &live {
        Live::Object(o) => {
            if overwrite_own_data(o, &key, &value)
                || o.set(key.clone(), value.clone(), false, cx)?
            {
                true
            } else if !o.has_property(key.clone(), cx)? && !o.is_extensible(cx)? {
                // A new name on a frozen or non-extensible sandbox lands on the global, as in
                // Node (its interceptor declines, V8 defines it on the global object).
                return Ok(st.target.set(key, value, false, cx)?.into());
            } else {
                false
            }
        }
        Live::Host(m) => match string_key(&key) {
            Some(k) => {
                m.insert_key(k, value.clone());
                true
            }
            None => st.target.set(key.clone(), value.clone(), false, cx)?,
        },
    };
    // Keep a declaration's placeholder in step (see `trap_define_property`); when the sandbox
    // refuses the write (frozen), the declared variable still lives on the global, as in Node.
    if let Some(d) = target_desc {
        if d.configurable() == Some(false) && d.is_data_descriptor() {
            let synced = overwrite_own_data(&st.target, &key, &value)
                || st.target.set(key, value, false, cx)?;
            return Ok((synced || ok).into());
        }
    }
    Ok(ok.into())
}

fn trap_delete(
    key: PropertyKey,
    _args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let ok = match &st.sandbox() {
        Live::Object(o) => reflect_delete(st, o, &key, cx)?,
        Live::Host(m) => {
            if let Some(k) = string_key(&key) {
                m.remove_key(&k);
            }
            true
        }
    };
    if !ok {
        return Ok(false.into());
    }
    match target_descriptor(&st.target, &key) {
        // A declaration placeholder cannot be removed from the target (Proxy invariant): the
        // delete reports false, as V8 does for a `var` binding.
        Some(d) if d.configurable() == Some(false) => Ok(false.into()),
        // Non-configurable in V8, only relaxed on the target for the Proxy's sake.
        Some(_) if is_shadowable_value(&key) => Ok(false.into()),
        Some(_) => Ok(reflect_delete(st, &st.target, &key, cx)?.into()),
        None => Ok(true.into()),
    }
}

/// Whether `desc` is what CreateGlobalVarBinding / CreateGlobalFunctionBinding define.
fn is_declaration(desc: &PropertyDescriptor) -> bool {
    desc.is_data_descriptor()
        && desc.writable() == Some(true)
        && desc.enumerable() == Some(true)
        && desc.configurable() == Some(false)
}

/// `Reflect.defineProperty(obj, key, desc)` with the realm's own copy (user code may have
/// replaced the global one).
fn reflect_define(
    st: &GlobalState,
    obj: &JsObject,
    key: &PropertyKey,
    desc: &PropertyDescriptor,
    cx: &mut Context,
) -> JsResult<bool> {
    let d = descriptor_object(desc, cx).into();
    let ok = st.define.call(
        &JsValue::undefined(),
        &[obj.clone().into(), key_value(key), d],
        cx,
    )?;
    Ok(ok.to_boolean())
}

/// `Reflect.deleteProperty(obj, key)` with the realm's own copy.
fn reflect_delete(
    st: &GlobalState,
    obj: &JsObject,
    key: &PropertyKey,
    cx: &mut Context,
) -> JsResult<bool> {
    let ok = st.delete.call(
        &JsValue::undefined(),
        &[obj.clone().into(), key_value(key)],
        cx,
    )?;
    Ok(ok.to_boolean())
}

fn mirror_to_target(
    st: &GlobalState,
    key: &PropertyKey,
    desc: &PropertyDescriptor,
    cx: &mut Context,
) -> JsResult<bool> {
    reflect_define(st, &st.target, key, desc, cx)
}

fn trap_define_property(
    key: PropertyKey,
    args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let desc = trap_argument_descriptor(args.get_or_undefined(2), cx)?;
    let live = st.sandbox();
    if is_declaration(&desc) {
        // `var`/function declarations: Node records them on the sandbox as configurable data
        // properties. The Proxy invariants require a non-configurable twin on the target.
        let value = desc.value().cloned().unwrap_or_default();
        // Node records a function declaration on the sandbox at once, a `var` only when it is
        // first assigned (through the set trap).
        if value.is_undefined() || matches!(key, PropertyKey::Symbol(_)) {
            return mirror_to_target(st, &key, &desc, cx).map(Into::into);
        }
        match &live {
            Live::Object(o) => {
                let existing = own_descriptor(o, &key, cx)?;
                let sandbox_desc = match existing {
                    Some(e) if e.configurable() == Some(false) => {
                        PropertyDescriptor::builder().value(value).build()
                    }
                    _ => host_descriptor(value),
                };
                // A sandbox that refuses (frozen, non-extensible) leaves the declaration on
                // the global only, as in Node.
                reflect_define(st, o, &key, &sandbox_desc, cx)?;
            }
            Live::Host(m) => match string_key(&key) {
                Some(k) => m.insert_key(k, value),
                None => return mirror_to_target(st, &key, &desc, cx).map(Into::into),
            },
        }
        return mirror_to_target(st, &key, &desc, cx).map(Into::into);
    }
    if matches!(key, PropertyKey::Symbol(_)) {
        return mirror_to_target(st, &key, &desc, cx).map(Into::into);
    }
    match &live {
        Live::Object(o) => {
            if !reflect_define(st, o, &key, &desc, cx)? {
                return Ok(false.into());
            }
            if let Some(now) = own_descriptor(o, &key, cx)? {
                if now.configurable() == Some(false) {
                    return mirror_to_target(st, &key, &now, cx).map(Into::into);
                }
            }
            Ok(true.into())
        }
        Live::Host(m) => {
            let Some(k) = string_key(&key) else {
                return mirror_to_target(st, &key, &desc, cx).map(Into::into);
            };
            if desc.is_accessor_descriptor()
                || desc.writable() == Some(false)
                || desc.enumerable() == Some(false)
                || desc.configurable() == Some(false)
            {
                return Err(JsNativeError::typ()
                    .with_message(format!(
                        "Cannot define property {}: a host-map sandbox holds only writable, enumerable, configurable data properties",
                        k.to_std_string_escaped()
                    ))
                    .into());
            }
            let value = desc
                .value()
                .cloned()
                .or_else(|| m.get_key(&k))
                .unwrap_or_default();
            m.insert_key(k, value);
            Ok(true.into())
        }
    }
}

fn trap_get_own_property_descriptor(
    key: PropertyKey,
    _args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let target_desc = target_descriptor(&st.target, &key);
    let sandbox_desc = match st.sandbox() {
        _ if is_undefined_key(&key) => None,
        Live::Object(o) => own_descriptor(&o, &key, cx)?,
        Live::Host(m) => string_key(&key)
            .and_then(|k| m.get_key(&k))
            .map(host_descriptor),
    };
    let Some(mut desc) = sandbox_desc else {
        return Ok(target_desc.map_or(JsValue::undefined(), |d| report_descriptor(st, &d, cx)));
    };
    match &target_desc {
        // Proxy invariant: a property non-configurable on the target cannot be reported as
        // configurable (affects `var` declarations seen from inside; see README).
        Some(t)
            if t.configurable() == Some(false)
                && t.is_data_descriptor()
                && t.writable() == Some(true)
                && (desc.is_accessor_descriptor() || desc.writable() == Some(false)) =>
        {
            // The host turned a declared variable into an accessor or made it read-only: the
            // placeholder on the target is a writable data property, which can only be
            // reported as one; report the current value.
            let value = match (desc.value(), desc.get().and_then(JsValue::as_callable)) {
                (Some(v), _) => v.clone(),
                (None, Some(getter)) => {
                    let sandbox = st.sandbox_object_value();
                    getter.call(&sandbox, &[], cx)?
                }
                (None, None) => JsValue::undefined(),
            };
            desc = PropertyDescriptor::builder()
                .value(value)
                .writable(true)
                .enumerable(desc.enumerable().unwrap_or(true))
                .configurable(false)
                .build();
        }
        Some(t) if t.configurable() == Some(false) && desc.configurable() == Some(true) => {
            desc = PropertyDescriptor::builder()
                .maybe_value(desc.value().cloned())
                .maybe_writable(desc.writable())
                .maybe_get(desc.get().cloned())
                .maybe_set(desc.set().cloned())
                .maybe_enumerable(desc.enumerable())
                .configurable(false)
                .build();
            if desc.is_data_descriptor() && t.writable() == Some(false) {
                // Invariant: a non-configurable, non-writable target property is reported
                // exactly (value and attributes).
                desc = PropertyDescriptor::builder()
                    .value(t.value().cloned().unwrap_or_default())
                    .writable(false)
                    .enumerable(t.enumerable().unwrap_or(false))
                    .configurable(false)
                    .build();
            }
        }
        _ if desc.configurable() == Some(false) => {
            // A sandbox made non-configurable properties before it was contextified: mirror.
            mirror_to_target(st, &key, &desc, cx)?;
        }
        _ => {}
    }
    Ok(report_descriptor(st, &desc, cx))
}

fn trap_own_keys(
    _: PropertyKey,
    _args: &[JsValue],
    st: &GlobalState,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let mut keys: Vec<PropertyKey> = match st.sandbox() {
        Live::Object(o) => o.own_property_keys(cx)?,
        Live::Host(m) => m.key_list().into_iter().map(PropertyKey::from).collect(),
    };
    let mut seen: rustc_hash::FxHashSet<PropertyKey> = keys.iter().cloned().collect();
    for k in st.target.own_property_keys(cx)? {
        if seen.insert(k.clone()) {
            keys.push(k);
        }
    }
    let values: Vec<JsValue> = keys.iter().map(key_value).collect();
    Ok(JsArray::from_iter(values, cx).into())
}

/// Creates the (trap-less) proxy that becomes a new realm's global object, with its target.
///
/// Without traps, a Proxy forwards every operation to its target, so the builtins that
/// `Context::build` defines on the global land on the target.
pub(crate) fn new_global(cx: &mut Context) -> JsResult<(JsObject, JsObject, JsObject)> {
    let target = JsObject::with_null_proto();
    let handler = JsObject::with_null_proto();
    let proxy_ctor = cx.intrinsics().constructors().proxy().constructor();
    let proxy = proxy_ctor.construct(&[target.clone().into(), handler.clone().into()], None, cx)?;
    Ok((proxy, target, handler))
}

/// Installs the traps on `handler`, as functions of the new realm, once the realm is built.
pub(crate) fn install_traps(
    realm: &Realm,
    engine: &mut Context,
    handler: &JsObject,
    target: &JsObject,
    sandbox: &Sandbox,
) -> JsResult<Gc<GlobalState>> {
    let reflect = engine.intrinsics().objects().reflect();
    let define = crate::workarounds::builtin_method(&reflect, "defineProperty", engine)?;
    let delete = crate::workarounds::builtin_method(&reflect, "deleteProperty", engine)?;
    let slot = match sandbox {
        Sandbox::Host(m) => SandboxSlot::Host(m.clone()),
        Sandbox::Object(o) => SandboxSlot::Object(o.clone()),
        Sandbox::None => {
            return Err(JsNativeError::typ()
                .with_message("an uncontextified context has no traps")
                .into())
        }
    };
    let bits = |i: usize| (i & 4 != 0, i & 2 != 0, i & 1 != 0);
    let report_data = (0..8)
        .map(|i| {
            let (writable, enumerable, configurable) = bits(i);
            let d = PropertyDescriptor::builder()
                .value(JsValue::undefined())
                .writable(writable)
                .enumerable(enumerable)
                .configurable(configurable)
                .build();
            descriptor_object(&d, engine)
        })
        .collect();
    let report_accessor = (0..4)
        .map(|i| {
            let (_, enumerable, configurable) = bits(i);
            let d = PropertyDescriptor::builder()
                .get(JsValue::undefined())
                .set(JsValue::undefined())
                .enumerable(enumerable)
                .configurable(configurable)
                .build();
            descriptor_object(&d, engine)
        })
        .collect();
    let state = Gc::new(GlobalState {
        slot,
        target: target.clone(),
        define,
        delete,
        report_data,
        report_accessor,
    });
    let traps: [(&str, Trap, usize); 7] = [
        ("get", Trap::deep(trap_get), 3),
        ("has", Trap::deep(trap_has), 2),
        ("set", Trap::keyed(trap_set), 4),
        ("deleteProperty", Trap::keyed(trap_delete), 2),
        ("defineProperty", Trap::keyed(trap_define_property), 3),
        (
            "getOwnPropertyDescriptor",
            Trap::keyed(trap_get_own_property_descriptor),
            2,
        ),
        ("ownKeys", Trap::keyless(trap_own_keys), 1),
    ];
    for (name, trap, length) in traps {
        let f = FunctionObjectBuilder::new(
            realm,
            NativeFunction::from_copy_closure_with_captures(
                Trap::call,
                TrapCapture {
                    state: state.clone(),
                    trap,
                },
            ),
        )
        .name(JsString::from(name))
        .length(length)
        .build();
        handler.create_data_property_or_throw(JsString::from(name), f, engine)?;
    }
    Ok(state)
}
