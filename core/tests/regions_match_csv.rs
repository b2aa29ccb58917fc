//! The embedded region tables equal the CSV files in `core/data/wilayah/`, read at test time
//! with an independent CSV reader, and the region API behaves as `spec/identifiers.md` says.
// clippy.toml's allow-unwrap-in-tests covers #[test] functions only, not their helpers.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use kotacerdas_core::error::Coded;
use kotacerdas_core::region::{
    self, MatchKind, Region, RegionCode, RegionError, RegionLevel, Retirement,
};
use kotacerdas_core::{Date, Lang};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/wilayah")
}

/// Splits RFC 4180 CSV text into records (quoted fields may hold commas, doubled quotes and
/// line breaks). Written independently of `build.rs` on purpose.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Rows of a CSV file as maps from header to value.
fn read_csv(file: &str) -> Vec<BTreeMap<String, String>> {
    let text = fs::read_to_string(data_dir().join(file)).unwrap();
    let mut records = parse_csv(&text).into_iter();
    let header = records.next().unwrap();
    records
        .map(|record| {
            assert_eq!(record.len(), header.len(), "{file}: {record:?}");
            header.iter().cloned().zip(record).collect()
        })
        .collect()
}

fn code_and_name(file: &str) -> Vec<(String, String)> {
    read_csv(file)
        .into_iter()
        .map(|row| (row["code"].clone(), row["name"].clone()))
        .collect()
}

/// The dotted code the API prints must be the code of the CSV, digit for digit.
fn assert_current(level: RegionLevel, rows: &[(String, String)]) {
    let all = region::all(level);
    assert_eq!(all.len(), rows.len(), "{level:?} count");
    for ((code, name), from_all) in rows.iter().zip(&all) {
        let region = region::lookup(code).unwrap();
        assert_eq!(region.code.to_string(), *code);
        assert_eq!(region.name, name, "{code}");
        assert_eq!(region.level, level, "{code}");
        assert!(region.retired.is_none(), "{code}");
        let expected_parent = code.rfind('.').map(|dot| &code[..dot]);
        assert_eq!(
            region.parent.map(|p| p.to_string()),
            expected_parent.map(str::to_owned),
            "{code}"
        );
        // The same region without dots, and in the order of the file.
        assert_eq!(region::lookup(&code.replace('.', "")).unwrap(), region);
        assert_eq!(*from_all, region, "region::all({level:?}) order");
    }
}

#[test]
fn provinces_equal_csv() {
    let rows = code_and_name("provinces.csv");
    assert_eq!(rows.len(), 38);
    assert_current(RegionLevel::Province, &rows);
}

#[test]
fn regencies_equal_csv() {
    let rows = code_and_name("regencies.csv");
    assert_eq!(rows.len(), 514);
    assert_current(RegionLevel::Regency, &rows);
    let kota = rows
        .iter()
        .filter(|(code, _)| code[3..].parse::<u32>().unwrap() >= 71)
        .count();
    assert_eq!((rows.len() - kota, kota), (416, 98));
}

#[test]
fn districts_equal_csv() {
    let rows = code_and_name("districts.csv");
    assert_eq!(rows.len(), 7_285);
    assert_current(RegionLevel::District, &rows);
}

#[test]
fn sampang_villages_equal_csv() {
    let rows = code_and_name("villages_3527.csv");
    assert_eq!(rows.len(), 186);
    assert_current(RegionLevel::Village, &rows);
    let kelurahan: Vec<&str> = rows
        .iter()
        .filter(|(code, _)| code.as_bytes()[9] == b'1')
        .map(|(_, name)| name.as_str())
        .collect();
    assert_eq!(
        kelurahan,
        [
            "Polagan",
            "Banyuanyar",
            "Rongtengah",
            "Karang Dalam",
            "Gunung Sekar",
            "Dalpenang"
        ]
    );
}

