//! Natives behind the WHATWG `URL` and `URLSearchParams` globals (`js/internal/url.js`): the
//! URL parser and the `application/x-www-form-urlencoded` codec of the `url` crate, which
//! implements the WHATWG URL Standard (its `quirks` module is the standard's API).
use boa_engine::{object::builtins::JsArray, Context, JsResult, JsString, JsValue};
use url::{quirks, Url};

use crate::host::{arg, str_arg, HostFn};

/// The parts of a URL in the order `internal/url` reads them.
fn parts(url: &Url, cx: &mut Context) -> JsValue {
    let list = [
        quirks::href(url),
        &quirks::origin(url),
        quirks::protocol(url),
        quirks::username(url),
        quirks::password(url),
        quirks::host(url),
        quirks::hostname(url),
        quirks::port(url),
        quirks::pathname(url),
        quirks::search(url),
        quirks::hash(url),
    ];
    JsArray::from_iter(list.iter().map(|s| JsString::from(*s).into()), cx).into()
}

fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(b) => Url::parse(b).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
}

/// Applies the setter `name` of the URL `href` (already valid); the standard's setters ignore
/// values they cannot use, so the result is always a URL.
fn set(href: &str, name: &str, value: &str) -> JsResult<Url> {
    let mut url = Url::parse(href).map_err(|e| {
        boa_engine::JsNativeError::typ().with_message(format!("internal URL no longer valid: {e}"))
    })?;
    // Each setter reports whether the value was used; an unusable one leaves the URL as it
    // was, as the standard says.
    let _ = match name {
        "protocol" => quirks::set_protocol(&mut url, value),
        "username" => quirks::set_username(&mut url, value),
        "password" => quirks::set_password(&mut url, value),
        "host" => quirks::set_host(&mut url, value),
        "hostname" => quirks::set_hostname(&mut url, value),
        "port" => quirks::set_port(&mut url, value),
        "pathname" => {
            quirks::set_pathname(&mut url, value);
            Ok(())
        }
        "search" => {
            quirks::set_search(&mut url, value);
            Ok(())
        }
        "hash" => {
            quirks::set_hash(&mut url, value);
            Ok(())
        }
        other => {
            return Err(boa_engine::JsNativeError::typ()
                .with_message(format!("no URL setter named {other}"))
                .into())
        }
    };
    Ok(url)
}

pub(crate) fn natives() -> Vec<(&'static str, HostFn)> {
    vec![
        // (input, base?) → the URL's parts, or null when it does not parse.
        ("urlParse", |_, a, cx| {
            let input = str_arg(a, 0, cx)?;
            let base = match arg(a, 1) {
                v if v.is_undefined() => None,
                v => Some(v.to_string(cx)?.to_std_string_escaped()),
            };
            Ok(parse(&input, base.as_deref()).map_or(JsValue::null(), |u| parts(&u, cx)))
        }),
        // (href, setter name, value) → the parts after the setter.
        ("urlSet", |_, a, cx| {
            let href = str_arg(a, 0, cx)?;
            let name = str_arg(a, 1, cx)?;
            let value = str_arg(a, 2, cx)?;
            let url = set(&href, &name, &value)?;
            Ok(parts(&url, cx))
        }),
        // (query without `?`) → [name, value, name, value, ...]
        ("urlFormParse", |_, a, cx| {
            let query = str_arg(a, 0, cx)?;
            let flat: Vec<JsValue> = url::form_urlencoded::parse(query.as_bytes())
                .flat_map(|(k, v)| [JsString::from(&*k).into(), JsString::from(&*v).into()])
                .collect();
            Ok(JsArray::from_iter(flat, cx).into())
        }),
        // ([name, value, ...]) → the urlencoded string.
        ("urlFormSerialize", |_, a, cx| {
            let list = arg(a, 0);
            let Some(obj) = list.as_object() else {
                return Ok(JsString::from("").into());
            };
            let len = obj
                .get(boa_engine::js_string!("length"), cx)?
                .to_length(cx)?;
            let mut out = url::form_urlencoded::Serializer::new(String::new());
            let mut i = 0;
            while i + 1 < len {
                let k = obj.get(i, cx)?.to_string(cx)?.to_std_string_escaped();
                let v = obj.get(i + 1, cx)?.to_string(cx)?.to_std_string_escaped();
                out.append_pair(&k, &v);
                i += 2;
            }
            Ok(JsString::from(out.finish()).into())
        }),
    ]
}
