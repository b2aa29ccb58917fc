//! The entry points of the npm package, each with its own wasm module built from the one facade
//! crate `kotacerdas-wasm`: `kotacerdas` (default features: everything) and `kotacerdas/ids`
//! (`--no-default-features`: identifiers, regions, languages, error codes). Both are made from
//! the same templates in `bindings-wasm/js/` (`index.cjs`, `index.mjs`, `web.js`,
//! `index.d.ts`), with the paths of the entry's own glue and .wasm put in; the `KotaCerdasError`
//! class, the language and validateNik's fast path come from `js/shared.js`, one module for the
//! whole package.

use std::path::{Path, PathBuf};

use super::{bindgen, copy, optimise, read, read_text, schema_ts, write};
use crate::{Result, cargo, run, workspace_root};

/// One entry point of the package.
pub struct Entry {
    /// Its import specifier.
    pub specifier: &'static str,
    /// Cargo arguments selecting the facade's features.
    features: &'static [&'static str],
    /// Built with the default feature `rules` (taxes, calendar, complaints, `call`).
    rules: bool,
    /// wasm-bindgen's `--out-name`; the module is `wasm/<out_name>_bg.wasm`.
    out_name: &'static str,
    /// Prefix of the entry's glue files in `wasm/` (`node.cjs`, `web.js` and their types).
    glue_prefix: &'static str,
    /// Stem of the Node.js entry files (`<stem>.cjs`, `.mjs`, `.d.ts`, `.d.cts`).
    stem: &'static str,
    /// The browser and bundler entry file.
    web: &'static str,
}

/// `kotacerdas`: the whole core.
pub const MAIN: Entry = Entry {
    specifier: "kotacerdas",
    features: &[],
    rules: true,
    out_name: "kotacerdas",
    glue_prefix: "",
    stem: "index",
    web: "web.js",
};

/// `kotacerdas/ids`: identifiers and regions only, for pages that do not need the tax and
/// complaint rules.
pub const IDS: Entry = Entry {
    specifier: "kotacerdas/ids",
    features: &["--no-default-features"],
    rules: false,
    out_name: "kotacerdas_ids",
    glue_prefix: "ids-",
    stem: "ids",
    web: "ids.js",
};

/// Every entry point, the main one first.
pub const ENTRIES: [&Entry; 2] = [&MAIN, &IDS];

impl Entry {
    /// The module as wasm-bindgen wrote it for browsers, before `wasm-opt` (names kept): what
    /// the package's module is optimised from, and what `cargo xtask wasm-size` measures.
    pub fn generated_wasm(&self) -> PathBuf {
        workspace_root()
            .join("target/npm")
            .join(self.out_name)
            .join("web")
            .join(format!("{}_bg.wasm", self.out_name))
    }

    /// The optimised module in the package.
    pub fn wasm(&self) -> String {
        format!("wasm/{}_bg.wasm", self.out_name)
    }

    /// What a browser or bundler downloads: the module, the glue, the entry and shared.js.
    pub fn browser_files(&self) -> Vec<String> {
        vec![
            self.wasm(),
            format!("wasm/{}web.js", self.glue_prefix),
            self.web.to_owned(),
            "shared.js".to_owned(),
        ]
    }

    /// What Node.js loads.
    pub fn node_files(&self) -> Vec<String> {
        vec![
            self.wasm(),
            format!("wasm/{}node.cjs", self.glue_prefix),
            format!("{}.cjs", self.stem),
            format!("{}.mjs", self.stem),
            "shared.cjs".to_owned(),
        ]
    }

