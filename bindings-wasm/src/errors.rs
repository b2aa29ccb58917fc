//! Language of messages and the conversion of the core's coded errors into `KotaCerdasError`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use js_sys::{Array, Function, Object, Reflect};
use kotacerdas_core::Lang;
use kotacerdas_core::error::{Coded, Problem};
use kotacerdas_core::json_api::CallError;
use wasm_bindgen::prelude::*;

thread_local! {
    static LANGUAGE: Cell<Lang> = const { Cell::new(Lang::Id) };
    // The `KotaCerdasError` class of the JS entry point. Registered at load time; the class
    // must come from JS because a Rust-exported class cannot extend `Error`.
    static ERROR_CLASS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// The language of messages (errors and warnings): Indonesian by default.
pub(crate) fn language() -> Lang {
    LANGUAGE.with(Cell::get)
}

/// Sets the language of messages: `"id"` (Indonesian, the default) or `"en"` (English).
/// Error codes and fields do not depend on it.
#[wasm_bindgen(js_name = setLanguage)]
pub fn set_language(
    #[wasm_bindgen(unchecked_param_type = "Language")] language: JsValue,
) -> Result<(), JsValue> {
    let lang = language
        .as_string()
        .filter(|tag| tag.len() <= 16)
        .and_then(|tag| Lang::from_tag(&tag))
        .ok_or_else(|| invalid_input("language must be \"id\" or \"en\""))?;
    LANGUAGE.with(|cell| cell.set(lang));
    Ok(())
}

/// The current language of messages.
#[wasm_bindgen(js_name = getLanguage, unchecked_return_type = "Language")]
pub fn get_language() -> JsValue {
    JsValue::from_str(match language() {
        Lang::Id => "id",
        Lang::En => "en",
    })
}

/// Called once by the package's entry point with its `KotaCerdasError` class.
#[wasm_bindgen(js_name = __setErrorClass, skip_typescript)]
pub fn set_error_class(class: Function) {
    ERROR_CLASS.with(|cell| *cell.borrow_mut() = Some(class));
}

#[wasm_bindgen(typescript_custom_section)]
const LANGUAGE_TS: &str = r#"
/** Language of messages: Indonesian (`"id"`, the default) or English (`"en"`). */
export type Language = "id" | "en";
"#;

/// A coded error as the JS exception the package throws.
pub(crate) fn throw(error: &dyn Coded) -> JsValue {
    from_problem(&Problem::from_coded(error))
}

/// `CALL_INVALID_INPUT`: a JS argument of the wrong type or size.
pub(crate) fn invalid_input(reason: &str) -> JsValue {
    throw(&CallError::InvalidInput {
        reason: reason.to_owned(),
    })
}

pub(crate) fn from_problem(problem: &Problem) -> JsValue {
    let fields = string_map(&problem.fields);
    let messages = Object::new();
    set(&messages, "id", &JsValue::from_str(&problem.message_id));
    set(&messages, "en", &JsValue::from_str(&problem.message_en));
    let message = JsValue::from_str(problem.message(language()));
    let code = JsValue::from_str(&problem.code);
    let class = ERROR_CLASS.with(|cell| cell.borrow().clone());
    if let Some(class) = class {
        let args = Array::of4(&code, &message, &fields, &messages);
        if let Ok(error) = Reflect::construct(&class, &args) {
            return error;
        }
    }
    // Without the entry point (raw glue used directly): a plain Error with the same properties.
    let error: JsValue = js_sys::Error::new(problem.message(language())).into();
    let error = Object::from(error);
    set(&error, "name", &JsValue::from_str("KotaCerdasError"));
    set(&error, "code", &code);
    set(&error, "fields", &fields);
    set(&error, "messages", &messages);
    error.into()
}

pub(crate) fn string_map(map: &BTreeMap<String, String>) -> JsValue {
    let object = Object::new();
    for (key, value) in map {
        set(&object, key, &JsValue::from_str(value));
    }
    object.into()
}

pub(crate) fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}
