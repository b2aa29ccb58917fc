//! The one reader of the core's typed JSON inputs, over a parsed `&serde_json::Value`, that
//! also records where an error happened (`path`).
//!
//! Every typed input (JSON API calls, tax inputs, rule sets, HKPD limits, complaint drafts,
//! catalog and SLA policies, calendar inputs) is read from a parsed `Value` by [`JsonRead`]:
//! `#[derive(JsonRead)]` (crate `kotacerdas-core-derive`) generates a small reader from the
//! type's own `#[serde(...)]` attributes (names and defaults are written once), made of one
//! call of the non-generic object walker [`read_struct`] and one [`read_into`] per field. That
//! replaced serde's derived visitors, field enums and their `Deserializer` monomorphs in the
//! npm package (346.5 KB -> see `CI_BUDGET_ARGS` in `xtask/src/npm.rs`). The types keep
//! `#[derive(Deserialize)]` for Rust users, the server and the CLI.
//!
//! The result is serde's: the same value, or the same `serde_json::Error` message (built with
//! serde's own `de::Error` constructors) at the same path, as serde's derive through this
//! module's `serde::Deserializer` ([`from_value_serde`]); in the core's tests every
//! [`from_value`] compares both (`parity`, corpus in `json_parity.rs`). That `Deserializer`
//! stays for the types `JsonRead` does not cover ([`read_with_serde!`]) and for the bindings'
//! option types (`json_api::from_value`). It behaves as serde_json's `&Value` deserializer with
//! one exception: a struct is read only from a JSON object, never positionally from an array
//! (no input of the core is documented as an array).
//!
//! Paths are reported as `serde_path_to_error` did: field names joined by `.`, array indexes
//! as `[i]`, `.` for the root; the innermost failing value wins, an error raised by a struct
//! itself (a missing field) is reported at the struct, and of several errors the first in the
//! object's order wins (serde's `visit_map`; missing fields after all present ones, in
//! declaration order).

use std::cell::Cell;
use std::fmt::Write as _;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, Error as _, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::{Error, Map, Value};

/// `#[derive(JsonRead)]`: the trait's reader written from the type's `#[serde(...)]` attributes.
pub(crate) use kotacerdas_core_derive::JsonRead;

/// A deserialization error and where it happened (`a.b[2].c`, `.` for the root).
#[derive(Debug)]
pub(crate) struct PathError {
    /// As `serde_path_to_error::Path`'s `Display`.
    pub path: String,
    /// The error, with serde_json's message.
    pub error: Error,
}

/// Reads `T` from `value`, recording the path of an error.
///
/// In the core's tests every call is also made through serde ([`from_value_serde`]) and must
/// give the same value or the same error and path (`parity`).
pub(crate) fn from_value<T: JsonRead>(value: &Value) -> Result<T, PathError> {
    let read = at_root(|at| T::read(value, at));
    #[cfg(test)]
    parity::check(value, &read);
    read
}

/// Runs a reader at the root, giving its error the recorded path.
fn at_root<T>(read: impl FnOnce(At<'_>) -> Result<T, Error>) -> Result<T, PathError> {
    let track = Track(Cell::new(None));
    let root = Chain::Root;
    read(At {
        chain: &root,
        track: &track,
    })
    .map_err(|error| PathError {
        path: track.0.take().unwrap_or_else(|| render(&root)),
        error,
    })
}

/// Deserializes `T` from `value` with serde's derived code through this module's
/// `Deserializer`, recording the path of an error: for types that are not [`JsonRead`] (the
/// bindings' own option types), and the reference the readers are tested against.
pub(crate) fn from_value_serde<T: DeserializeOwned>(value: &Value) -> Result<T, PathError> {
    at_root(|at| deserialize(value, at))
}

/// Parses JSON text; a syntax error keeps serde_json's line and column.
fn parse(text: &str) -> Result<Value, PathError> {
    serde_json::from_str(text).map_err(|error| PathError {
        path: ".".to_owned(),
        error,
    })
}

/// Parses JSON text, then reads `T` from it with [`from_value`].
pub(crate) fn from_str<T: JsonRead>(text: &str) -> Result<T, PathError> {
    from_value(&parse(text)?)
}

/// [`from_str`] through serde (the tests of the `Deserializer`).
#[cfg(test)]
pub(crate) fn from_str_serde<T: DeserializeOwned>(text: &str) -> Result<T, PathError> {
    from_value_serde(&parse(text)?)
}

/// Where a value is, from the root (a linked list on the stack).
pub(crate) enum Chain<'c> {
    Root,
    Index { parent: &'c Chain<'c>, index: usize },
    Key { parent: &'c Chain<'c>, key: &'c str },
}

/// The path of the first (innermost) error.
pub(crate) struct Track(Cell<Option<String>>);

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
        let (variant, value) = enum_parts(self.value)?;
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

/// Where a value being read is: its path from the root, and the error path recorded so far.
#[derive(Clone, Copy)]
pub(crate) struct At<'c> {
    chain: &'c Chain<'c>,
    track: &'c Track,
}

