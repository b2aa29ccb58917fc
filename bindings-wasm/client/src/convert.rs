//! Values across the boundary: JSON text both ways (the records are the API's JSON), and
//! errors as the package's `KotaCerdasError`.

use std::cell::RefCell;

use js_sys::{Array, Function, JSON, Object, Reflect};
use kotacerdas_client::ClientError;
use kotacerdas_core::Problem;
use kotacerdas_core::json_api::CallError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

thread_local! {
    // Registered by the entry point: builds a `KotaCerdasError` (the class of the core
    // package, so that `instanceof` holds across both modules) in the current language.
    static ERROR_FACTORY: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Called once by the entry point with
/// `(code, fields, messages, status, problems) => KotaCerdasError`.
#[wasm_bindgen(js_name = __setErrorFactory, skip_typescript)]
pub fn set_error_factory(factory: Function) {
    ERROR_FACTORY.with(|cell| *cell.borrow_mut() = Some(factory));
}

/// A client error as the JS exception: code, fields, messages, HTTP status (auth and server
/// errors) and the core's field problems (validation).
pub(crate) fn client_error(error: &ClientError) -> JsValue {
    let (status, problems) = match error {
        ClientError::Auth { status, .. } => (Some(*status), Vec::new()),
        ClientError::Server {
            status, problems, ..
        } => (Some(*status), problems.clone()),
        _ => (None, Vec::new()),
    };
    let problems = to_js(&problems).unwrap_or_else(|_| Array::new().into());
    from_problem(&error.problem(), status, &problems)
}

/// `CALL_INVALID_INPUT`: an argument that does not fit (wrong type, unknown draft field).
pub(crate) fn invalid_input(reason: &str) -> JsValue {
    let problem = Problem::from_coded(&CallError::InvalidInput {
        reason: reason.to_owned(),
    });
    from_problem(&problem, None, &Array::new().into())
}

fn from_problem(problem: &Problem, status: Option<u16>, problems: &JsValue) -> JsValue {
    let fields = Object::new();
    for (key, value) in &problem.fields {
        set(&fields, key, &JsValue::from_str(value));
    }
    let messages = Object::new();
    set(&messages, "id", &JsValue::from_str(&problem.message_id));
    set(&messages, "en", &JsValue::from_str(&problem.message_en));
    let code = JsValue::from_str(&problem.code);
    let status = status.map_or(JsValue::UNDEFINED, JsValue::from);
    let factory = ERROR_FACTORY.with(|cell| cell.borrow().clone());
    if let Some(factory) = factory {
        let args = Array::of5(&code, &fields, &messages, &status, problems);
        if let Ok(error) = factory.apply(&JsValue::NULL, &args) {
            return error;
        }
    }
    // Raw glue without the entry point: a plain Error with the same properties.
    let error = Object::from(JsValue::from(js_sys::Error::new(&problem.message_id)));
    set(&error, "name", &JsValue::from_str("KotaCerdasError"));
    set(&error, "code", &code);
    set(&error, "fields", &fields);
    set(&error, "messages", &messages);
    set(&error, "status", &status);
    set(&error, "problems", problems);
    error.into()
}

pub(crate) fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// A Rust record as a plain JS value (through JSON text, as the API sends it).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| invalid_input(&e.to_string()))?;
    JSON::parse(&text).map_err(|_| invalid_input("output is not JSON"))
}

/// A JS value as a Rust record; `what` names the argument in the error.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    let text = JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| invalid_input(&format!("{what} cannot be converted to JSON")))?;
    serde_json::from_str(&text).map_err(|e| invalid_input(&format!("{what}: {e}")))
}

/// A required string argument.
pub(crate) fn text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| invalid_input(&format!("{what} must be a string")))
}

/// An optional string argument (`undefined` or `null` for none).
pub(crate) fn optional_text(value: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        text(value, what).map(Some)
    }
}

/// The client's `STORAGE` error for the JS store (e.g. IndexedDB cannot be opened).
#[wasm_bindgen(js_name = __storageError, skip_typescript)]
pub fn storage_error(reason: String) -> JsValue {
    client_error(&ClientError::Storage { message: reason })
}
