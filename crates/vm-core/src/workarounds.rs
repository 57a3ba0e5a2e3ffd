//! Every workaround for a Boa 0.22 limit lives here, each naming the limit, so it can go when
//! Boa lifts it.
use boa_engine::{
    js_string, object::FunctionObjectBuilder, property::PropertyDescriptor, Context, JsError,
    JsObject, JsResult, JsString, JsValue, NativeFunction,
};

use crate::{error::VmError, stack};

/// Limit: Boa 0.22 leaks 4–14 VM value-stack slots each time an exception leaves a script
/// through function frames, and with the default limit (10,240 slots) a context dies with
/// "maximum stack size" after ~1,000 such runs. A larger slot budget (16 MiB of values at
/// most) keeps contexts usable for ~200,000 throwing runs. Boa's recursion limit (512 frames)
/// is kept: native re-entry uses the Rust stack, which a higher limit could overflow.
const STACK_SLOTS: usize = 1 << 20;

/// Engine-wide settings applied to every engine of an isolate.
pub(crate) fn configure_engine(cx: &mut Context) {
    cx.runtime_limits_mut().set_stack_size_limit(STACK_SLOTS);
}

/// Limit: Boa's `Error.prototype.stack` returns only the frames (`    at f (file:l:c)`), with no
/// `Name: message` header, and names the top-level frame `<main>`. Node code parses V8's
/// shape, so each realm gets a getter that returns it.
pub(crate) fn patch_realm(cx: &mut Context, global: &JsObject) -> JsResult<()> {
    // Limit: Boa 0.22 exposes the abstract %TypedArray% constructor as a global `TypedArray`,
    // which no other engine does (Node's global enumeration tests list every name). Deleted
    // from the realm's own global object, never from a sandbox.
    global.delete_property_or_throw(js_string!("TypedArray"), cx)?;
    crate::string_limits::patch_realm(cx)?;
    crate::proxy_guard::patch_realm(cx, global)?;
    crate::callback_methods::keep_originals(cx)?;
    // Limit: Boa's Intl has no host default time zone (see `locale`).
    crate::locale::patch_realm(cx)?;
    let proto = cx.intrinsics().constructors().error().prototype();
    let Some(desc) = own_descriptor(&proto, js_string!("stack"), cx)? else {
        return Ok(());
    };
    let (Some(orig_get), setter) = (desc.get().and_then(JsValue::as_object), desc.set().cloned())
    else {
        return Ok(());
    };
    // V8's `Error.stackTraceLimit`, a plain data property of each realm's `Error`.
    let error_ctor = cx.intrinsics().constructors().error().constructor();
    error_ctor.define_property_or_throw(
        js_string!("stackTraceLimit"),
        PropertyDescriptor::builder()
            .value(stack::DEFAULT_FRAME_LIMIT)
            .writable(true)
            .enumerable(true)
            .configurable(true),
        cx,
    )?;
    let realm = cx.realm().clone();
    let getter = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(
            |this, _args, (orig, error_ctor): &(JsObject, JsObject), cx| {
                let frames = orig.call(this, &[], cx)?;
                // Only an error object's own stack takes V8's shape: anything else (a plain
                // object, a Proxy, an object inheriting from an error) gets what the engine's
                // getter gave, as the stack-accessor proposal specifies.
                let Some(obj) = this
                    .as_object()
                    .filter(|o| o.is::<boa_engine::builtins::error::Error>())
                else {
                    return Ok(frames);
                };
                // Limit: Boa captures frames when the error is created but gives the host no
                // hook there, so `Error.stackTraceLimit` applies when the stack is read.
                let Some(limit) = stack::frame_limit(error_ctor, cx)? else {
                    return Ok(JsValue::undefined());
                };
                let header = stack::error_header(&obj, cx);
                // Errors created by the host (no backtrace) still get V8's header line.
                let Some(frames) = frames.as_string() else {
                    return Ok(JsString::from(header).into());
                };
                let frames = stack::v8_frames_mapped(&frames.to_std_string_escaped(), limit, cx);
                let text = if frames.is_empty() {
                    header
                } else {
                    format!("{header}\n{frames}")
                };
                Ok(JsString::from(text).into())
            },
            (orig_get, error_ctor),
        ),
    )
    .name(js_string!("get stack"))
    .build();
    proto.define_property_or_throw(
        js_string!("stack"),
        PropertyDescriptor::builder()
            .get(getter)
            .maybe_set(setter)
            .enumerable(false)
            .configurable(true)
            .build(),
        cx,
    )?;
    Ok(())
}

