//! The one deserializer of the core's typed JSON inputs: a `serde::Deserializer` over a
//! `&serde_json::Value` that also records where an error happened (`path`).
//!
//! Every typed input (JSON API calls, tax inputs, rule sets, embedded data) is read from a
//! parsed `Value` through this type, so each input type's `Deserialize` code is compiled once
//! (the npm package's size: serde_json's `&Value` deserializer plus `serde_path_to_error` had
//! every type compiled twice).
//!
//! It behaves as serde_json's `&Value` deserializer (same error messages: the error type is
//! `serde_json::Error`) with one exception: a struct is read only from a JSON object, never
//! positionally from an array (serde's array form of a struct doubled every struct's code, and
//! no input of the core is documented as an array). It reports paths as `serde_path_to_error`
//! did:
//! field names joined by `.`, array indexes as `[i]`, `.` for the root; the innermost failing
//! value wins, and an error raised by a struct itself (a missing field) is reported at the
//! struct.

use std::cell::Cell;
use std::fmt::Write as _;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, Error as _, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::{Error, Map, Value};

/// A deserialization error and where it happened (`a.b[2].c`, `.` for the root).
#[derive(Debug)]
pub(crate) struct PathError {
    /// As `serde_path_to_error::Path`'s `Display`.
    pub path: String,
    /// The error, with serde_json's message.
    pub error: Error,
}

/// Deserializes `T` from `value`, recording the path of an error.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, PathError> {
    let track = Track(Cell::new(None));
    let root = Chain::Root;
    T::deserialize(Tracked {
        value,
        chain: &root,
        track: &track,
    })
    .map_err(|error| PathError {
        path: track.0.take().unwrap_or_else(|| render(&root)),
        error,
    })
}

/// Parses JSON text, then deserializes `T` from it: syntax errors keep serde_json's line and
/// column, and every type is read by [`from_value`]'s deserializer.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, PathError> {
    let value: Value = serde_json::from_str(text).map_err(|error| PathError {
        path: ".".to_owned(),
        error,
    })?;
    from_value(&value)
}

/// Where a value is, from the root (a linked list on the stack).
enum Chain<'c> {
    Root,
    Index { parent: &'c Chain<'c>, index: usize },
    Key { parent: &'c Chain<'c>, key: &'c str },
}

/// The path of the first (innermost) error.
struct Track(Cell<Option<String>>);

impl Track {
    fn trigger(&self, chain: &Chain<'_>, error: Error) -> Error {
        let first = self.0.take().unwrap_or_else(|| render(chain));
        self.0.set(Some(first));
        error
    }
}

fn render(chain: &Chain<'_>) -> String {
    let mut segments = Vec::new();
    let mut link = chain;
    loop {
        match link {
            Chain::Root => break,
            Chain::Index { parent, .. } | Chain::Key { parent, .. } => {
                segments.push(link);
                link = parent;
            }
        }
    }
    if segments.is_empty() {
        return ".".to_owned();
    }
    let mut path = String::new();
    for segment in segments.iter().rev() {
        match segment {
            Chain::Index { index, .. } => {
                let _ = write!(path, "[{index}]");
            }
            Chain::Key { key, .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Chain::Root => {}
        }
    }
    path
}

/// What serde_json's `&Value` deserializer reports as the unexpected value.
pub(crate) fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(flag) => Unexpected::Bool(*flag),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(unsigned), _) => Unexpected::Unsigned(unsigned),
            (None, Some(signed)) => Unexpected::Signed(signed),
            (None, None) => Unexpected::Float(number.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[derive(Clone, Copy)]
struct Tracked<'de, 'c> {
    value: &'de Value,
    chain: &'c Chain<'c>,
    track: &'c Track,
}

impl<'de> Tracked<'de, '_> {
    fn invalid(self, expected: &dyn de::Expected) -> Error {
        Error::invalid_type(unexpected(self.value), expected)
    }

    fn array<V: Visitor<'de>>(self, items: &'de [Value], visitor: V) -> Result<V::Value, Error> {
        let mut access = Items {
            items: items.iter(),
            index: 0,
            chain: self.chain,
            track: self.track,
        };
        let seq = visitor.visit_seq(&mut access)?;
        if access.items.len() == 0 {
            Ok(seq)
        } else {
            Err(Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            ))
        }
    }

    fn object<V: Visitor<'de>>(
        self,
        map: &'de Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut access = Entries {
            entries: map.iter(),
            pending: None,
            chain: self.chain,
            track: self.track,
        };
        let out = visitor.visit_map(&mut access)?;
        if access.entries.len() == 0 {
            Ok(out)
        } else {
            Err(Error::invalid_length(map.len(), &"fewer elements in map"))
        }
    }
}

