//! V8's string length limit for the builtins that build long strings in one call.
//!
//! Limit: Boa 0.22 allows strings up to 2^32 − 1 code units and builds `repeat` / `padStart` /
//! `padEnd` results through a vector of one slice per repetition (24 bytes per copy: `'a'
//! .repeat(2 ** 28)` peaks at 6.5 GB), so a one-line script can make the process abort on a
//! failed allocation. V8 refuses any string longer than 2^29 − 24 with `RangeError: Invalid
//! string length`. Each realm gets replacements that check the length first (V8's messages)
//! and build the result by doubling (peak ≈ 2× the result). `Array.prototype.join` is checked
//! where the separators alone would exceed the limit (`new Array(1e9).join()`). String
//! concatenation with `+` cannot be intercepted: see the README (memory limits). Under an
//! isolate memory limit the same builtins also refuse results that would not fit in what is
//! left of it (no check can run inside one builtin call).
use boa_engine::{
    js_string, object::FunctionObjectBuilder, Context, JsNativeError, JsObject, JsResult, JsString,
    JsValue, NativeFunction,
};

/// V8's maximum string length (`String::kMaxLength` on 64-bit hosts).
pub(crate) const MAX_STRING_LENGTH: u64 = (1 << 29) - 24;

fn invalid_length() -> boa_engine::JsError {
    JsNativeError::range()
        .with_message("Invalid string length")
        .into()
}

/// `s` repeated `n` times, by doubling (`n × s.len()` is within the limit).
fn repeat_string(s: &JsString, mut n: u64) -> JsString {
    let mut result = js_string!();
    let mut base = s.clone();
    while n > 0 {
        if n & 1 == 1 {
            result = JsString::concat(result.as_str(), base.as_str());
        }
        n >>= 1;
        if n > 0 {
            base = JsString::concat(base.as_str(), base.as_str());
        }
    }
    result
}

/// Peak bytes of building a `units`-long string like `s` by doubling (the result and the
/// largest intermediate copy).
fn doubling_bytes(s: &JsString, units: f64) -> u64 {
    let unit = if s.as_str().is_latin1() { 1.0 } else { 2.0 };
    (units * unit * 2.0) as u64
}

fn this_string(this: &JsValue, cx: &mut Context) -> JsResult<JsString> {
    if this.is_null_or_undefined() {
        return Err(JsNativeError::typ()
            .with_message("String.prototype method called on null or undefined")
            .into());
    }
    this.to_string(cx)
}

/// `String.prototype.repeat(count)`.
fn repeat(this: &JsValue, args: &[JsValue], cx: &mut Context) -> JsResult<JsValue> {
    let s = this_string(this, cx)?;
    let count = args.first().cloned().unwrap_or_default();
    let n = count.to_number(cx)?;
    let n = if n.is_nan() { 0.0 } else { n.trunc() };
    if n < 0.0 || n.is_infinite() {
        let shown = count.to_string(cx)?.to_std_string_escaped();
        return Err(JsNativeError::range()
            .with_message(format!("Invalid count value: {shown}"))
            .into());
    }
    if s.is_empty() || n == 0.0 {
        return Ok(js_string!().into());
    }
    if n * s.len() as f64 > MAX_STRING_LENGTH as f64
        || !crate::memory::admits(cx, doubling_bytes(&s, n * s.len() as f64))
    {
        return Err(invalid_length());
    }
    Ok(repeat_string(&s, n as u64).into())
}

/// StringPad (`padStart` / `padEnd`).
fn pad(this: &JsValue, args: &[JsValue], cx: &mut Context, at_start: bool) -> JsResult<JsValue> {
    let s = this_string(this, cx)?;
    let max = args.first().cloned().unwrap_or_default().to_length(cx)?;
    let len = s.len() as u64;
    if max <= len {
        return Ok(s.into());
    }
    let fill = match args.get(1) {
        None => js_string!(" "),
        Some(v) if v.is_undefined() => js_string!(" "),
        Some(v) => v.to_string(cx)?,
    };
    if fill.is_empty() {
        return Ok(s.into());
    }
    if max > MAX_STRING_LENGTH || !crate::memory::admits(cx, doubling_bytes(&fill, max as f64)) {
        return Err(invalid_length());
    }
    let fill_len = (max - len) as usize;
    let copies = fill_len.div_ceil(fill.len()) as u64;
    let filler = repeat_string(&fill, copies).slice(0, fill_len);
    let out = if at_start {
        JsString::concat(filler.as_str(), s.as_str())
    } else {
        JsString::concat(s.as_str(), filler.as_str())
    };
    Ok(out.into())
}

fn pad_start(this: &JsValue, args: &[JsValue], cx: &mut Context) -> JsResult<JsValue> {
    pad(this, args, cx, true)
}

fn pad_end(this: &JsValue, args: &[JsValue], cx: &mut Context) -> JsResult<JsValue> {
    pad(this, args, cx, false)
}

/// `Array.prototype.join`: refused up front when the separators alone pass the limit, for real
/// arrays with a primitive separator (no user code observes the extra reads); otherwise the
/// engine's join.
fn join(
    this: &JsValue,
    args: &[JsValue],
    original: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    if let Some(array) = this.as_object().filter(|o| o.is_array()) {
        let separator = args.first().cloned().unwrap_or_default();
        let sep_len = if separator.is_undefined() {
            Some(1)
        } else {
            separator.as_string().map(|s| s.len() as u64)
        };
        if let Some(sep_len) = sep_len {
            let len = array
                .get(js_string!("length"), cx)?
                .as_number()
                .unwrap_or(0.0) as u64;
            let separators = len.saturating_sub(1).saturating_mul(sep_len);
            if separators > MAX_STRING_LENGTH || !crate::memory::admits(cx, separators) {
                return Err(invalid_length());
            }
        }
    }
    original.call(this, args, cx)
}

fn install(
    cx: &mut Context,
    proto: &JsObject,
    name: &str,
    length: usize,
    f: NativeFunction,
) -> JsResult<()> {
    let realm = cx.realm().clone();
    let function = FunctionObjectBuilder::new(&realm, f)
        .name(JsString::from(name))
        .length(length)
        .constructor(false)
        .build();
    crate::workarounds::define_builtin(proto, JsString::from(name), function, cx)
}

/// Installs the length-checked builtins in the current realm.
pub(crate) fn patch_realm(cx: &mut Context) -> JsResult<()> {
    let string_proto = cx.intrinsics().constructors().string().prototype();
    install(
        cx,
        &string_proto,
        "repeat",
        1,
        NativeFunction::from_fn_ptr(repeat),
    )?;
    install(
        cx,
        &string_proto,
        "padStart",
        1,
        NativeFunction::from_fn_ptr(pad_start),
    )?;
    install(
        cx,
        &string_proto,
        "padEnd",
        1,
        NativeFunction::from_fn_ptr(pad_end),
    )?;
    let array_proto = cx.intrinsics().constructors().array().prototype();
    let original = array_proto
        .get(js_string!("join"), cx)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("Array.prototype.join missing"))?;
    install(
        cx,
        &array_proto,
        "join",
        1,
        NativeFunction::from_copy_closure_with_captures(join, original),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubling_repeat_builds_exact_copies() {
        let s = js_string!("ab");
        for n in [0u64, 1, 2, 3, 7, 8, 13] {
            let r = repeat_string(&s, n);
            assert_eq!(r.len() as u64, 2 * n);
            assert_eq!(r.to_std_string_escaped(), "ab".repeat(n as usize));
        }
    }
}