impl At<'_> {
    /// Records `chain` as the error's path unless an inner value recorded one.
    fn trigger(self, chain: &Chain<'_>, error: Error) -> Error {
        self.track.trigger(chain, error)
    }

    /// Reads the array item `index` of the array here (inlined: as written out in each
    /// caller, the smaller package).
    #[inline(always)]
    fn item<T: JsonRead>(self, index: usize, item: &Value) -> Result<T, Error> {
        let chain = Chain::Index {
            parent: self.chain,
            index,
        };
        let here = At {
            chain: &chain,
            track: self.track,
        };
        T::read(item, here).map_err(|error| self.trigger(&chain, error))
    }
}

/// A typed JSON input of the core, read from a parsed `Value` with the same result (value, or
/// serde_json's error message and path) as its serde `Deserialize` through [`from_value_serde`].
///
/// `#[derive(JsonRead)]` (crate `kotacerdas-core-derive`) writes it from the type's
/// `#[serde(...)]` attributes; scalars and the core's own newtypes implement it by hand with
/// their existing parse functions; types the derive does not cover use [`read_with_serde!`].
/// The point is the npm package's size: one small reader per type instead of serde's visitor,
/// field enum and `Deserializer` monomorphs.
pub(crate) trait JsonRead: Sized + parity::Reference {
    /// Reads the value at `at`.
    fn read(value: &Value, at: At<'_>) -> Result<Self, Error>;

    /// The value of an absent struct field without a default: serde's `missing field` error,
    /// except `None` for an `Option` (as serde's derive does).
    fn missing(field: &'static str) -> Result<Self, Error> {
        Err(Error::missing_field(field))
    }
}

/// `JsonRead` through the type's serde `Deserialize` and this module's `Deserializer`, for
/// types the derive does not read (internally tagged enums, `deserialize_with`).
macro_rules! read_with_serde {
    ($($type:ty),+ $(,)?) => {
        $(impl $crate::json_de::JsonRead for $type {
            fn read(
                value: &::serde_json::Value,
                at: $crate::json_de::At<'_>,
            ) -> Result<Self, ::serde_json::Error> {
                $crate::json_de::deserialize(value, at)
            }
        })+
    };
}
pub(crate) use read_with_serde;

/// The body of [`read_with_serde!`] (one copy of the `Tracked` setup).
pub(crate) fn deserialize<T: DeserializeOwned>(value: &Value, at: At<'_>) -> Result<T, Error> {
    T::deserialize(Tracked {
        value,
        chain: at.chain,
        track: at.track,
    })
}

/// The one object walker of `#[derive(JsonRead)]` structs: refuses a non-object (`invalid
/// type: ..., expected struct Name`), then visits the entries in the map's order (as serde's
/// `visit_map` does, so the same error wins), calling `field` with the index in `fields` of
/// each known entry; an unknown entry is an error with `deny_unknown`, ignored otherwise.
pub(crate) fn read_struct(
    value: &Value,
    at: At<'_>,
    expecting: &str,
    fields: &'static [&'static str],
    deny_unknown: bool,
    field: &mut dyn FnMut(usize, &Value, At<'_>) -> Result<(), Error>,
) -> Result<(), Error> {
    let Value::Object(map) = value else {
        return Err(Error::invalid_type(unexpected(value), &expecting));
    };
    for (key, value) in map {
        let chain = Chain::Key {
            parent: at.chain,
            key,
        };
        let result = match fields.iter().position(|name| name == key) {
            Some(index) => field(
                index,
                value,
                At {
                    chain: &chain,
                    track: at.track,
                },
            ),
            None if deny_unknown => Err(Error::unknown_field(key, fields)),
            None => Ok(()),
        };
        result.map_err(|error| at.trigger(&chain, error))?;
    }
    Ok(())
}

/// Reads a struct field into its slot: one function per field type (not inlined into each
/// struct's walker closure, which would copy a type's reader into every struct that has a field
/// of that type).
#[inline(never)]
pub(crate) fn read_into<T: JsonRead>(
    slot: &mut Option<T>,
    value: &Value,
    at: At<'_>,
) -> Result<(), Error> {
    *slot = Some(T::read(value, at)?);
    Ok(())
}

/// An externally tagged enum value as serde_json reads it: `"variant"` (no content) or
/// `{"variant": content}`.
fn enum_parts(value: &Value) -> Result<(&str, Option<&Value>), Error> {
    match value {
        Value::String(name) => Ok((name.as_str(), None)),
        Value::Object(map) => {
            let mut entries = map.iter();
            match (entries.next(), entries.next()) {
                (Some((name, content)), None) => Ok((name.as_str(), Some(content))),
                _ => Err(Error::invalid_value(
                    Unexpected::Map,
                    &"map with a single key",
                )),
            }
        }
        _ => Err(Error::invalid_type(unexpected(value), &"string or map")),
    }
}

/// The index in `variants` of a unit variant of a `#[derive(JsonRead)]` enum, written as serde
/// reads it from a `Value`: `"name"`, or `{"name": null}`.
pub(crate) fn read_variant(
    value: &Value,
    at: At<'_>,
    variants: &'static [&'static str],
) -> Result<usize, Error> {
    let (name, content) = enum_parts(value)?;
    let index = variants
        .iter()
        .position(|variant| *variant == name)
        .ok_or_else(|| Error::unknown_variant(name, variants))?;
    match content {
        None | Some(Value::Null) => Ok(index),
        Some(other) => Err(at.trigger(
            &Chain::Key {
                parent: at.chain,
                key: name,
            },
            Error::invalid_type(unexpected(other), &"unit"),
        )),
    }
}