/// Scalars are read by serde_json's own `&Value` deserializer (no path below them).
macro_rules! scalar {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            de::Deserializer::$method(self.value, visitor)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Tracked<'de, '_> {
    type Error = Error;

    scalar! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => self.array(items, visitor),
            Value::Object(map) => self.object(map, visitor),
            scalar => de::Deserializer::deserialize_any(scalar, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => self.array(items, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(map) => self.object(map, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(map) => self.object(map, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (variant, value) = match self.value {
            Value::String(variant) => (variant.as_str(), None),
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((variant, value)), None) => (variant.as_str(), Some(value)),
                    _ => {
                        return Err(Error::invalid_value(
                            Unexpected::Map,
                            &"map with a single key",
                        ));
                    }
                }
            }
            _ => return Err(self.invalid(&"string or map")),
        };
        visitor.visit_enum(Variant {
            variant,
            value,
            chain: self.chain,
            track: self.track,
        })
    }
}

struct Items<'de, 'c> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
    chain: &'c Chain<'c>,
    track: &'c Track,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let chain = Chain::Index {
            parent: self.chain,
            index: self.index,
        };
        self.index += 1;
        seed.deserialize(Tracked {
            value,
            chain: &chain,
            track: self.track,
        })
        .map(Some)
        .map_err(|error| self.track.trigger(&chain, error))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'de, 'c> {
    entries: serde_json::map::Iter<'de>,
    pending: Option<(&'de str, &'de Value)>,
    chain: &'c Chain<'c>,
    track: &'c Track,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::<Error>::new(key))
            .map(Some)
            .map_err(|error| {
                let chain = Chain::Key {
                    parent: self.chain,
                    key,
                };
                self.track.trigger(&chain, error)
            })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(Error::custom("value is missing"));
        };
        let chain = Chain::Key {
            parent: self.chain,
            key,
        };
        seed.deserialize(Tracked {
            value,
            chain: &chain,
            track: self.track,
        })
        .map_err(|error| self.track.trigger(&chain, error))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'de, 'c> {
    variant: &'de str,
    value: Option<&'de Value>,
    chain: &'c Chain<'c>,
    track: &'c Track,
}

impl<'de, 'c> EnumAccess<'de> for Variant<'de, 'c> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let variant: de::value::StrDeserializer<'_, Error> = self.variant.into_deserializer();
        match seed.deserialize(variant) {
            Ok(tag) => Ok((tag, self)),
            Err(error) => Err(self.track.trigger(self.chain, error)),
        }
    }
}

impl<'de> Variant<'de, '_> {
    /// The variant's content, read with the variant's name in the path.
    fn content<T>(
        self,
        expected: &str,
        read: impl FnOnce(Tracked<'de, '_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let Some(value) = self.value else {
            return Err(Error::invalid_type(Unexpected::UnitVariant, &expected));
        };
        let chain = Chain::Key {
            parent: self.chain,
            key: self.variant,
        };
        read(Tracked {
            value,
            chain: &chain,
            track: self.track,
        })
        .map_err(|error| self.track.trigger(&chain, error))
    }
}

