//! Intl in every context: the host's default locale and time zone, taken from the environment
//! the way Node (through ICU) takes them.
//!
//! Boa's `Intl` (feature `intl`, on by default) is part of every realm's intrinsics, so each vm
//! context already has its own `Intl` with its own prototypes. What Boa 0.22 does not let a host
//! decide, and what this module adjusts:
//!
//! * **Default locale.** Boa reads it with `sys_locale` on every `DefaultLocale()`: `LANGUAGE`
//!   first, then `LC_ALL`, `LC_MESSAGES`, `LANG`, and `C`/`POSIX` become `und`. ICU (Node)
//!   ignores `LANGUAGE` and maps `C`/`POSIX` (also `C.UTF-8`) to `en-US`. There is no host hook,
//!   so [`use_node_default_locale`] writes Node's answer to `LANGUAGE`, the variable Boa reads
//!   first (a process-wide setting: binaries call it at start-up, before any thread exists).
//! * **Default time zone.** Boa 0.22's `Intl.DateTimeFormat` and `Date.prototype.toLocale*String`
//!   use `UTC` when no `timeZone` option is given (`SystemTimeZoneIdentifier` is a TODO there).
//!   When the host's zone ([`host_time_zone`], from `TZ` or `/etc/localtime`) is not UTC, each
//!   realm gets thin wrappers of those four functions that pass the host zone as the default
//!   (`patch_realm`). `Date`'s own local time (`getTimezoneOffset`, `toString`) already follows
//!   `TZ` in Boa (through the C library).

/// Node's default locale for an environment read through `var` (`LC_ALL`, then `LC_MESSAGES`,
/// then `LANG`, the first one set wins even when empty, as in ICU): the codeset (`.UTF-8`) and
/// modifier (`@euro`) are dropped, `_` becomes `-`, `C` and `POSIX` (or nothing set) give
/// `en-US`, and an empty or malformed value gives `und`.
pub fn node_default_locale(var: impl Fn(&str) -> Option<String>) -> String {
    let Some(raw) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| var(k))
    else {
        return "en-US".to_owned();
    };
    let base: String = raw.chars().take_while(|&c| c != '.' && c != '@').collect();
    if base == "C" || base == "POSIX" {
        return "en-US".to_owned();
    }
    let tag = base.replace('_', "-");
    if well_formed_tag(&tag) {
        tag
    } else {
        "und".to_owned()
    }
}

/// A conservative check of a `language[-Script][-REGION][-variant]*` tag (what a POSIX locale
/// name gives): ASCII alphanumeric subtags of 1–8 characters, the first alphabetic, 2–3 or 5–8.
fn well_formed_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(lang) = parts.next() else {
        return false;
    };
    let lang_ok =
        matches!(lang.len(), 2 | 3 | 5..=8) && lang.chars().all(|c| c.is_ascii_alphabetic());
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The default locale Node would use in this process's environment.
pub fn host_default_locale() -> String {
    node_default_locale(|k| std::env::var(k).ok())
}

/// The process environment as it was before [`use_node_default_locale`] (`LANGUAGE` restored to
/// its earlier value, or left out if it was unset): what `process.env` should show.
pub fn user_env_vars() -> Vec<(String, String)> {
    let mut vars: Vec<(String, String)> = std::env::vars().collect();
    if let Some(original) = ORIGINAL_LANGUAGE.get() {
        vars.retain(|(k, _)| k != "LANGUAGE");
        if let Some(v) = original {
            vars.push(("LANGUAGE".to_owned(), v.clone()));
        }
    }
    vars
}

static ORIGINAL_LANGUAGE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Makes Boa's `Intl` default locale Node's ([`host_default_locale`]) by setting the process's
/// `LANGUAGE` variable, which Boa reads first (Boa 0.22 has no default-locale hook). Call it once
/// at start-up, before other threads run (changing the environment is not thread-safe); later
/// calls do nothing. [`user_env_vars`] still shows the previous value.
pub fn use_node_default_locale() {
    let mut first = false;
    ORIGINAL_LANGUAGE.get_or_init(|| {
        first = true;
        std::env::var("LANGUAGE").ok()
    });
    if first {
        std::env::set_var("LANGUAGE", host_default_locale());
    }
}

