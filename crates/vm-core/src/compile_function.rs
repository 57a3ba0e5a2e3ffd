//! `vm.compileFunction(code, params, options)`.
use std::path::Path;

use boa_engine::{
    ast::{scope::Scope, Expression, Statement, StatementListItem},
    interner::Interner,
    parser::Parser,
    Context, JsNativeError, JsObject, JsValue, Source,
};

use crate::{
    context::VmContext,
    error::VmError,
    isolate::Isolate,
    options::ScriptOptions,
    positions::Shift,
    script::{syntax_failure_to_error, SyntaxFailure},
    workarounds,
};

/// Options of `vm.compileFunction`.
#[derive(Debug, Clone, Default)]
pub struct CompileFunctionOptions {
    /// `filename`, `lineOffset`, `columnOffset` (positions refer to the body).
    pub script: ScriptOptions,
    /// `parsingContext`: the context the function belongs to (default: the main context).
    pub parsing_context: Option<VmContext>,
    /// `contextExtensions`: objects whose properties are in scope inside the body, live (a
    /// property added after compiling is seen).
    pub context_extensions: Vec<JsObject>,
}

/// Names of the wrapper's parameters that carry the extension objects; chosen so no realistic
/// body refers to them (they are also shadowed by any extension object property of that name).
fn extension_param(i: usize) -> String {
    format!("__boavm_context_extension_{i}__")
}

fn check_parts(params: &[String], body: &str) -> Result<(), SyntaxFailure> {
    let fail = |e: boa_engine::parser::Error| {
        let (message, position) = crate::syntax_messages::v8_syntax_error(&e.to_string(), body);
        SyntaxFailure { message, position }
    };
    let mut interner = Interner::default();
    let joined = params.join(", ");
    Parser::new(Source::from_bytes(joined.as_bytes()))
        .parse_formal_parameters(&mut interner, false, false)
        .map_err(fail)?;
    Parser::new(Source::from_bytes(body.as_bytes()))
        .parse_function_body(&mut interner, false, false)
        .map_err(fail)?;
    // The parts parse on their own; make sure that, put together, they form exactly one
    // function expression (a body like `}); evil(); (function(){` parses as statements too).
    let whole = format!("(function ({joined}) {{\n{body}\n}})");
    let script = Parser::new(Source::from_bytes(whole.as_bytes()))
        .parse_script(&Scope::new_global(), &mut interner)
        .map_err(fail)?;
    let items = script.statements().statements();
    let single_function = matches!(
        items,
        [StatementListItem::Statement(s)] if matches!(
            &**s,
            Statement::Expression(Expression::Parenthesized(p))
                if matches!(p.expression(), Expression::FunctionExpression(_))
        )
    );
    if single_function {
        Ok(())
    } else {
        Err(SyntaxFailure {
            message: "Unexpected token '}'".to_owned(),
            position: None,
        })
    }
}

/// `vm.compileFunction(code, params, options)`: a function of the parsing context's realm
/// (`options.parsing_context`, default the main context).
///
/// # Errors
/// [`VmError::Thrown`] with a `SyntaxError` of that realm for invalid code or parameters;
/// [`VmError::SourceTooLarge`] / [`VmError::SourceTooDeep`]; [`VmError::EngineBusy`] when
/// `on` is the isolate and the parsing context's engine runs further up the stack.
pub fn compile_function<'a>(
    on: impl crate::Entry<'a>,
    code: &str,
    params: &[String],
    options: CompileFunctionOptions,
) -> Result<JsObject, VmError> {
    let (iso, current) = crate::entry::resolve(on)?;
    iso.compile_function_impl(current, code, params, options)
}

impl Isolate {
    fn compile_function_impl(
        &self,
        current: Option<&mut Context>,
        code: &str,
        params: &[String],
        options: CompileFunctionOptions,
    ) -> Result<JsObject, VmError> {
        self.check_source_size(code)?;
        // V8 accepts a hashbang line at the very start of a function body, as of a script: it
        // becomes a comment of the same length (positions unchanged).
        let hashbang;
        let code = match code.strip_prefix("#!") {
            Some(rest) => {
                hashbang = format!("//{rest}");
                hashbang.as_str()
            }
            None => code,
        };
        let ctx = options
            .parsing_context
            .clone()
            .unwrap_or_else(|| self.main_context());
        let script_opts = options.script.clone();
        crate::source_depth::check(&params.join(", "))?;
        let checked = crate::native_stack::guarded(|| check_parts(params, code));
        let ext_names: Vec<String> = (0..options.context_extensions.len())
            .map(extension_param)
            .collect();
        let mut header = String::from("(function (");
        if !ext_names.is_empty() {
            header.push_str(&ext_names.join(", "));
            header.push_str(") { ");
            for n in &ext_names {
                header.push_str(&format!("with ({n}) "));
            }
            header.push_str("return function (");
        }
        header.push_str(&params.join(", "));
        header.push_str(") {\n");
        let footer = if ext_names.is_empty() {
            "\n})"
        } else {
            "\n} })"
        };
        let source = format!("{header}{code}{footer}");
        let path = self.inner.shared.positions.path_for(Shift {
            filename: script_opts.filename.clone(),
            line_delta: i64::from(script_opts.line_offset) - 1,
            first_line: 2,
            column_delta: i64::from(script_opts.column_offset),
            tag: script_opts.host_tag,
        });
        let extensions = options.context_extensions.clone();
        self.inner.enter(current, &ctx.rec, |cx| {
            if let Err(f) = checked {
                return Err(syntax_failure_to_error(f, code, &script_opts, cx));
            }
            let src = Source::from_bytes(source.as_bytes()).with_path(Path::new(&path));
            workarounds::note_parse(cx, &ctx.rec.realm);
            let script = boa_engine::Script::parse(src, Some(ctx.rec.realm.clone()), cx)
                .map_err(|e| workarounds::convert_error(e, cx))?;
            let outer = script
                .evaluate(cx)
                .map_err(|e| workarounds::convert_error(e, cx))?;
            let outer = outer.as_object().ok_or_else(|| {
                VmError::Engine(crate::EngineLimit::Other(
                    "compiled function wrapper did not produce a function".into(),
                ))
            })?;
            if extensions.is_empty() {
                return Ok(outer);
            }
            let args: Vec<JsValue> = extensions.into_iter().map(JsValue::from).collect();
            let inner = outer
                .call(&JsValue::undefined(), &args, cx)
                .map_err(|e| workarounds::convert_error(e, cx))?;
            inner.as_object().ok_or_else(|| {
                workarounds::convert_error(
                    JsNativeError::typ()
                        .with_message("compileFunction: wrapper failed")
                        .into(),
                    cx,
                )
            })
        })
    }
}