#[test]
fn retired_codes_equal_csv() {
    let rows = read_csv("retired_codes.csv");
    assert_eq!(rows.len(), 620);
    let all = region::all_retired();
    assert_eq!(all.len(), 620);
    let by_code: BTreeMap<String, &Region> = all.iter().map(|r| (r.code.to_string(), r)).collect();
    assert_eq!(by_code.len(), 620, "no duplicates");
    let (mut regencies, mut districts) = (0, 0);
    for row in &rows {
        let code = &row["code"];
        let level = match row["level"].as_str() {
            "regency" => {
                regencies += 1;
                RegionLevel::Regency
            }
            "district" => {
                districts += 1;
                RegionLevel::District
            }
            other => panic!("unexpected level {other}"),
        };
        let region = region::lookup(code).unwrap();
        assert_eq!(*by_code[code], region, "{code}");
        assert_eq!(region.name, row["name_when_retired"], "{code}");
        assert_eq!(region.level, level, "{code}");
        assert_eq!(
            region.parent.unwrap().to_string(),
            code[..code.rfind('.').unwrap()],
            "{code}"
        );
        let Retirement {
            successor,
            successor_name,
            successor_match,
            earliest_archive,
            last_archive,
        } = region.retired.unwrap();
        assert_eq!(
            successor.to_string(),
            row["probable_successor_code"],
            "{code}"
        );
        assert_eq!(successor.level(), level, "{code}");
        assert_eq!(
            successor_name,
            Some(row["successor_name"].as_str()),
            "{code}"
        );
        assert_eq!(successor_match, row["successor_match"], "{code}");
        assert_eq!(
            earliest_archive, row["earliest_archive_with_code"],
            "{code}"
        );
        assert_eq!(last_archive, row["last_archive_with_code"], "{code}");
        // The successor is a current region.
        assert!(region::get(successor).unwrap().retired.is_none(), "{code}");
    }
    assert_eq!((regencies, districts), (26, 594));
    // Regencies first, then districts, each in code order.
    let order: Vec<(RegionLevel, RegionCode)> = all.iter().map(|r| (r.level, r.code)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn retired_and_current_codes_are_disjoint() {
    let current: BTreeSet<String> = [RegionLevel::Regency, RegionLevel::District]
        .into_iter()
        .flat_map(region::all)
        .map(|r| r.code.to_string())
        .collect();
    for retired in region::all_retired() {
        assert!(!current.contains(&retired.code.to_string()));
    }
}

#[test]
fn every_current_code_has_its_parent() {
    for level in [
        RegionLevel::Regency,
        RegionLevel::District,
        RegionLevel::Village,
    ] {
        for region in region::all(level) {
            let parent = region::get(region.parent.unwrap()).unwrap();
            assert!(parent.retired.is_none(), "{}", region.code);
        }
    }
}

#[test]
fn shipped_csv_files_equal_shared_data() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/wilayah");
    if !shared.is_dir() {
        println!(
            "note: {} is absent; skipping the byte comparison with the shared data",
            shared.display()
        );
        return;
    }
    let mut compared = 0;
    for entry in fs::read_dir(data_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        let name = path.file_name().unwrap();
        let ours = fs::read(&path).unwrap();
        let theirs = fs::read(shared.join(name))
            .unwrap_or_else(|e| panic!("{name:?} missing from shared data: {e}"));
        assert!(ours == theirs, "{name:?} differs from the shared copy");
        compared += 1;
    }
    assert_eq!(compared, 6);
    let shared_csv = fs::read_dir(&shared)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .and_then(|e| e.to_str())
                == Some("csv")
        })
        .count();
    assert_eq!(
        shared_csv, compared,
        "the shared folder has a CSV the core lacks"
    );
}