/// Node's time zone for a `TZ` value (`None`: unset) and the target of `/etc/localtime`:
/// `TZ`'s leading `:` is dropped, a path is reduced to the part after `zoneinfo/`; without
/// `TZ`, the zone `/etc/localtime` links to; `None` when neither gives a name.
pub fn node_time_zone(tz: Option<&str>, localtime: Option<&std::path::Path>) -> Option<String> {
    let from_path = |p: &str| p.split_once("zoneinfo/").map(|(_, z)| z.to_owned());
    match tz {
        Some(tz) => {
            let tz = tz.strip_prefix(':').unwrap_or(tz);
            if tz.is_empty() {
                None
            } else if tz.starts_with('/') {
                from_path(tz)
            } else {
                Some(tz.to_owned())
            }
        }
        None => localtime.and_then(|p| from_path(&p.to_string_lossy())),
    }
}

/// The host's time zone as Node finds it (`TZ`, else the `/etc/localtime` link), read once.
pub fn host_time_zone() -> Option<String> {
    static ZONE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        let tz = std::env::var("TZ").ok();
        let link = std::fs::read_link("/etc/localtime").ok();
        node_time_zone(tz.as_deref(), link.as_deref())
    })
    .clone()
}

/// Whether `zone` is a name of UTC itself, what Boa already uses by default.
#[cfg_attr(not(feature = "intl"), allow(dead_code))]
fn is_utc(zone: &str) -> bool {
    matches!(
        zone,
        "UTC"
            | "Etc/UTC"
            | "Etc/UCT"
            | "UCT"
            | "Etc/Universal"
            | "Universal"
            | "Etc/Zulu"
            | "Zulu"
            | "GMT"
            | "Etc/GMT"
            | "Etc/GMT0"
            | "Etc/GMT+0"
            | "Etc/GMT-0"
            | "GMT0"
            | "GMT+0"
            | "GMT-0"
            | "Etc/Greenwich"
            | "Greenwich"
    )
}

#[cfg(feature = "intl")]
pub(crate) use intl::patch_realm;

/// Without `intl` there is nothing to adjust.
#[cfg(not(feature = "intl"))]
pub(crate) fn patch_realm(_cx: &mut boa_engine::Context) -> boa_engine::JsResult<()> {
    Ok(())
}

#[cfg(feature = "intl")]
mod intl {
    use icu_time::zone::iana::{IanaParser, IanaParserExtended};

    use boa_engine::{
        builtins::object::OrdinaryObject, js_string, object::FunctionObjectBuilder,
        property::PropertyKey, Context, JsObject, JsResult, JsString, JsValue, NativeFunction,
    };

