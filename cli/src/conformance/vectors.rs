//! Reading vector files: `{"suite", "function", "description", "legal_basis", "cases": [...]}`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

/// One vector file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorFile {
    pub suite: String,
    pub function: String,
    pub description: String,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    /// The script that wrote the file, when it is generated (not used by the runner).
    #[serde(default)]
    #[allow(dead_code)]
    pub generated_by: Option<String>,
    pub cases: Vec<Case>,
    /// Where the file was read from (not part of the format).
    #[serde(skip)]
    pub path: PathBuf,
}

/// One case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub description: String,
    pub input: Value,
    pub expected: Expected,
    /// For a case taken from a legal worked example: where it comes from.
    #[serde(default)]
    pub source: Option<String>,
}

/// Exactly one of `ok` (fields that must be equal) or `error` (`{"code": ...}`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum Expected {
    Ok(Value),
    Error(ExpectedError),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedError {
    pub code: String,
}

/// Loads every `.json` file under the given files and folders, in path order.
pub fn load(paths: &[PathBuf]) -> io::Result<Vec<VectorFile>> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).map_err(|e| {
                io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
            })?;
            let mut file: VectorFile = serde_json::from_str(&text).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{} is not a vector file: {e}", path.display()),
                )
            })?;
            file.path = path;
            Ok(file)
        })
        .collect()
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let metadata = fs::metadata(path)
        .map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
    if metadata.is_dir() {
        for entry in fs::read_dir(path)? {
            collect(&entry?.path(), files)?;
        }
    } else if path.extension().is_some_and(|e| e == "json") {
        files.push(path.to_path_buf());
    }
    Ok(())
}