#[test]
fn children_of_sampang_are_its_14_kecamatan_in_order() {
    let sampang = region::lookup("35.27").unwrap();
    assert_eq!(sampang.name, "Kabupaten Sampang");
    assert_eq!(sampang.level, RegionLevel::Regency);
    assert_eq!(sampang.parent.unwrap().to_string(), "35");
    let children: Vec<(String, &str)> = region::children(sampang.code)
        .into_iter()
        .map(|r| (r.code.to_string(), r.name))
        .collect();
    let expected = [
        "Sreseh",
        "Torjun",
        "Sampang",
        "Camplong",
        "Omben",
        "Kedungdung",
        "Jrengik",
        "Tambelangan",
        "Banyuates",
        "Robatal",
        "Sokobanah",
        "Ketapang",
        "Pangarengan",
        "Karangpenang",
    ];
    let expected: Vec<(String, &str)> = expected
        .iter()
        .enumerate()
        .map(|(i, name)| (format!("35.27.{:02}", i + 1), *name))
        .collect();
    assert_eq!(children, expected);
}

#[test]
fn children_at_every_level() {
    let jatim = RegionCode::parse("35").unwrap();
    let regencies = region::children(jatim);
    assert_eq!(regencies.len(), 38, "Jawa Timur: 29 kabupaten + 9 kota");
    assert!(regencies.iter().all(|r| r.level == RegionLevel::Regency));
    let sreseh_villages = region::children(RegionCode::parse("35.27.01").unwrap());
    assert_eq!(sreseh_villages[0].code.to_string(), "35.27.01.2001");
    assert_eq!(sreseh_villages[0].name, "Noreh");
    let total: usize = region::children(RegionCode::parse("3527").unwrap())
        .iter()
        .map(|d| region::children(d.code).len())
        .sum();
    assert_eq!(total, 186);
    assert!(region::children(RegionCode::parse("35.27.01.2001").unwrap()).is_empty());
    // Retired codes are not listed as children; they are found by code.
    let papua = region::children(RegionCode::parse("91").unwrap());
    assert!(papua.iter().all(|r| r.retired.is_none()));
}

#[test]
fn sokobanah_is_kemendagri_35_27_11_not_bps_ketapang() {
    assert_eq!(region::lookup("35.27.11").unwrap().name, "Sokobanah");
    assert_eq!(region::lookup("352711").unwrap().name, "Sokobanah");
    assert_eq!(region::lookup("35.27.12").unwrap().name, "Ketapang");
}

#[test]
fn retired_papua_code_has_successor() {
    // 91.02.03 Kurulu moved to Papua Pegunungan as 95.01.02 (data README).
    let kurulu = region::lookup("91.02.03").unwrap();
    assert_eq!(kurulu.name, "Kurulu");
    let retired = kurulu.retired.unwrap();
    assert_eq!(retired.successor.to_string(), "95.01.02");
    assert_eq!(retired.successor_name, Some("Kurulu"));
}

fn names(hits: &[region::SearchHit]) -> Vec<&'static str> {
    hits.iter().map(|h| h.region.name).collect()
}

#[test]
fn search_ignores_case_space_and_punctuation() {
    let hits = region::search("tamba an", 5);
    assert_eq!(hits[0].region.name, "Tamba'an");
    assert_eq!(hits[0].region.code.to_string(), "35.27.04.2003");
    assert_eq!(hits[0].matched, MatchKind::Exact);

    let hits = region::search("karang penang", 5);
    assert_eq!(hits[0].region.code.to_string(), "35.27.14");
    assert_eq!(hits[0].matched, MatchKind::Exact);
    assert_eq!(
        names(&hits),
        ["Karangpenang", "Karangpenang Oloh", "Karangpenang Onjur"]
    );

    for query in ["SOKOBANAH", "  sokobanah ", "soko-banah", "Soko.Banah"] {
        let hits = region::search(query, 1);
        assert_eq!(hits[0].region.code.to_string(), "35.27.11", "{query}");
        assert_eq!(hits[0].matched, MatchKind::Exact, "{query}");
    }
    // "P. Mandangin" by its word and with the abbreviation.
    for query in ["mandangin", "p mandangin", "P.Mandangin"] {
        let hits = region::search(query, 3);
        assert_eq!(hits[0].region.code.to_string(), "35.27.03.2001", "{query}");
    }
}