/// A JSON string, or serde's `invalid type: ..., expected a string`.
pub(crate) fn string(value: &Value) -> Result<&str, Error> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(Error::invalid_type(unexpected(other), &"a string")),
    }
}

impl JsonRead for String {
    fn read(value: &Value, _at: At<'_>) -> Result<Self, Error> {
        string(value).map(str::to_owned)
    }
}

impl JsonRead for bool {
    fn read(value: &Value, _at: At<'_>) -> Result<Self, Error> {
        match value {
            Value::Bool(flag) => Ok(*flag),
            other => Err(Error::invalid_type(unexpected(other), &"a boolean")),
        }
    }
}

impl JsonRead for f64 {
    fn read(value: &Value, _at: At<'_>) -> Result<Self, Error> {
        match value {
            Value::Number(number) => Ok(number.as_f64().unwrap_or(f64::NAN)),
            other => Err(Error::invalid_type(unexpected(other), &"f64")),
        }
    }
}

impl JsonRead for Value {
    fn read(value: &Value, _at: At<'_>) -> Result<Self, Error> {
        Ok(value.clone())
    }
}

/// A GeoJSON position: as serde reads `[f64; 2]` (`invalid length 1, expected an array of
/// length 2`).
impl JsonRead for [f64; 2] {
    fn read(value: &Value, at: At<'_>) -> Result<Self, Error> {
        const EXPECTED: &str = "an array of length 2";
        let Value::Array(items) = value else {
            return Err(Error::invalid_type(unexpected(value), &EXPECTED));
        };
        let mut out = [0.0; 2];
        for (index, slot) in out.iter_mut().enumerate() {
            let Some(item) = items.get(index) else {
                return Err(Error::invalid_length(index, &EXPECTED));
            };
            *slot = at.item(index, item)?;
        }
        if items.len() > out.len() {
            return Err(Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            ));
        }
        Ok(out)
    }
}

/// A JSON integer as serde_json hands it to a visitor: `Ok` for a `u64`, `Err` for a negative
/// `i64`; anything else is refused as serde's integer visitors refuse it.
fn integer(value: &Value, expected: &str) -> Result<Result<u64, i64>, Error> {
    if let Value::Number(number) = value {
        if let Some(unsigned) = number.as_u64() {
            return Ok(Ok(unsigned));
        }
        if let Some(signed) = number.as_i64() {
            return Ok(Err(signed));
        }
    }
    Err(Error::invalid_type(unexpected(value), &expected))
}

