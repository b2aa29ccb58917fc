//! `#[derive(JsonRead)]` for the core's typed JSON inputs (`core/src/json_de.rs`).
//!
//! The reader is generated from the type's existing `#[serde(...)]` attributes, so each field
//! name, rename and default is written once: `rename`, `rename_all`, `default`,
//! `default = "path"`, `deny_unknown_fields` and `transparent` on structs with named fields or
//! one unnamed field, and enums whose variants are all unit variants. Anything else that
//! changes how serde reads the type (`flatten`, `tag`, `untagged`, `deserialize_with`, `alias`,
//! `skip`, ...) is a compile error: such a type implements `JsonRead` through serde instead
//! (`json_de::read_with_serde!`).
//!
//! The generated code is small on purpose (the npm package's size): one call of the
//! non-generic `json_de::read_struct` walker, which finds each entry's field by name, and per
//! field one `json_de::read_into` call (one function per field type, shared by every struct
//! with a field of that type) in a `match` on the field's index. Missing fields are filled
//! after the walk, in declaration order, as serde's derive does.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, LitStr, parse_macro_input};

/// Implements `crate::json_de::JsonRead` from the type's `#[serde(...)]` attributes.
#[proc_macro_derive(JsonRead, attributes(serde))]
pub fn derive_json_read(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// How a missing field is filled.
enum Fill {
    /// `JsonRead::missing` (an error, or `None` for an `Option`).
    None,
    /// `#[serde(default)]`.
    Trait,
    /// `#[serde(default = "path")]`.
    Path(syn::ExprPath),
}

/// The `#[serde(...)]` attributes the reader follows.
struct Attributes {
    rename: Option<String>,
    rename_all: Option<String>,
    default: Fill,
    deny_unknown_fields: bool,
    transparent: bool,
}

/// Where an attribute list is written (which keys are allowed there).
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Container,
    Field,
    Variant,
}

fn attributes(attrs: &[syn::Attribute], place: Place) -> syn::Result<Attributes> {
    let mut out = Attributes {
        rename: None,
        rename_all: None,
        default: Fill::None,
        deny_unknown_fields: false,
        transparent: false,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match (key.as_str(), place) {
                ("rename", _) => out.rename = Some(meta.value()?.parse::<LitStr>()?.value()),
                ("rename_all", Place::Container) => {
                    out.rename_all = Some(meta.value()?.parse::<LitStr>()?.value());
                }
                ("default", Place::Container | Place::Field) => {
                    out.default = if meta.input.peek(syn::Token![=]) {
                        Fill::Path(meta.value()?.parse::<LitStr>()?.parse()?)
                    } else {
                        Fill::Trait
                    };
                }
                ("deny_unknown_fields", Place::Container) => out.deny_unknown_fields = true,
                ("transparent", Place::Container) => out.transparent = true,
                // Serialization only.
                ("skip_serializing_if" | "serialize_with", Place::Field) => {
                    meta.value()?.parse::<LitStr>()?;
                }
                _ => {
                    return Err(meta.error(format!(
                        "#[derive(JsonRead)] does not read `#[serde({key})]` here; implement \
                         JsonRead with json_de::read_with_serde! instead"
                    )));
                }
            }
            Ok(())
        })?;
    }
    Ok(out)
}

/// serde's `rename_all` rules, for the ones the core uses.
fn renamed(name: &str, rule: Option<&str>, is_variant: bool) -> syn::Result<String> {
    let snake = |name: &str| {
        let mut out = String::new();
        for (i, ch) in name.char_indices() {
            if i > 0 && ch.is_uppercase() {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        }
        out
    };
    Ok(match (rule, is_variant) {
        (None, _) => name.to_owned(),
        (Some("lowercase" | "snake_case"), false) => name.to_owned(),
        (Some("lowercase"), true) => name.to_ascii_lowercase(),
        (Some("snake_case"), true) => snake(name),
        (Some(other), _) => {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("#[derive(JsonRead)] does not know rename_all = \"{other}\""),
            ));
        }
    })
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let container = attributes(&input.attrs, Place::Container)?;
    let name = &input.ident;
    // serde's `expecting` names the Rust type even under `#[serde(rename)]`.
    let serde_name = name.to_string();
    let mut generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param
            .bounds
            .push(syn::parse_quote!(crate::json_de::JsonRead));
    }
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    let body = match &input.data {
        Data::Struct(data) if container.transparent => transparent(&data.fields)?,
        Data::Struct(data) => match &data.fields {
            Fields::Named(_) => named_struct(&data.fields, &container, &serde_name)?,
            _ => {
                return Err(syn::Error::new_spanned(
                    name,
                    "#[derive(JsonRead)]: a struct needs named fields (or #[serde(transparent)])",
                ));
            }
        },
        Data::Enum(data) => unit_enum(data, &container)?,
        Data::Union(_) => return Err(syn::Error::new_spanned(name, "unions are not read")),
    };
    Ok(quote! {
        impl #impl_generics crate::json_de::JsonRead for #name #type_generics #where_clause {
            fn read(
                value: &::serde_json::Value,
                at: crate::json_de::At<'_>,
            ) -> ::core::result::Result<Self, ::serde_json::Error> {
                #body
            }
        }
    })
}