/// Limit: Boa's `eval` returns a non-string argument without asking the host, while V8 refuses
/// every `eval` call once code generation from strings is off (`eval(42)` throws EvalError).
/// Such a realm's global `eval` becomes a function with the same name and length that always
/// throws; with strings refused a direct eval could not run code anyway.
pub(crate) fn refuse_eval(cx: &mut Context, global: &JsObject) -> JsResult<()> {
    let realm = cx.realm().clone();
    let eval = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_fn_ptr(|_, _, _| {
            Err(boa_engine::JsNativeError::eval()
                .with_message("Code generation from strings disallowed for this context")
                .into())
        }),
    )
    .name(js_string!("eval"))
    .length(1)
    .build();
    define_builtin(global, js_string!("eval"), eval, cx)
}

/// `holder[name]`, a builtin function the vm layer keeps at realm creation (before user code
/// could replace it); a `TypeError` naming it if it is not an object.
pub(crate) fn builtin_method(
    holder: &JsObject,
    name: &str,
    cx: &mut Context,
) -> JsResult<JsObject> {
    holder
        .get(JsString::from(name), cx)?
        .as_object()
        .ok_or_else(|| {
            boa_engine::JsNativeError::typ()
                .with_message(format!("builtin method {name} missing"))
                .into()
        })
}

/// Defines `key` on `obj` as the builtins' own methods are: writable, not enumerable,
/// configurable (for the replacements vm-core installs in a realm).
pub(crate) fn define_builtin(
    obj: &JsObject,
    key: JsString,
    value: impl Into<JsValue>,
    cx: &mut Context,
) -> JsResult<()> {
    obj.define_property_or_throw(
        key,
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        cx,
    )?;
    Ok(())
}

/// `obj`'s own property descriptor for `key` (`Object.getOwnPropertyDescriptor`).
pub(crate) fn own_descriptor(
    obj: &JsObject,
    key: JsString,
    cx: &mut Context,
) -> JsResult<Option<PropertyDescriptor>> {
    let v = boa_engine::builtins::object::OrdinaryObject::get_own_property_descriptor(
        &JsValue::undefined(),
        &[obj.clone().into(), key.into()],
        cx,
    )?;
    if v.is_undefined() {
        Ok(None)
    } else {
        v.to_property_descriptor(cx).map(Some)
    }
}

/// Frames kept free below Boa's recursion limit for the code that catches the error.
const RECURSION_HEADROOM: usize = 32;

/// Limit: Boa's recursion limit is an engine error that `try/catch` cannot catch; V8 throws a
/// catchable `RangeError`. Boa runs no host code on a plain JS call, but every global name
/// lookup in a contextified global reaches the Proxy traps: there, a call chain within
/// [`RECURSION_HEADROOM`] frames of the limit gets V8's catchable error instead, so
/// `function f(){f()} try{f()}catch{}` recovers inside a context. (Recursion that touches no
/// global name still hits Boa's uncatchable limit.)
pub(crate) fn recursion_headroom(cx: &Context) -> JsResult<()> {
    // `stack_trace()` is a slice iterator: its size hint is exact and O(1).
    let depth = cx.stack_trace().size_hint().0;
    let limit = cx.runtime_limits().recursion_limit();
    if depth.saturating_add(RECURSION_HEADROOM) >= limit {
        return Err(boa_engine::JsNativeError::range()
            .with_message("Maximum call stack size exceeded")
            .into());
    }
    Ok(())
}

/// Turns an engine error into a [`VmError`]: catchable errors become the thrown JS value
/// (native errors are materialised in the running realm), uncatchable ones (runtime limits)
/// stay host errors.
pub(crate) fn convert_error(err: JsError, cx: &mut Context) -> VmError {
    // Limit: Boa's recursion and stack limits are uncatchable engine errors; V8 throws a
    // RangeError. At the vm boundary the caller gets V8's error (inside the script it stays
    // uncatchable).
    if let Some(range) = stack::range_error_for_limit(&err, cx) {
        return VmError::Thrown(range);
    }
    match err.into_opaque(cx) {
        Ok(v) => VmError::Thrown(v),
        Err(e) => VmError::Engine(e.as_engine().map_or_else(
            || crate::error::EngineLimit::Other(e.to_string()),
            crate::error::EngineLimit::of,
        )),
    }
}

/// Limit: re-evaluating one Boa `Script` in the same realm silently re-initialises its
/// top-level `let`/`const`/`class` bindings; V8 throws. Returns Node's error message for a
/// second run of a script that declares `names`.
pub(crate) fn redeclaration_message(names: &[String]) -> Option<String> {
    names
        .first()
        .map(|n| format!("Identifier '{n}' has already been declared"))
}