/// Integers: the messages of serde's primitive visitors (`invalid value: integer `-1`,
/// expected u32`).
macro_rules! integers {
    ($($type:ty)*) => {
        $(impl JsonRead for $type {
            fn read(value: &Value, _at: At<'_>) -> Result<Self, Error> {
                let expected = stringify!($type);
                match integer(value, expected)? {
                    Ok(unsigned) => <$type>::try_from(unsigned).map_err(|_| {
                        Error::invalid_value(Unexpected::Unsigned(unsigned), &expected)
                    }),
                    Err(signed) => <$type>::try_from(signed).map_err(|_| {
                        Error::invalid_value(Unexpected::Signed(signed), &expected)
                    }),
                }
            }
        })*
    };
}

integers! { u8 u16 u32 u64 usize i32 i64 }

impl<T: JsonRead> JsonRead for Option<T> {
    fn read(value: &Value, at: At<'_>) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            _ => T::read(value, at).map(Some),
        }
    }

    fn missing(_field: &'static str) -> Result<Self, Error> {
        Ok(None)
    }
}

impl<T: JsonRead> JsonRead for Vec<T> {
    fn read(value: &Value, at: At<'_>) -> Result<Self, Error> {
        let Value::Array(items) = value else {
            return Err(Error::invalid_type(unexpected(value), &"a sequence"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            out.push(at.item(index, item)?);
        }
        Ok(out)
    }
}

/// The parity of [`JsonRead`] with serde: in test builds every type read is also
/// `Deserialize` and `Debug`, and [`from_value`] compares both readers.
pub(crate) mod parity {
    #[cfg(test)]
    pub(crate) use checks::{Reference, check, checked};

    /// Nothing outside tests.
    #[cfg(not(test))]
    pub(crate) trait Reference {}
    #[cfg(not(test))]
    impl<T> Reference for T {}

    #[cfg(test)]
    mod checks {
        use std::cell::Cell;
        use std::fmt::Debug;

        use serde::de::DeserializeOwned;
        use serde_json::Value;

        use super::super::{JsonRead, PathError, from_value_serde};

        /// What both readers need in tests.
        pub(crate) trait Reference: DeserializeOwned + Debug {}
        impl<T: DeserializeOwned + Debug> Reference for T {}

        thread_local! {
            static CHECKED: Cell<usize> = const { Cell::new(0) };
        }

        /// How many reads this thread compared so far.
        pub(crate) fn checked() -> usize {
            CHECKED.with(Cell::get)
        }

        /// Panics unless serde reads `value` as `ours` was read: the same value (`Debug`), or
        /// the same message and path.
        pub(crate) fn check<T: JsonRead>(value: &Value, ours: &Result<T, PathError>) {
            let reference = from_value_serde::<T>(value);
            let show = |read: &Result<T, PathError>| match read {
                Ok(value) => format!("Ok({value:?})"),
                Err(error) => format!("Err({} at {})", error.error, error.path),
            };
            assert_eq!(
                show(ours),
                show(&reference),
                "JsonRead and serde differ on {} for {value}",
                std::any::type_name::<T>()
            );
            CHECKED.with(|count| count.set(count.get() + 1));
        }
    }
}

/// The parity corpus of a valid input: `value` itself and, at every object and array in it
/// (only the first two items of an array are entered), each field removed, each field set to
/// each wrong JSON type, unknown fields before and after the others, the value wrapped in an
/// array, and `null` for it.
#[cfg(test)]
pub(crate) fn mutations(value: &Value) -> Vec<Value> {
    use serde_json::json;
    let wrong = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296u64),
        json!(u64::MAX),
        json!("x"),
        json!("2026-02-30"),
        json!("12.5%"),
        json!([]),
        json!({}),
        json!({"x": null}),
    ];
    let mut out = vec![value.clone()];
    // Every node's variants, each put back into a copy of the whole value.
    let mut stack: Vec<Vec<PathStep>> = vec![Vec::new()];
    while let Some(path) = stack.pop() {
        let Some(node) = node_at(value, &path) else {
            continue;
        };
        let mut variants = vec![json!([node.clone()]), Value::Null];
        match node {
            Value::Object(map) => {
                for (key, field) in map {
                    let mut removed = map.clone();
                    removed.shift_remove(key);
                    variants.push(Value::Object(removed));
                    for bad in &wrong {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), bad.clone());
                        variants.push(Value::Object(changed));
                    }
                    let mut wrapped = map.clone();
                    wrapped.insert(key.clone(), json!([field.clone()]));
                    variants.push(Value::Object(wrapped));
                    let mut child = path.clone();
                    child.push(PathStep::Key(key.clone()));
                    stack.push(child);
                }
                let mut after = map.clone();
                after.insert("zz_unknown".to_owned(), json!(1));
                variants.push(Value::Object(after));
                let mut before = Map::new();
                before.insert("aa_unknown".to_owned(), json!(1));
                before.extend(map.clone());
                variants.push(Value::Object(before));
            }
            Value::Array(items) => {
                for (index, _) in items.iter().enumerate().take(2) {
                    for bad in &wrong {
                        let mut changed = items.clone();
                        changed[index] = bad.clone();
                        variants.push(Value::Array(changed));
                    }
                    let mut child = path.clone();
                    child.push(PathStep::Index(index));
                    stack.push(child);
                }
            }
            _ => {}
        }
        for variant in variants {
            let mut whole = value.clone();
            if let Some(slot) = node_at_mut(&mut whole, &path) {
                *slot = variant;
            }
            out.push(whole);
        }
    }
    out
}