    /// The templates' paths (those of the main entry) and this entry's.
    fn renames(&self) -> [(&'static str, String); 4] {
        let prefix = self.glue_prefix;
        [
            ("./wasm/node.cjs", format!("./wasm/{prefix}node.cjs")),
            ("./wasm/web.js", format!("./wasm/{prefix}web.js")),
            ("./wasm/kotacerdas_bg.wasm", format!("./{}", self.wasm())),
            ("./index.cjs", format!("./{}.cjs", self.stem)),
        ]
    }

    fn render(&self, template: &str) -> String {
        self.renames()
            .iter()
            .fold(template.to_owned(), |text, (from, to)| {
                text.replace(from, to)
            })
    }

    /// Builds the entry's module with the pinned runner and wasm-opt into `pkg`, with its glue
    /// and entry files.
    pub fn build(&self, pkg: &Path, runner: &Path, wasm_opt: &Path) -> Result {
        let root = workspace_root();
        let mut args = vec![
            "build",
            "-p",
            "kotacerdas-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "release-size",
        ];
        args.extend_from_slice(self.features);
        run(&cargo(), &args)?;
        let input = root.join("target/wasm32-unknown-unknown/release-size/kotacerdas_wasm.wasm");
        let generated = root.join("target/npm").join(self.out_name);
        for target in ["web", "nodejs"] {
            bindgen(
                runner,
                target,
                &generated.join(target),
                self.out_name,
                &input,
            )?;
        }
        let module = format!("{}_bg.wasm", self.out_name);
        let glue = format!("{}.js", self.out_name);
        let web_wasm = read(&generated.join("web").join(&module))?;
        if web_wasm != read(&generated.join("nodejs").join(&module))? {
            return Err(format!(
                "{}: the web and nodejs builds produced different .wasm files; the package ships one",
                self.specifier
            ));
        }
        optimise(wasm_opt, &self.generated_wasm(), &pkg.join(self.wasm()))?;
        let prefix = self.glue_prefix;
        copy(
            &generated.join("nodejs").join(&glue),
            &pkg.join(format!("wasm/{prefix}node.cjs")),
        )?;
        copy(
            &generated.join("web").join(&glue),
            &pkg.join(format!("wasm/{prefix}web.js")),
        )?;
        self.declarations(
            &root,
            pkg,
            &generated
                .join("web")
                .join(format!("{}.d.ts", self.out_name)),
        )?;
        let names = exported_names(&read_text(&generated.join("nodejs").join(&glue))?);
        self.entry_files(&root.join("bindings-wasm/js"), pkg, &names)
    }

    /// `wasm/<prefix>web.d.ts` and `wasm/<prefix>node.d.cts` from the web glue's types.
    fn declarations(&self, root: &Path, pkg: &Path, glue_types: &Path) -> Result {
        // The loader declarations at the end of the glue's types (`InitInput`, `InitOutput`
        // with the raw exports typed `any`, `initSync`, the default `init`) are replaced by
        // the entry points' own `init` and `initSync` in index.d.ts.
        let declarations = read_text(glue_types)?;
        let Some(loader) = declarations.find("export type InitInput") else {
            return Err(format!(
                "{}: the web glue's types lack `export type InitInput`",
                self.specifier
            ));
        };
        let mut declarations = declarations[..loader].to_owned();
        if self.rules {
            // The typed functions' inputs and outputs, from the conformance schemas.
            let typed: Vec<&str> = kotacerdas_core::json_api::FUNCTIONS
                .iter()
                .copied()
                .filter(|name| {
                    ["tax.", "calendar.", "complaint."]
                        .iter()
                        .any(|p| name.starts_with(p))
                })
                .collect();
            declarations += &schema_ts::declarations(&root.join("conformance/schema"), &typed)?;
        }
        let prefix = self.glue_prefix;
        write(&pkg.join(format!("wasm/{prefix}web.d.ts")), &declarations)?;
        // CommonJS consumers (`require`) resolve `<stem>.d.cts`, which re-exports the same
        // declarations from `wasm/<prefix>node.d.cts` (the types of `wasm/<prefix>node.cjs`).
        write(&pkg.join(format!("wasm/{prefix}node.d.cts")), &declarations)
    }

    /// The entry files from the templates, with the glue's exports listed.
    fn entry_files(&self, js: &Path, pkg: &Path, names: &[String]) -> Result {
        let stem = self.stem;
        for (template_name, file, placeholder) in [
            ("index.cjs", format!("{stem}.cjs"), "/*@EXPORTS_CJS@*/\n"),
            ("index.mjs", format!("{stem}.mjs"), "/*@EXPORTS_LIST@*/\n"),
            ("web.js", self.web.to_owned(), "/*@EXPORTS_LIST@*/\n"),
        ] {
            let template = read_text(&js.join(template_name))?;
            if !template.contains(placeholder) {
                return Err(format!(
                    "bindings-wasm/js/{template_name} lacks {placeholder:?}"
                ));
            }
            // A name the entry point defines itself (validateNik's fast path, setLanguage for
            // every loaded module) is not re-exported from the glue.
            let own = |name: &String| {
                [
                    format!("exports.{name} ="),
                    format!("export const {name} ="),
                    format!("export function {name}("),
                ]
                .iter()
                .any(|definition| template.contains(definition))
            };
            let value: String = match template_name {
                "index.cjs" => names
                    .iter()
                    .filter(|name| !own(name))
                    .map(|name| format!("exports.{name} = glue.{name};\n"))
                    .collect(),
                "web.js" => names
                    .iter()
                    .filter(|name| !own(name))
                    .map(|name| format!("  {name},\n"))
                    .collect(),
                _ => names.iter().map(|name| format!("  {name},\n")).collect(),
            };
            let text = self.render(&template.replace(placeholder, &value));
            write(&pkg.join(file), &text)?;
        }
        let esm_types = read_text(&js.join("index.d.ts"))?;
        for needed in ["export * from \"./wasm/web.js\";", "from \"./shared.js\";"] {
            if !esm_types.contains(needed) {
                return Err(format!("bindings-wasm/js/index.d.ts lacks {needed}"));
            }
        }
        write(&pkg.join(format!("{stem}.d.ts")), &self.render(&esm_types))?;
        let cjs_types = esm_types
            .replace("\"./wasm/web.js\"", "\"./wasm/node.cjs\"")
            .replace("\"./shared.js\"", "\"./shared.cjs\"");
        write(&pkg.join(format!("{stem}.d.cts")), &self.render(&cjs_types))
    }
}

/// `shared.js` for browsers and bundlers, and `shared.cjs` derived from it for Node.js (one
/// instance for ESM and CommonJS there), with their declarations.
pub fn shared_files(pkg: &Path) -> Result {
    let js = workspace_root().join("bindings-wasm/js");
    let source = read_text(&js.join("shared.js"))?;
    write(&pkg.join("shared.js"), &source)?;
    write(&pkg.join("shared.cjs"), &commonjs(&source)?)?;
    copy(&js.join("shared.d.ts"), &pkg.join("shared.d.ts"))?;
    copy(&js.join("shared.d.ts"), &pkg.join("shared.d.cts"))
}

/// The CommonJS form of an ES module without imports: `export class X` and `export function X`
/// lose `export`, and `exports.X = X;` lines are added at the end.
fn commonjs(source: &str) -> Result<String> {
    let mut body = String::from("'use strict';\n\n");
    let mut exported = Vec::new();
    for line in source.lines() {
        let definition = ["class ", "function "]
            .iter()
            .find_map(|kind| line.strip_prefix("export ")?.strip_prefix(kind));
        if let Some(rest) = definition {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            exported.push(name);
            body.push_str(&line["export ".len()..]);
        } else if line.starts_with("import ") || line.starts_with("export ") {
            return Err(format!(
                "bindings-wasm/js/shared.js: cannot derive CommonJS from `{line}`"
            ));
        } else {
            body.push_str(line);
        }
        body.push('\n');
    }
    for name in exported {
        body.push_str(&format!("exports.{name} = {name};\n"));
    }
    Ok(body)
}

/// The names the glue exports, minus the bridge's internals (`__...`) and `initSync`, which
/// the entry points define themselves.
fn exported_names(glue: &str) -> Vec<String> {
    let mut names: Vec<String> = glue
        .lines()
        .filter_map(|line| line.strip_prefix("exports."))
        .filter_map(|rest| rest.split_once(" = ").map(|(name, _)| name.to_owned()))
        .filter(|name| !name.starts_with("__") && name != "initSync")
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commonjs_rewrites_exported_definitions_only() {
        let source = "// c\nexport class A extends Error {}\nconst x = 1;\nexport function b(y) {\n  return y;\n}\n";
        assert_eq!(
            commonjs(source).as_deref(),
            Ok(
                "'use strict';\n\n// c\nclass A extends Error {}\nconst x = 1;\nfunction b(y) {\n  return y;\n}\nexports.A = A;\nexports.b = b;\n"
            )
        );
        assert!(commonjs("import x from './y.js';\n").is_err());
        assert!(commonjs("export const z = 1;\n").is_err());
    }

    #[test]
    fn the_ids_entry_renders_its_own_paths() {
        let text = IDS.render("require('./wasm/node.cjs'); import './wasm/web.js'; new URL('./wasm/kotacerdas_bg.wasm'); import c from './index.cjs';");
        assert_eq!(
            text,
            "require('./wasm/ids-node.cjs'); import './wasm/ids-web.js'; new URL('./wasm/kotacerdas_ids_bg.wasm'); import c from './ids.cjs';"
        );
        assert_eq!(
            MAIN.render("./wasm/node.cjs ./index.cjs"),
            "./wasm/node.cjs ./index.cjs"
        );
    }
}