#[test]
fn search_ranks_exact_then_prefix_then_substring() {
    let hits = region::search("sampang", 100);
    // Exact: the regency (administrative prefix ignored) before the districts named Sampang
    // (Cilacap's 33.01.17 and Sampang's own 35.27.03), in code order.
    let exact: Vec<String> = hits
        .iter()
        .filter(|h| h.matched == MatchKind::Exact)
        .map(|h| h.region.code.to_string())
        .collect();
    assert_eq!(exact, ["35.27", "33.01.17", "35.27.03"]);
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.matched).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "exact > prefix > substring");

    // "ketapang": the district is exact; villages "Ketapang Timur" etc. are prefix matches.
    let hits = region::search("ketapang", 100);
    assert_eq!(hits[0].matched, MatchKind::Exact);
    assert!(
        hits.iter()
            .any(|h| h.region.name == "Ketapang Timur" && h.matched == MatchKind::Prefix)
    );

    // "banah": only substring matches (Sokobanah and its villages).
    let hits = region::search("banah", 100);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.matched == MatchKind::Substring));
    assert!(hits.iter().any(|h| h.region.name == "Sokobanah"));

    // A prefix match beats a substring match: "sokob" starts "Sokobanah".
    let hits = region::search("sokob", 100);
    assert!(hits.iter().all(|h| h.matched == MatchKind::Prefix));

    assert_eq!(region::search("sampang", 1).len(), 1);
    assert!(region::search("", 10).is_empty());
    assert!(region::search(" .' ", 10).is_empty());
    assert!(region::search("sampang", 0).is_empty());
    assert!(region::search("zzzzqqq", 10).is_empty());
}

#[test]
fn search_ignores_only_whole_administrative_words_of_regencies() {
    // "Kabupaten"/"Kota" may be left out of a regency name: "padang" is exactly Kota Padang.
    let hits = region::search("padang", 200);
    let exact: Vec<String> = hits
        .iter()
        .filter(|h| h.matched == MatchKind::Exact)
        .map(|h| h.region.code.to_string())
        .collect();
    assert!(exact.contains(&"13.71".to_owned()), "{exact:?}");
    // ...but "Kota Padang" the kecamatan (17.02.06) is not a kota: its name has two words.
    let kecamatan = hits
        .iter()
        .find(|h| h.region.code.to_string() == "17.02.06")
        .unwrap();
    assert_eq!(kecamatan.matched, MatchKind::Prefix);
    // "Kotabumi" does not start with the word "Kota": "bumi" is only inside it.
    let hits = region::search("bumi", 500);
    let kotabumi = hits
        .iter()
        .find(|h| h.region.code.to_string() == "18.03.02")
        .unwrap();
    assert_eq!(kotabumi.region.name, "Kotabumi");
    assert_eq!(kotabumi.matched, MatchKind::Substring);
}

