//! `cargo xtask wasm-size [ENTRY | WASM]`: where the bytes of the npm package's `.wasm` go,
//! gzipped, by kind of code and by data segment, to decide what to shrink next.
//!
//! Input: the `.wasm` of an entry point (`kotacerdas`, the default, or `kotacerdas/ids`) as
//! wasm-bindgen wrote it in `cargo xtask npm`, before `wasm-opt` (function names kept), or any
//! such file given by its path. It is optimised again
//! exactly as the package is, but with `-g` so the names survive, then measured. After
//! `wasm-opt` a function's bytes include what was inlined into it (the JSON readers of the tax
//! inputs end up inside `json_api::call`), so a kind is "functions named so", not "all code
//! doing so". Each kind's gzip figure is its functions compressed together, scaled so that the
//! kinds add up to the whole code section compressed at once.

use std::fs;
use std::path::Path;

use crate::npm::entry::{ENTRIES, MAIN};
use crate::{Result, workspace_root};

/// Kinds of code, by substrings of the (demangled) function name; the first match wins.
const KINDS: &[(&str, &[&str])] = &[
    ("input reading: core json_de", &["json_de"]),
    (
        "input reading: serde Deserialize",
        &[
            "Deserializ",
            "Visitor",
            "serde_core::de",
            "serde::de",
            "__Field",
        ],
    ),
    (
        "output writing: serde Serialize",
        &["Serializ", "serde_core::ser", "serde::ser"],
    ),
    ("serde_json: text parser, Value", &["serde_json", "zmij"]),
    (
        "core::fmt: messages, numbers",
        &[
            "core::fmt",
            "fmt::",
            "flt2dec",
            "bignum",
            "_fmt",
            "Display",
            "Debug",
        ],
    ),
    ("slice sorting", &["slice::sort"]),
    (
        "allocation, drop, clone, collections",
        &[
            "alloc",
            "RawVec",
            "drop_in_place",
            "lone",
            "BTree",
            "hashbrown",
            "dlmalloc",
            "Vec<",
        ],
    ),
    ("rules: tax", &["kotacerdas_core::tax"]),
    ("rules: complaint", &["kotacerdas_core::complaint"]),
    ("rules: identifiers", &["kotacerdas_core::id"]),
    (
        "rules: calendar, dates",
        &["kotacerdas_core::calendar", "kotacerdas_core::date"],
    ),
    ("rules: regions", &["kotacerdas_core::region"]),
    ("core json_api dispatch", &["kotacerdas_core::json_api"]),
    ("core, other", &["kotacerdas_core"]),
    ("npm facade", &["kotacerdas_wasm"]),
    (
        "wasm-bindgen, js-sys",
        &["wasm_bindgen", "js_sys", "__wbg", "__wbindgen"],
    ),
    ("compiler builtins, libm", &["compiler_builtins", "libm"]),
];

/// `cargo xtask wasm-size [WASM]`.
pub fn wasm_size(args: &[String]) -> Result {
    let root = workspace_root();
    let input = match args.first() {
        None => MAIN.generated_wasm(),
        Some(name) => match ENTRIES
            .iter()
            .find(|entry| entry.specifier == name.as_str())
        {
            Some(entry) => entry.generated_wasm(),
            None => root.join(name),
        },
    };
    if !input.exists() {
        return Err(format!(
            "{} not found: run `cargo xtask npm` first",
            input.display()
        ));
    }
    let wasm_opt = root.join("bindings-wasm/tools/node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err("wasm-opt not installed: run `cargo xtask npm` first".into());
    }
    let named = root.join("target/npm/wasm-size-named.wasm");
    crate::npm::optimise_with(&wasm_opt, &input, &named, &["-g"])?;
    let bytes = fs::read(&named).map_err(|e| format!("{}: {e}", named.display()))?;
    let module = Module::parse(&bytes)?;
    print!("{}", report(&module, &input));
    Ok(())
}