#[cfg(test)]
#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

#[cfg(test)]
fn node_at<'v>(value: &'v Value, path: &[PathStep]) -> Option<&'v Value> {
    path.iter().try_fold(value, |node, step| match step {
        PathStep::Key(key) => node.get(key),
        PathStep::Index(index) => node.get(index),
    })
}

#[cfg(test)]
fn node_at_mut<'v>(value: &'v mut Value, path: &[PathStep]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |node, step| match step {
        PathStep::Key(key) => node.get_mut(key),
        PathStep::Index(index) => node.get_mut(index),
    })
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

    #[derive(Debug, Deserialize, JsonRead)]
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
        let error = from_value_serde::<Outer>(&value).expect_err("refused");
        (error.path, error.error.to_string())
    }

    /// Every attribute the derive reads, on a sample and its mutations, as serde reads them
    /// (`from_value` compares both readers in tests).
    #[derive(Debug, Default, Deserialize, JsonRead)]
    #[serde(default, deny_unknown_fields, rename = "Renamed")]
    #[allow(dead_code)]
    struct Attributes {
        #[serde(rename = "type")]
        kind: Option<Mode>,
        #[serde(default = "seven")]
        count: u32,
        signed: i64,
        list: Vec<Wrapped>,
        flag: bool,
        position: Option<[f64; 2]>,
    }

    fn seven() -> u32 {
        7
    }

    #[derive(Debug, Deserialize, JsonRead)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Mode {
        HalfUp,
        #[serde(rename = "DOWN")]
        Down,
    }

    #[derive(Debug, Deserialize, JsonRead)]
    #[serde(transparent)]
    #[allow(dead_code)]
    struct Wrapped(Inner);

    #[derive(Debug, Deserialize, JsonRead)]
    #[serde(rename_all = "lowercase")]
    #[allow(dead_code)]
    struct Required {
        name: String,
        #[serde(default)]
        note: Option<String>,
        maybe: Option<u8>,
        kind: Mode,
    }

    #[test]
    fn derived_readers_follow_every_serde_attribute() {
        let before = parity::checked();
        let sample = json!({
            "type": "half_up", "count": 3, "signed": -4, "list": [{"amount": 1}],
            "flag": true, "position": [112.5, -7.1]
        });
        for variant in mutations(&sample) {
            let _ = from_value::<Attributes>(&variant);
        }
        let required = json!({"name": "a", "note": "b", "maybe": 1, "kind": {"DOWN": null}});
        for variant in mutations(&required) {
            let _ = from_value::<Required>(&variant);
        }
        assert!(parity::checked() - before > 200);
        // Spot checks of what parity alone would not show.
        let read: Attributes = from_value(&json!({"type": "DOWN"})).expect("valid");
        assert_eq!(read.count, 7);
        assert!(matches!(read.kind, Some(Mode::Down)));
        let error = from_value::<Required>(&json!({"name": "a"})).expect_err("missing");
        assert_eq!(error.error.to_string(), "missing field `kind`");
        assert_eq!(error.path, ".");
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
        let outer: Outer = from_value_serde(&value).expect("valid");
        assert_eq!(outer.items[0].amount, 2);
        assert!(matches!(outer.kind, Some(Kind::Sized { size: 3 })));
        let text = from_str_serde::<Outer>("{\"name\": ").expect_err("syntax");
        assert_eq!(text.error.line(), 1);
    }
}