    /// Limits of Boa 0.22's `Intl.DateTimeFormat`, adjusted in the current realm:
    /// * `resolvedOptions().timeZone` is the BCP-47 id (`utc`, `deber`): a wrapper of
    ///   `resolvedOptions` reports the IANA name (`UTC`, `Europe/Berlin`) as V8 does;
    /// * without a `timeZone` option dates are formatted in UTC: when the host's zone is another
    ///   one (and known to ICU4X), `Intl.DateTimeFormat` and `Date.prototype.toLocale{,Date,Time}
    ///   String` become wrappers that default `timeZone` to it. An unknown zone leaves them as
    ///   they are (Node reports `undefined` for such a zone).
    pub(crate) fn patch_realm(cx: &mut Context) -> JsResult<()> {
        let dtf = cx
            .intrinsics()
            .constructors()
            .date_time_format()
            .constructor();
        let proto = cx
            .intrinsics()
            .constructors()
            .date_time_format()
            .prototype();
        wrap_resolved_options(&proto, cx)?;
        let Some(zone) = super::host_time_zone().filter(|z| !super::is_utc(z) && known_zone(z))
        else {
            return Ok(());
        };
        let zone = JsString::from(zone);
        wrap_date_time_format(&dtf, &zone, cx)?;
        let date_proto = cx.intrinsics().constructors().date().prototype();
        for name in ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"] {
            wrap_to_locale(&date_proto, name, &zone, cx)?;
        }
        Ok(())
    }

    /// BCP-47 time zone id → IANA name, from the ICU4X data Boa bakes in (built once).
    fn iana_names() -> &'static std::collections::HashMap<String, String> {
        static MAP: std::sync::OnceLock<std::collections::HashMap<String, String>> =
            std::sync::OnceLock::new();
        MAP.get_or_init(|| {
            let mut map = std::collections::HashMap::new();
            let provider = boa_icu_provider::buffer();
            let Ok(parser) = IanaParser::try_new_with_buffer_provider(&provider) else {
                return map;
            };
            let Ok(ext) =
                IanaParserExtended::try_new_with_parser_with_buffer_provider(&provider, parser)
            else {
                return map;
            };
            for entry in ext.as_borrowed().iter_all() {
                map.entry(entry.time_zone.to_string())
                    .or_insert_with(|| entry.canonical.to_owned());
            }
            // ECMA-402 (and V8) name UTC `UTC`, also for `Etc/GMT` and its aliases.
            map.insert("utc".to_owned(), "UTC".to_owned());
            map.insert("gmt".to_owned(), "UTC".to_owned());
            map
        })
    }

    /// Whether ICU4X knows the IANA zone `name`.
    fn known_zone(name: &str) -> bool {
        let provider = boa_icu_provider::buffer();
        IanaParser::try_new_with_buffer_provider(&provider)
            .is_ok_and(|p| p.as_borrowed().parse(name) != icu_time::TimeZone::UNKNOWN)
    }

    fn wrap_resolved_options(proto: &JsObject, cx: &mut Context) -> JsResult<()> {
        wrap_method(
            proto,
            "resolvedOptions",
            &js_string!(),
            resolved_options,
            cx,
        )
    }

    /// `resolvedOptions` reporting the IANA name of a time zone ICU knows by an alias.
    fn resolved_options(
        this: &JsValue,
        args: &[JsValue],
        c: &Captured,
        cx: &mut Context,
    ) -> JsResult<JsValue> {
        let result = c.original.call(this, args, cx)?;
        let Some(obj) = result.as_object() else {
            return Ok(result);
        };
        let key = js_string!("timeZone");
        let zone = obj.get(key.clone(), cx)?;
        if let Some(name) = zone
            .as_string()
            .and_then(|z| iana_names().get(&z.to_std_string_escaped()))
        {
            obj.create_data_property_or_throw(key, JsString::from(name.as_str()), cx)?;
        }
        Ok(result)
    }

    /// Replaces `proto[name]` (when it is an object) by a builtin-looking function running
    /// `body` with the original and `zone`.
    fn wrap_method(
        proto: &JsObject,
        name: &str,
        zone: &JsString,
        body: fn(&JsValue, &[JsValue], &Captured, &mut Context) -> JsResult<JsValue>,
        cx: &mut Context,
    ) -> JsResult<()> {
        let original = proto.get(JsString::from(name), cx)?;
        let Some(original) = original.as_object() else {
            return Ok(());
        };
        let realm = cx.realm().clone();
        let captured = Captured {
            original: original.clone(),
            zone: zone.clone(),
        };
        let wrapper = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_copy_closure_with_captures(body, captured),
        )
        .name(JsString::from(name))
        .length(0)
        .build();
        crate::workarounds::define_builtin(proto, JsString::from(name), wrapper, cx)
    }

    /// `options` with `timeZone` defaulting to `zone`: `undefined` becomes `{ timeZone }`; an
    /// object without a `timeZone` gets a child object holding it (its other options read
    /// through the prototype chain); anything else is passed on.
    fn with_zone(options: &JsValue, zone: &JsString, cx: &mut Context) -> JsResult<JsValue> {
        if options.is_undefined() {
            let o = JsObject::with_object_proto(cx.intrinsics());
            o.create_data_property_or_throw(js_string!("timeZone"), zone.clone(), cx)?;
            return Ok(o.into());
        }
        let Some(obj) = options.as_object() else {
            return Ok(options.clone());
        };
        if !obj.get(js_string!("timeZone"), cx)?.is_undefined() {
            return Ok(options.clone());
        }
        let child = JsObject::from_proto_and_data(Some(obj.clone()), OrdinaryObject);
        child.create_data_property_or_throw(js_string!("timeZone"), zone.clone(), cx)?;
        Ok(child.into())
    }

    fn args_with_zone(
        args: &[JsValue],
        zone: &JsString,
        cx: &mut Context,
    ) -> JsResult<Vec<JsValue>> {
        let locales = args.first().cloned().unwrap_or_default();
        let options = with_zone(&args.get(1).cloned().unwrap_or_default(), zone, cx)?;
        let mut out = vec![locales, options];
        out.extend(args.iter().skip(2).cloned());
        Ok(out)
    }

    #[derive(boa_gc::Trace, boa_gc::Finalize)]
    struct Captured {
        original: JsObject,
        zone: JsString,
    }

    fn wrap_date_time_format(dtf: &JsObject, zone: &JsString, cx: &mut Context) -> JsResult<()> {
        let realm = cx.realm().clone();
        let wrapper = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_copy_closure_with_captures(
                |this, args, c: &Captured, cx| {
                    let args = args_with_zone(args, &c.zone, cx)?;
                    // Boa hands a native constructor its new.target as `this`.
                    match this.as_object().filter(JsObject::is_constructor) {
                        Some(new_target) => c
                            .original
                            .construct(&args, Some(&new_target), cx)
                            .map(JsValue::from),
                        None => c.original.call(this, &args, cx),
                    }
                },
                Captured {
                    original: dtf.clone(),
                    zone: zone.clone(),
                },
            ),
        )
        .name(js_string!("DateTimeFormat"))
        .length(0)
        .constructor(true)
        .build();
        let wrapper: JsObject = wrapper.into();
        // The wrapper takes over the constructor's own properties (prototype, supportedLocalesOf)
        // so that `Intl.DateTimeFormat.prototype.constructor === Intl.DateTimeFormat` holds.
        for key in dtf.own_property_keys(cx)? {
            let skip: [PropertyKey; 2] = [js_string!("length").into(), js_string!("name").into()];
            if skip.contains(&key) {
                continue;
            }
            let desc = OrdinaryObject::get_own_property_descriptor(
                &JsValue::undefined(),
                &[dtf.clone().into(), key.clone().into()],
                cx,
            )?;
            if !desc.is_undefined() {
                let desc = desc.to_property_descriptor(cx)?;
                wrapper.define_property_or_throw(key, desc, cx)?;
            }
        }
        let proto = dtf.get(js_string!("prototype"), cx)?;
        if let Some(proto) = proto.as_object() {
            crate::workarounds::define_builtin(
                &proto,
                js_string!("constructor"),
                wrapper.clone(),
                cx,
            )?;
        }
        let intl: JsObject = cx.intrinsics().objects().intl().upcast();
        crate::workarounds::define_builtin(&intl, js_string!("DateTimeFormat"), wrapper, cx)
    }

    fn wrap_to_locale(
        proto: &JsObject,
        name: &str,
        zone: &JsString,
        cx: &mut Context,
    ) -> JsResult<()> {
        wrap_method(proto, name, zone, to_locale_in_zone, cx)
    }

    /// A `Date.prototype.toLocale*String` whose options default to the process time zone.
    fn to_locale_in_zone(
        this: &JsValue,
        args: &[JsValue],
        c: &Captured,
        cx: &mut Context,
    ) -> JsResult<JsValue> {
        // `this` is checked first, as the original does, before options are read.
        let is_date = this
            .as_object()
            .is_some_and(|o| o.is::<boa_engine::builtins::date::Date>());
        if !is_date {
            return c.original.call(this, args, cx);
        }
        let args = args_with_zone(args, &c.zone, cx)?;
        c.original.call(this, &args, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn default_locale_as_node() {
        assert_eq!(node_default_locale(env(&[])), "en-US");
        assert_eq!(node_default_locale(env(&[("LANG", "C")])), "en-US");
        assert_eq!(node_default_locale(env(&[("LANG", "C.UTF-8")])), "en-US");
        assert_eq!(node_default_locale(env(&[("LANG", "POSIX")])), "en-US");
        assert_eq!(node_default_locale(env(&[("LANG", "")])), "und");
        assert_eq!(
            node_default_locale(env(&[("LANG", "de_DE.UTF-8")])),
            "de-DE"
        );
        assert_eq!(node_default_locale(env(&[("LANG", "pt_BR.utf8")])), "pt-BR");
        assert_eq!(
            node_default_locale(env(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")])),
            "fr-FR"
        );
        assert_eq!(
            node_default_locale(env(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "it_IT")])),
            "it-IT"
        );
        assert_eq!(
            node_default_locale(env(&[("LANG", "de_DE.UTF-8"), ("LANGUAGE", "es")])),
            "de-DE"
        );
        assert_eq!(node_default_locale(env(&[("LANG", "garbage!!")])), "und");
    }

    #[test]
    fn time_zone_as_node() {
        use std::path::Path;
        let link = Path::new("/usr/share/zoneinfo/Etc/UTC");
        assert_eq!(node_time_zone(None, Some(link)).as_deref(), Some("Etc/UTC"));
        assert_eq!(
            node_time_zone(Some("Europe/Berlin"), Some(link)).as_deref(),
            Some("Europe/Berlin")
        );
        assert_eq!(
            node_time_zone(Some(":Europe/Berlin"), None).as_deref(),
            Some("Europe/Berlin")
        );
        assert_eq!(
            node_time_zone(Some("/usr/share/zoneinfo/Asia/Tokyo"), None).as_deref(),
            Some("Asia/Tokyo")
        );
        assert_eq!(node_time_zone(Some(""), Some(link)), None);
        assert_eq!(node_time_zone(None, None), None);
        assert!(is_utc("UTC") && is_utc("Etc/UTC") && !is_utc("Europe/Berlin"));
    }
}