fn transparent(fields: &Fields) -> syn::Result<Tokens> {
    let mut iter = fields.iter();
    let (Some(field), None) = (iter.next(), iter.next()) else {
        return Err(syn::Error::new_spanned(
            fields,
            "#[serde(transparent)] needs exactly one field",
        ));
    };
    let read = quote!(crate::json_de::JsonRead::read(value, at)?);
    Ok(match &field.ident {
        Some(ident) => quote!(Ok(Self { #ident: #read })),
        None => quote!(Ok(Self(#read))),
    })
}

fn named_struct(fields: &Fields, container: &Attributes, serde_name: &str) -> syn::Result<Tokens> {
    let expecting = format!("struct {serde_name}");
    let deny = container.deny_unknown_fields;
    let mut names = Vec::new();
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut inits = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let attrs = attributes(&field.attrs, Place::Field)?;
        let ident = field
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new_spanned(field, "#[derive(JsonRead)]: unnamed field"))?;
        let json_name = match attrs.rename {
            Some(rename) => rename,
            None => renamed(&ident.to_string(), container.rename_all.as_deref(), false)?,
        };
        let ty = &field.ty;
        let slot = format_ident!("field_{}", index);
        let missing = match (&attrs.default, &container.default) {
            (Fill::Trait, _) => quote!(::core::default::Default::default()),
            (Fill::Path(path), _) => quote!(#path()),
            (Fill::None, Fill::None) => {
                quote!(<#ty as crate::json_de::JsonRead>::missing(#json_name)?)
            }
            (Fill::None, _) => quote!(container_default.#ident),
        };
        slots.push(quote!(let mut #slot: ::core::option::Option<#ty> = None;));
        arms.push(quote!(#index => crate::json_de::read_into(&mut #slot, value, at),));
        inits.push(quote!(#ident: match #slot { Some(value) => value, None => #missing },));
        names.push(json_name);
    }
    let container_default = match &container.default {
        Fill::None => quote!(),
        Fill::Trait => {
            quote!(let container_default: Self = ::core::default::Default::default();)
        }
        Fill::Path(path) => quote!(let container_default: Self = #path();),
    };
    Ok(quote! {
        const FIELDS: &[&str] = &[#(#names),*];
        #(#slots)*
        crate::json_de::read_struct(value, at, #expecting, FIELDS, #deny, &mut |index, value, at| {
            match index {
                #(#arms)*
                _ => Ok(()),
            }
        })?;
        #container_default
        Ok(Self { #(#inits)* })
    })
}

fn unit_enum(data: &syn::DataEnum, container: &Attributes) -> syn::Result<Tokens> {
    if container.deny_unknown_fields || container.transparent {
        return Err(syn::Error::new(
            Span::call_site(),
            "#[derive(JsonRead)]: an enum takes only rename_all",
        ));
    }
    let mut names = Vec::new();
    let mut arms = Vec::new();
    let count = data.variants.len();
    for (index, variant) in data.variants.iter().enumerate() {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(
                variant,
                "#[derive(JsonRead)] reads unit variants only; implement JsonRead with \
                 json_de::read_with_serde! instead",
            ));
        }
        let attrs = attributes(&variant.attrs, Place::Variant)?;
        names.push(match attrs.rename {
            Some(rename) => rename,
            None => renamed(
                &variant.ident.to_string(),
                container.rename_all.as_deref(),
                true,
            )?,
        });
        let ident = &variant.ident;
        // The last arm takes every other index: no unreachable arm.
        arms.push(if index + 1 == count {
            quote!(_ => Self::#ident,)
        } else {
            quote!(#index => Self::#ident,)
        });
    }
    if count == 0 {
        return Err(syn::Error::new(
            Span::call_site(),
            "an enum without variants",
        ));
    }
    Ok(quote! {
        const VARIANTS: &[&str] = &[#(#names),*];
        Ok(match crate::json_de::read_variant(value, at, VARIANTS)? {
            #(#arms)*
        })
    })
}