#[test]
fn search_orders_by_kind_then_current_first_then_level_then_code() {
    for query in ["sampang", "tengah", "kota", "barat", "papua", "a"] {
        let hits = region::search(query, 10_000);
        let keys: Vec<_> = hits
            .iter()
            .map(|h| {
                (
                    h.matched,
                    h.region.retired.is_some(),
                    h.region.level,
                    h.region.code,
                )
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{query}");
    }
    // Administrative words of a regency, "Administrasi" included, may be left out.
    for (query, code) in [
        ("kepulauan seribu", "31.01"),
        ("Jakarta Pusat", "31.71"),
        ("kabupaten sampang", "35.27"),
        ("Kota Surabaya", "35.78"),
    ] {
        let hits = region::search(query, 1);
        assert_eq!(hits[0].region.code.to_string(), code, "{query}");
        assert_eq!(hits[0].matched, MatchKind::Exact, "{query}");
    }
    // A typographic apostrophe is punctuation too.
    assert_eq!(
        region::search("Tamba\u{2019}an", 1)[0].region.name,
        "Tamba'an"
    );
}

#[test]
fn jawa_timur_has_666_kecamatan() {
    let total: usize = region::children(RegionCode::parse("35").unwrap())
        .iter()
        .map(|regency| region::children(regency.code).len())
        .sum();
    assert_eq!(total, 666);
}

#[test]
fn search_finds_retired_codes_last() {
    let hits = region::search("kurulu", 10);
    assert_eq!(hits[0].region.code.to_string(), "95.01.02");
    assert!(hits[0].region.retired.is_none());
    let retired = hits
        .iter()
        .find(|h| h.region.code.to_string() == "91.02.03")
        .unwrap();
    assert!(retired.region.retired.is_some());
}

#[test]
fn decree_name_and_date() {
    let decree = region::decree();
    assert_eq!(decree.name, "Kepmendagri No. 300.2.2-2430 Tahun 2025");
    assert_eq!(decree.date, Date::new(2025, 6, 23).unwrap());
    assert!(decree.title.contains("300.2.2-2138"));
    assert!(decree.source.contains("cahyadsn/wilayah"));
}

#[test]
fn invalid_codes_are_refused_with_region_invalid_code() {
    for text in [
        "",
        "3",
        "352",
        "35271",
        "3527011",
        "35.27.01.20011",
        "35-27",
        "35,27",
        "35.2a",
        "３５",
        "35.27.01.2001.1",
    ] {
        let error = region::lookup(text).unwrap_err();
        assert_eq!(error, RegionError::InvalidCode {}, "{text:?}");
        assert_eq!(error.code(), "REGION_INVALID_CODE");
        assert_messages(&error);
    }
}

#[test]
fn unknown_codes_are_region_not_found() {
    for (text, code) in [
        ("99", "99"),
        ("10", "10"),
        ("35.00", "35.00"),
        ("3570", "35.70"),
        ("35.27.15", "35.27.15"),
        ("35.27.00", "35.27.00"),
        ("35.27.01.2999", "35.27.01.2999"),
        // Villages outside Sampang are not loaded.
        ("35.26.01.2001", "35.26.01.2001"),
    ] {
        let error = region::lookup(text).unwrap_err();
        assert_eq!(
            error,
            RegionError::NotFound {
                code: code.to_owned()
            },
            "{text}"
        );
        assert_eq!(error.code(), "REGION_NOT_FOUND");
        assert!(error.message(Lang::En).contains(code));
        assert_messages(&error);
    }
}

#[test]
fn region_error_codes_are_all_covered() {
    assert_eq!(
        RegionError::CODES,
        ["REGION_INVALID_CODE", "REGION_NOT_FOUND"]
    );
}

#[test]
fn region_code_forms() {
    let code = RegionCode::parse(" 35.27.01.2001 ").unwrap();
    assert_eq!(code.level(), RegionLevel::Village);
    assert_eq!(code.value(), 3_527_012_001);
    assert_eq!(code.plain(), "3527012001");
    assert_eq!(code.to_string(), "35.27.01.2001");
    assert_eq!(format!("{code:?}"), "RegionCode(35.27.01.2001)");
    assert_eq!(code.parent().unwrap().to_string(), "35.27.01");
    assert!(RegionCode::parse("35").unwrap().parent().is_none());
    assert_eq!(
        RegionCode::from_value(RegionLevel::District, 110101)
            .unwrap()
            .to_string(),
        "11.01.01"
    );
    assert_eq!(
        RegionCode::from_value(RegionLevel::Province, 100),
        Err(RegionError::InvalidCode {})
    );
    assert_eq!(RegionLevel::Village.digits(), 10);
}

fn assert_messages(error: &dyn Coded) {
    let (id, en) = (error.message(Lang::Id), error.message(Lang::En));
    assert!(!id.is_empty() && !en.is_empty());
    assert_ne!(id, en);
}