fn report(module: &Module, input: &Path) -> String {
    let mut out = format!(
        "{} after wasm-opt -Oz (names kept; raw / gzip -9 KB)\n",
        input.display()
    );
    let code: Vec<u8> = module
        .functions
        .iter()
        .flat_map(|f| f.body.clone())
        .collect();
    let data: Vec<u8> = module.segments.iter().flatten().copied().collect();
    let code_gz = gzip_len(&code);
    out += &line("code section", code.len(), code_gz);
    out += &line("data segments", data.len(), gzip_len(&data));

    let mut kinds: Vec<(String, Vec<u8>, usize)> = Vec::new();
    for function in &module.functions {
        let kind = kind_of(&function.name);
        match kinds.iter_mut().find(|(name, _, _)| name == kind) {
            Some((_, body, count)) => {
                body.extend_from_slice(&function.body);
                *count += 1;
            }
            None => kinds.push((kind.to_owned(), function.body.clone(), 1)),
        }
    }
    let mut rows: Vec<(usize, usize, usize, String)> = kinds
        .into_iter()
        .map(|(name, body, count)| (gzip_len(&body), body.len(), count, name))
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    let separate: usize = rows.iter().map(|row| row.0).sum();
    out += "code by kind of function (gzip scaled to the whole code section):\n";
    for (gz, raw, count, name) in rows {
        let scaled = gz * code_gz / separate.max(1);
        out += &line(&format!("  {name} ({count} fns)"), raw, scaled);
    }

    out += "largest data segments:\n";
    let mut segments: Vec<&Vec<u8>> = module.segments.iter().collect();
    segments.sort_by_key(|segment| std::cmp::Reverse(segment.len()));
    for segment in segments.into_iter().take(8) {
        let preview: String = segment
            .iter()
            .take(48)
            .map(|&b| {
                if (0x20..0x7f).contains(&b) {
                    b as char
                } else {
                    '.'
                }
            })
            .collect();
        out += &line(&format!("  {preview}"), segment.len(), gzip_len(segment));
    }
    out
}

fn kind_of(name: &str) -> &'static str {
    KINDS
        .iter()
        .find(|(_, needles)| needles.iter().any(|needle| name.contains(needle)))
        .map_or("other (core library, std)", |(kind, _)| kind)
}

fn line(label: &str, raw: usize, gz: usize) -> String {
    let kb = |n: usize| n as f64 / 1024.0;
    format!("{label:<60} {:>8.1} / {:>7.1}\n", kb(raw), kb(gz))
}

/// [`crate::npm::gzip_len`]; compressing into a `Vec` does not fail, so a failure counts 0.
fn gzip_len(bytes: &[u8]) -> usize {
    crate::npm::gzip_len(bytes).unwrap_or(0)
}

/// The parts of a module this report needs.
struct Module {
    functions: Vec<Function>,
    segments: Vec<Vec<u8>>,
}

struct Function {
    name: String,
    body: Vec<u8>,
}

impl Module {
    fn parse(bytes: &[u8]) -> Result<Module> {
        let mut reader = Reader { bytes, at: 8 };
        let mut imported_functions = 0;
        let mut names = std::collections::HashMap::new();
        let mut bodies = Vec::new();
        let mut segments = Vec::new();
        while reader.at < bytes.len() {
            let id = reader.byte()?;
            let size = reader.leb()?;
            let mut section = Reader {
                bytes: reader.take(size)?,
                at: 0,
            };
            match id {
                0 => {
                    let name_len = section.leb()?;
                    if section.take(name_len)? == b"name" {
                        read_function_names(&mut section, &mut names)?;
                    }
                }
                2 => imported_functions = count_imported_functions(&mut section)?,
                10 => {
                    for _ in 0..section.leb()? {
                        let len = section.leb()?;
                        bodies.push(section.take(len)?.to_vec());
                    }
                }
                11 => {
                    for _ in 0..section.leb()? {
                        section.skip_segment_header()?;
                        let len = section.leb()?;
                        segments.push(section.take(len)?.to_vec());
                    }
                }
                _ => {}
            }
        }
        let functions = bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| Function {
                name: names
                    .remove(&(i + imported_functions))
                    .unwrap_or_else(|| format!("function {i}")),
                body,
            })
            .collect();
        Ok(Module {
            functions,
            segments,
        })
    }
}

fn read_function_names(
    section: &mut Reader<'_>,
    names: &mut std::collections::HashMap<usize, String>,
) -> Result {
    while section.at < section.bytes.len() {
        let subsection = section.byte()?;
        let size = section.leb()?;
        let mut body = Reader {
            bytes: section.take(size)?,
            at: 0,
        };
        if subsection == 1 {
            for _ in 0..body.leb()? {
                let index = body.leb()?;
                let len = body.leb()?;
                let name = String::from_utf8_lossy(body.take(len)?).into_owned();
                names.insert(index, name);
            }
        }
    }
    Ok(())
}