impl<'de> VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => {
                let chain = Chain::Key {
                    parent: self.chain,
                    key: self.variant,
                };
                let error = Error::invalid_type(unexpected(other), &"unit");
                Err(self.track.trigger(&chain, error))
            }
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        self.content("newtype variant", |tracked| seed.deserialize(tracked))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.content("tuple variant", |tracked| match tracked.value {
            Value::Array(items) if items.is_empty() => visitor.visit_unit(),
            Value::Array(items) => tracked.array(items, visitor),
            _ => Err(tracked.invalid(&"tuple variant")),
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.content("struct variant", |tracked| match tracked.value {
            Value::Object(map) => tracked.object(map, visitor),
            _ => Err(tracked.invalid(&"struct variant")),
        })
    }
}

/// Test corpus for hand-written readers of tagged objects: every object with `"type"` set to
/// each of `tags` (JSON texts; `None`: no tag) and each of `fields` absent or set to each of
/// `values` (JSON texts), the tag first in half of them and last in the others.
#[cfg(test)]
pub(crate) fn tagged_objects(
    tags: &[Option<&str>],
    fields: &[&str],
    values: &[Option<&str>],
) -> Vec<String> {
    let mut objects = Vec::new();
    for tag in tags {
        for combination in 0..values.len().pow(fields.len() as u32) {
            let mut members: Vec<String> = tag.iter().map(|t| format!("\"type\":{t}")).collect();
            let mut rest = combination;
            for field in fields {
                if let Some(value) = values[rest % values.len()] {
                    members.push(format!("\"{field}\":{value}"));
                }
                rest /= values.len();
            }
            if combination % 2 == 1 && members.len() > 1 {
                members.rotate_left(1);
            }
            objects.push(format!("{{{}}}", members.join(",")));
        }
    }
    objects
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        #[serde(default)]
        items: Vec<Inner>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        amount: u64,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        Plain,
        Sized { size: u32 },
    }

    fn error(value: Value) -> (String, String) {
        let error = from_value::<Outer>(&value).expect_err("refused");
        (error.path, error.error.to_string())
    }

    /// The same paths and messages as `serde_path_to_error` over serde_json's `&Value`.
    #[test]
    fn paths_and_messages_match_serde_path_to_error() {
        let cases = [
            json!({}),
            json!({"name": 1}),
            json!({"name": "a", "extra": 1}),
            json!({"name": "a", "items": [{"amount": 1}, {"amount": -1}]}),
            json!({"name": "a", "items": [{"amount": 1}, {}]}),
            json!({"name": "a", "items": [{"amount": 1.5}]}),
            json!({"name": "a", "items": {"amount": 1}}),
            json!({"name": "a", "kind": "other"}),
            json!({"name": "a", "kind": {"sized": {"size": "x"}}}),
            json!({"name": "a", "kind": {"sized": {}, "plain": null}}),
            json!({"name": "a", "kind": {"plain": 3}}),
            json!({"name": "a", "kind": 3}),
            json!({"name": null}),
            json!("text"),
        ];
        for case in cases {
            let expected =
                serde_path_to_error::deserialize::<_, Outer>(&case).expect_err("refused");
            assert_eq!(
                error(case.clone()),
                (expected.path().to_string(), expected.inner().to_string()),
                "{case}"
            );
        }
    }

    /// serde_json would read `Outer` from `["a"]`; a struct is an object here.
    #[test]
    fn a_struct_is_an_object_not_an_array() {
        assert_eq!(
            error(json!(["a"])),
            (
                ".".to_owned(),
                "invalid type: sequence, expected struct Outer".to_owned()
            )
        );
        assert_eq!(
            error(json!({"name": "a", "items": [[1]]})).0,
            "items[0]".to_owned()
        );
    }

    #[test]
    fn accepts_what_serde_json_accepts() {
        let value = json!({"name": "a", "items": [{"amount": 2}], "kind": {"sized": {"size": 3}}});
        let outer: Outer = from_value(&value).expect("valid");
        assert_eq!(outer.items[0].amount, 2);
        assert!(matches!(outer.kind, Some(Kind::Sized { size: 3 })));
        let text = from_str::<Outer>("{\"name\": ").expect_err("syntax");
        assert_eq!(text.error.line(), 1);
    }
}