/// Limit: Boa words a lexical redeclaration across scripts differently from V8; map it to
/// V8's message so Node code that matches on it keeps working.
pub(crate) fn normalise_syntax_message(message: &str, names: &[String]) -> Option<String> {
    if message.contains("already been declared")
        || message.contains("duplicate")
        || message.contains("redeclar")
    {
        return names
            .iter()
            .find(|n| message.contains(n.as_str()))
            .map(|n| format!("Identifier '{n}' has already been declared"));
    }
    None
}

/// Limit: tagged-template objects are cached per realm under a key built from the parser id
/// of the parse that produced them, and each Boa engine numbers its parses from 1. A fresh
/// engine for a realm must therefore never reuse an id another engine used for that realm.
/// Every host-visible parse (scripts, compiled functions, `eval`/`Function` through the
/// code-generation hook) is counted per engine and the realm remembers the highest count.
pub(crate) fn note_parse(cx: &mut Context, realm: &boa_engine::realm::Realm) {
    let Some(tag) = cx.get_data::<crate::engine::EngineTag>() else {
        return;
    };
    let n = tag.parses.get().saturating_add(1);
    tag.parses.set(n);
    if let Some(info) = realm.host_defined().get::<crate::hooks::RealmInfo>() {
        info.max_parser_id.set(info.max_parser_id.get().max(n));
    }
}

/// Advances a fresh engine's parser ids past every id used for `realm` (parsing empty scripts,
/// ≈0.6 µs each: the only public way to move the counter).
pub(crate) fn advance_parser_ids(
    engine: &mut Context,
    realm: &boa_engine::realm::Realm,
) -> JsResult<()> {
    let target = realm
        .host_defined()
        .get::<crate::hooks::RealmInfo>()
        .map_or(0, |i| i.max_parser_id.get());
    for _ in 0..target {
        boa_engine::Script::parse(boa_engine::Source::from_bytes(""), None, engine)?;
    }
    if let Some(tag) = engine.get_data::<crate::engine::EngineTag>() {
        tag.parses.set(target);
    }
    Ok(())
}

/// Limit: Boa words some engine errors differently from V8, and Node code matches V8's text.
/// Errors leaving a vm run get V8's wording for the messages that have an exact equivalent.
pub(crate) fn v8_message(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("cannot assign to uninitialized global property `") {
        return rest
            .strip_suffix('`')
            .map(|name| format!("{name} is not defined"));
    }
    if let Some(name) = message.strip_prefix("cannot set non-writable property: ") {
        return Some(format!(
            "Cannot assign to read only property '{name}' of object '#<Object>'"
        ));
    }
    if let Some(name) = message.strip_prefix("cannot redefine property: ") {
        return Some(format!("Cannot redefine property: {name}"));
    }
    // Boa's Proxy invariant errors do not name the trap (nor the property); these three come
    // only from [[GetOwnProperty]].
    let gopd = match message {
        "Proxy trap result is not configurable and target result is undefined" => {
            "trap reported non-configurability for a property which is either non-existent or configurable in the proxy target"
        }
        "Proxy trap result is undefined and target is not extensible" => {
            "trap returned undefined for a property which exists in the non-extensible proxy target"
        }
        "Proxy trap result is writable and not configurable while target result is not configurable" => {
            "trap reported non-configurable and writable for a property which is non-configurable, non-writable in the proxy target"
        }
        _ => return None,
    };
    Some(format!("'getOwnPropertyDescriptor' on proxy: {gopd}"))
}

/// Applies [`v8_message`] to a thrown native error (its `message` own property).
pub(crate) fn normalise_engine_message(err: &JsValue, cx: &mut Context) {
    let Some(obj) = err.as_object() else { return };
    if !obj.is::<boa_engine::builtins::error::Error>() {
        return;
    }
    let Ok(message) = obj.get(js_string!("message"), cx) else {
        return;
    };
    let Some(text) = message.as_string().map(|s| s.to_std_string_escaped()) else {
        return;
    };
    if let Some(v8) = v8_message(&text) {
        let _ = obj.set(js_string!("message"), JsString::from(v8), false, cx);
    }
}

#[cfg(test)]
mod tests {
    use super::v8_message;

    #[test]
    fn engine_messages_take_v8_wording() {
        assert_eq!(
            v8_message("cannot assign to uninitialized global property `z`").as_deref(),
            Some("z is not defined")
        );
        assert_eq!(
            v8_message("cannot set non-writable property: x").as_deref(),
            Some("Cannot assign to read only property 'x' of object '#<Object>'")
        );
        assert_eq!(
            v8_message("cannot redefine property: f").as_deref(),
            Some("Cannot redefine property: f")
        );
        assert!(
            v8_message("Proxy trap result is not configurable and target result is undefined")
                .is_some_and(|m| m.starts_with("'getOwnPropertyDescriptor' on proxy: "))
        );
        assert_eq!(v8_message("something else"), None);
    }
}