fn count_imported_functions(section: &mut Reader<'_>) -> Result<usize> {
    let mut functions = 0;
    for _ in 0..section.leb()? {
        for _ in 0..2 {
            let len = section.leb()?;
            section.take(len)?;
        }
        match section.byte()? {
            0 => {
                section.leb()?;
                functions += 1;
            }
            1 => {
                section.byte()?;
                section.limits()?;
            }
            2 => section.limits()?,
            3 => {
                section.byte()?;
                section.byte()?;
            }
            other => return Err(format!("unknown import kind {other}")),
        }
    }
    Ok(functions)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let byte = *self.bytes.get(self.at).ok_or("truncated module")?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        let slice = self
            .bytes
            .get(self.at..self.at + len)
            .ok_or("truncated module")?;
        self.at += len;
        Ok(slice)
    }

    fn leb(&mut self) -> Result<usize> {
        let mut value = 0usize;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err("LEB128 number too long".into())
    }

    fn limits(&mut self) -> Result {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }

    /// Skips a data segment's kind and offset (rustc emits active segments at `i32.const N`).
    fn skip_segment_header(&mut self) -> Result {
        match self.leb()? {
            0 => {}
            1 => return Ok(()),
            2 => {
                self.leb()?;
            }
            other => return Err(format!("unknown data segment kind {other}")),
        }
        // The offset expression: `i32.const` (0x41), its immediate, `end` (0x0b).
        if self.byte()? != 0x41 {
            return Err("a data segment offset other than i32.const".into());
        }
        self.leb()?;
        if self.byte()? != 0x0b {
            return Err("a data segment offset other than i32.const".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one imported and one defined function, a data segment and a name section.
    fn module_bytes() -> Vec<u8> {
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        let mut section = |id: u8, body: &[u8]| {
            bytes.push(id);
            bytes.push(u8::try_from(body.len()).unwrap());
            bytes.extend_from_slice(body);
        };
        section(1, &[1, 0x60, 0, 0]); // one type: [] -> []
        section(2, &[1, 1, b'm', 1, b'f', 0, 0]); // import m.f: function of type 0
        section(3, &[1, 0]); // one function of type 0
        section(10, &[1, 2, 0, 0x0b]); // its body: no locals, end
        // One active segment at i32.const 1048576 (LEB 80 80 c0 00), bytes "abc".
        section(
            11,
            &[
                1, 0, 0x41, 0x80, 0x80, 0xc0, 0x00, 0x0b, 3, b'a', b'b', b'c',
            ],
        );
        let name = b"kotacerdas_core::tax::pbb_p2::calculate";
        let mut names = vec![4, b'n', b'a', b'm', b'e', 1];
        names.push(u8::try_from(name.len() + 3).unwrap());
        names.extend([1, 1, u8::try_from(name.len()).unwrap()]); // one name, for function 1
        names.extend_from_slice(name);
        section(0, &names);
        bytes
    }

    #[test]
    fn names_defined_functions_after_the_imported_ones() {
        let module = Module::parse(&module_bytes()).unwrap();
        assert_eq!(module.functions.len(), 1);
        assert_eq!(
            module.functions[0].name,
            "kotacerdas_core::tax::pbb_p2::calculate"
        );
        assert_eq!(module.functions[0].body, [0, 0x0b]);
        assert_eq!(module.segments, [b"abc".to_vec()]);
        assert_eq!(kind_of(&module.functions[0].name), "rules: tax");
    }

    #[test]
    fn first_matching_kind_wins() {
        assert_eq!(
            kind_of("kotacerdas_core::json_de::Tracked::object"),
            "input reading: core json_de"
        );
        assert_eq!(
            kind_of("<kotacerdas_core::tax::TaxInput as serde_core::de::Deserialize>::deserialize"),
            "input reading: serde Deserialize"
        );
        assert_eq!(kind_of("memcpy"), "other (core library, std)");
    }

    #[test]
    fn a_truncated_module_is_an_error() {
        let bytes = module_bytes();
        assert!(Module::parse(&bytes[..bytes.len() - 5]).is_err());
    }
}
