//! Reading what `js/vm.js` and `js/modules.js` hand the natives: positional arguments, the
//! fields of an options object, and the native handle behind `this`.
//!
//! The JavaScript side validates every argument with Node's rules and `ERR_*` codes first;
//! what reaches here is already of the right type, so a mismatch is a binding bug and gets a
//! plain `TypeError`.
use std::time::Duration;

use boa_engine::{
    object::builtins::{JsArray, JsUint8Array},
    Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeObject,
};

/// `f` applied to the value `T` held by `this` (a native handle), or `TypeError: Illegal
/// invocation`.
pub(crate) fn with_handle<T: NativeObject, R>(
    this: &JsValue,
    f: impl FnOnce(&T) -> R,
) -> JsResult<R> {
    let handle = this.as_object();
    let data = handle.as_ref().and_then(|o| o.downcast_ref::<T>());
    match data {
        Some(d) => Ok(f(&d)),
        None => Err(JsNativeError::typ()
            .with_message("Illegal invocation")
            .into()),
    }
}

/// `args[i]` converted to a Rust string.
pub(crate) fn string(args: &[JsValue], i: usize, cx: &mut Context) -> JsResult<String> {
    Ok(args
        .get_or_undefined(i)
        .to_string(cx)?
        .to_std_string_escaped())
}

/// `args[i]`, which must be an object (`what` names it in the error).
pub(crate) fn object(args: &[JsValue], i: usize, what: &str) -> JsResult<JsObject> {
    args.get_or_undefined(i).as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message(format!("{what} must be an object"))
            .into()
    })
}

/// The elements of the array `args[i]` as strings (`what` names it in the error).
pub(crate) fn strings(
    args: &[JsValue],
    i: usize,
    what: &str,
    cx: &mut Context,
) -> JsResult<Vec<String>> {
    let array = JsArray::from_object(object(args, i, what)?)?;
    let mut out = Vec::new();
    for k in 0..array.length(cx)? {
        out.push(array.get(k, cx)?.to_string(cx)?.to_std_string_escaped());
    }
    Ok(out)
}

/// The bytes of a `Uint8Array` (the JavaScript side passes every ArrayBufferView as one).
pub(crate) fn bytes(v: &JsValue, cx: &mut Context) -> JsResult<Option<Vec<u8>>> {
    match v.as_object() {
        None => Ok(None),
        Some(o) => Ok(Some(JsUint8Array::from_object(o)?.iter(cx).collect())),
    }
}

/// An options object from the JavaScript side (prototype-less, built there from validated
/// values, so reading a field runs no user code). `undefined` reads as an empty one.
pub(crate) struct Options(Option<JsObject>);

impl Options {
    /// The options object `args[i]`.
    pub(crate) fn at(args: &[JsValue], i: usize) -> Self {
        Self(args.get_or_undefined(i).as_object())
    }

    /// The field `name` (`undefined` when absent).
    pub(crate) fn value(&self, name: &str, cx: &mut Context) -> JsResult<JsValue> {
        match &self.0 {
            Some(o) => o.get(JsString::from(name), cx),
            None => Ok(JsValue::undefined()),
        }
    }

    /// A string field; `None` when `undefined`.
    pub(crate) fn string(&self, name: &str, cx: &mut Context) -> JsResult<Option<String>> {
        let v = self.value(name, cx)?;
        if v.is_undefined() {
            return Ok(None);
        }
        Ok(Some(v.to_string(cx)?.to_std_string_escaped()))
    }

    /// An integer field (0 when absent).
    pub(crate) fn i32(&self, name: &str, cx: &mut Context) -> JsResult<i32> {
        self.value(name, cx)?.to_i32(cx)
    }

    /// A boolean field (`false` when absent).
    pub(crate) fn bool(&self, name: &str, cx: &mut Context) -> JsResult<bool> {
        Ok(self.value(name, cx)?.to_boolean())
    }

    /// An object field, if it is one.
    pub(crate) fn object(&self, name: &str, cx: &mut Context) -> JsResult<Option<JsObject>> {
        Ok(self.value(name, cx)?.as_object())
    }

    /// A function field, if it is one.
    pub(crate) fn function(&self, name: &str, cx: &mut Context) -> JsResult<Option<JsObject>> {
        Ok(self.object(name, cx)?.filter(JsObject::is_callable))
    }

    /// A duration in milliseconds; `None` when `undefined`.
    pub(crate) fn millis(&self, name: &str, cx: &mut Context) -> JsResult<Option<Duration>> {
        let v = self.value(name, cx)?;
        if v.is_undefined() {
            return Ok(None);
        }
        // Validated as a non-negative safe integer on the JavaScript side.
        Ok(Some(Duration::from_millis(v.to_number(cx)? as u64)))
    }

    /// A `Uint8Array` field's bytes; `None` when absent.
    pub(crate) fn bytes(&self, name: &str, cx: &mut Context) -> JsResult<Option<Vec<u8>>> {
        let v = self.value(name, cx)?;
        bytes(&v, cx)
    }
}
