//! Example: a back-office job that turns a file of NIKs (one per line) into rows a data
//! warehouse may keep under UU 27/2022 — a keyed pseudonym for joining, the district, birth
//! year and sex — and never writes a whole NIK. Refused lines are counted by error code.
//!
//! ```sh
//! KOTACERDAS_PSEUDONYM_KEY=$(openssl rand -hex 32) \
//!   cargo run -p kotacerdas-example-pseudonymise -- examples/data/niks-sample.txt > rows.csv
//! ```

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::{env, fs};

use kotacerdas_core::Date;
use kotacerdas_core::id::nik::{Nik, NikOptions, NikSummary, Sex};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let path = env::args()
        .nth(1)
        .ok_or("usage: kotacerdas-example-pseudonymise NIKS_FILE (one NIK per line)")?;
    // The key joins datasets: keep it secret, and the same for every dataset that must join.
    let key = env::var("KOTACERDAS_PSEUDONYM_KEY")
        .map_err(|_| "set KOTACERDAS_PSEUDONYM_KEY (at least 16 bytes; 32 random bytes advised)")?;
    // A fixed reference date keeps reruns identical; use today's date in production.
    let options = NikOptions::new(Date::new(2026, 11, 29).map_err(|e| e.to_string())?);

    let file = fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut summary = NikSummary::default();
    writeln!(out, "pseudonym,district_code,birth_year,sex").map_err(|e| e.to_string())?;
    for line in io::BufReader::new(file).lines() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        let result = Nik::parse_with(&line, &options);
        summary.record(&result);
        let Ok(nik) = result else { continue };
        let pseudonym = nik.pseudonym(key.as_bytes()).map_err(|e| e.to_string())?;
        let district = nik
            .district()
            .map(|d| d.code.to_string())
            .unwrap_or_default();
        let sex = match nik.sex() {
            Sex::Male => "L",
            Sex::Female => "P",
        };
        writeln!(
            out,
            "{pseudonym},{district},{},{sex}",
            nik.birth_date().year()
        )
        .map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    eprintln!(
        "{} lines: {} accepted ({} with warnings), {} refused {:?}",
        summary.total,
        summary.valid,
        summary.with_warnings,
        summary.invalid,
        summary.errors()
    );
    Ok(())
}
