//! The shipped complaint data: shape, cross-references, labels, search and routing.
#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use kotacerdas_core::Coded;
use kotacerdas_core::complaint::routing::{self, Route};
use kotacerdas_core::complaint::{Catalog, CatalogSources, GeoPoint};

#[test]
fn taxonomy_shape() {
    let catalog = Catalog::embedded();
    let top: Vec<_> = catalog.top_level().collect();
    assert!(top.len() >= 15, "{} top-level categories", top.len());
    for category in &top {
        assert!(
            (3..=8).contains(&category.children.len()),
            "{} has {} sub-categories",
            category.code,
            category.children.len()
        );
    }
    for category in catalog.categories() {
        assert!(!category.keywords.is_empty(), "{}", category.code);
        assert!(!category.name_id.is_empty() && !category.name_en.is_empty());
        assert!(catalog.opd(&category.opd).is_some(), "{}", category.code);
        let policy = catalog.sla_policy(&category.sla_policy).unwrap();
        assert!(!policy.legal_reference.is_empty());
        assert!(!category.allowed_kinds.is_empty());
        if let Some(parent) = &category.parent {
            assert!(category.code.starts_with(&format!("{parent}.")));
        }
    }
    // Inheritance: a sub-category without its own OPD takes its parent's; one with its own
    // keeps it.
    assert_eq!(catalog.category("KES.PUSKESMAS").unwrap().opd, "DINKES_KB");
    assert_eq!(catalog.category("KES.RSUD").unwrap().opd, "RSUD_MZYN");
    assert!(!catalog.category("LAYPUB.PUNGLI").unwrap().accepts_nik);
    assert!(catalog.category("LAYPUB.PERILAKU").unwrap().accepts_nik);
}

#[test]
fn opd_labels_follow_the_spec_table() {
    let catalog = Catalog::embedded();
    // spec/complaints.md: names without "?" are confirmed for 2024-2025.
    for code in [
        "DPUPR",
        "DLH_PERKIM",
        "BPBD",
        "DINKES_KB",
        "RSUD_MZYN",
        "DISDIK",
        "DISPENDUKCAPIL",
        "DPMPTSP",
        "BPPKAD",
        "SATPOL_PP",
        "PERUMDA_AM_TRUNOJOYO",
        "DISKOMINFO",
    ] {
        assert!(catalog.opd(code).unwrap().confirmed, "{code}");
    }
    for code in ["DISHUB", "DINSOS", "DISKOPINDAG", "INSPEKTORAT"] {
        let opd = catalog.opd(code).unwrap();
        assert!(!opd.confirmed, "{code}");
        assert!(opd.note.is_some(), "{code} needs a note saying why");
    }
    assert_eq!(catalog.opd("PLN").unwrap().kind, "external");
}

#[test]
fn search_suggests_the_right_category() {
    let catalog = Catalog::embedded();
    for (query, expected) in [
        ("Jalan berlubang di depan pasar Srimangunan", "INFRA.JALAN"),
        ("jalan bolong parah", "INFRA.JALAN"),
        ("pothole on the road", "INFRA.JALAN"),
        ("lampu jalan mati sejak minggu lalu", "PJU.MATI"),
        ("street light out", "PJU.MATI"),
        ("sampah numpuk dan bau", "LINGK.SAMPAH"),
        ("banjir kali kemuning", "BENCANA.BANJIR"),
        ("e-KTP saya belum jadi", "ADMINDUK.KTP"),
        ("akta kelahiran anak", "ADMINDUK.AKTA"),
        ("ada pungli di kantor", "LAYPUB.PUNGLI"),
        ("air PDAM nggak ngalir", "AIR.MATI"),
        ("aeng keruh", "AIR.KUALITAS"),
        ("mati lampu sejak pagi", "LISTRIK.PADAM"),
        ("PBB saya salah hitung", "PAJAK.PBB"),
        ("parkir liar di alun-alun", "TRANTIB.PARKIR"),
        ("puskesmas tutup", "KES.PUSKESMAS"),
        ("demam berdarah di kampung", "KES.WABAH"),
        ("BANSOS PKH tidak cair", "SOSIAL.PKH"),
    ] {
        let hits = catalog.search_categories(query, 5);
        assert!(!hits.is_empty(), "{query}");
        assert_eq!(hits[0].code, expected, "{query}: {hits:?}");
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
    assert_eq!(catalog.search_categories("jalan", 3).len(), 3);
    assert!(catalog.search_categories("", 5).is_empty());
    assert!(
        catalog
            .search_categories("\u{0}\u{7}\u{1b}[31m", 5)
            .is_empty()
    );
    assert!(catalog.search_categories("qwertyzzz", 5).is_empty());
    let huge = "jalan ".repeat(200_000);
    assert_eq!(catalog.search_categories(&huge, 1)[0].code, "INFRA.JALAN");
}

#[test]
fn routing_with_forwarding() {
    let catalog = Catalog::embedded();
    let opd =
        |category: &str, region: Option<&str>| routing::route(catalog, category, region).unwrap();
    assert_eq!(opd("INFRA.JALAN", None).agency(), "DPUPR");
    assert_eq!(opd("INFRA.JALAN", Some("35.27.01")).agency(), "DPUPR");
    assert_eq!(opd("KES.RSUD", Some("35.27.01.2001")).agency(), "RSUD_MZYN");
    match opd("LISTRIK.PADAM", Some("3527012001")) {
        Route::Forward {
            body, reason_id, ..
        } => {
            assert_eq!(body, "PLN");
            assert!(!reason_id.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        opd("INFRA.JALAN_NASIONAL", None),
        Route::Forward { .. }
    ));
    match opd("SOSIAL.PKH", None) {
        Route::Opd { opd, confirmed, .. } => {
            assert_eq!(opd, "DINSOS");
            assert!(!confirmed, "unconfirmed OPDs are labelled");
        }
        other => panic!("{other:?}"),
    }
    let err = routing::route(catalog, "NOPE", None).unwrap_err();
    assert_eq!(err.code(), "COMPLAINT_ROUTING_UNKNOWN_CATEGORY");
    for region in ["35.26.01", "35.27", "35.27.99", "x", "35.28.01.2001"] {
        let err = routing::route(catalog, "INFRA.JALAN", Some(region)).unwrap_err();
        assert_eq!(err.code(), "COMPLAINT_ROUTING_REGION_OUTSIDE", "{region}");
    }
}

fn with_routing(routing: &str) -> Result<Catalog, kotacerdas_core::complaint::ComplaintDataError> {
    Catalog::from_sources(CatalogSources {
        routing,
        ..CatalogSources::embedded()
    })
}

#[test]
fn most_specific_rule_wins() {
    let catalog = with_routing(
        r#"{"version":"t","rules":[
          {"category":"TRANTIB","outcome":{"type":"opd","opd":"DPUPR"}},
          {"category":"TRANTIB.PKL","district":"35.27.03","outcome":{"type":"opd","opd":"DISHUB"}},
          {"category":"TRANTIB","village":"35.27.03.2001","outcome":{"type":"opd","opd":"BPBD"}}
        ]}"#,
    )
    .unwrap();
    let agency = |category: &str, region: Option<&str>| {
        routing::route(&catalog, category, region)
            .unwrap()
            .agency()
            .to_owned()
    };
    assert_eq!(agency("TRANTIB.PKL", None), "DPUPR");
    assert_eq!(agency("TRANTIB.PKL", Some("35.27.01")), "DPUPR");
    assert_eq!(agency("TRANTIB.PKL", Some("35.27.03")), "DISHUB");
    // A desa rule beats a kecamatan rule even with a shorter category code.
    assert_eq!(agency("TRANTIB.PKL", Some("35.27.03.2001")), "BPBD");
    assert_eq!(agency("INFRA.JALAN", Some("35.27.03.2001")), "DPUPR");
}

#[test]
fn broken_data_is_refused_with_a_code() {
    let cases = [
        (with_routing("{"), "COMPLAINT_DATA_INVALID_JSON"),
        (
            with_routing(
                r#"{"version":"t","rules":[{"category":"NOPE","outcome":{"type":"opd","opd":"DPUPR"}}]}"#,
            ),
            "COMPLAINT_DATA_UNKNOWN_REFERENCE",
        ),
        (
            with_routing(
                r#"{"version":"t","rules":[{"category":"INFRA","outcome":{"type":"opd","opd":"NOPE"}}]}"#,
            ),
            "COMPLAINT_DATA_UNKNOWN_REFERENCE",
        ),
        (
            with_routing(
                r#"{"version":"t","rules":[{"category":"INFRA","district":"35.26.01","outcome":{"type":"opd","opd":"DPUPR"}}]}"#,
            ),
            "COMPLAINT_DATA_UNKNOWN_REFERENCE",
        ),
    ];
    for (result, code) in cases {
        assert_eq!(result.unwrap_err().code(), code);
    }
    let embedded = CatalogSources::embedded();
    let taxonomy = embedded
        .taxonomy
        .replacen("\"INFRA.JEMBATAN\"", "\"INFRA.JALAN\"", 1);
    let err = Catalog::from_sources(CatalogSources {
        taxonomy: &taxonomy,
        ..embedded
    })
    .unwrap_err();
    assert_eq!(err.code(), "COMPLAINT_DATA_DUPLICATE_CODE");
    let taxonomy = embedded
        .taxonomy
        .replacen("\"INFRA.JEMBATAN\"", "\"PJU.JEMBATAN\"", 1);
    let err = Catalog::from_sources(CatalogSources {
        taxonomy: &taxonomy,
        ..embedded
    })
    .unwrap_err();
    assert_eq!(err.code(), "COMPLAINT_DATA_INVALID_CODE");
    let taxonomy = embedded
        .taxonomy
        .replacen("\"opd\": \"DPUPR\"", "\"opd\": \"NOPE\"", 1);
    let err = Catalog::from_sources(CatalogSources {
        taxonomy: &taxonomy,
        ..embedded
    })
    .unwrap_err();
    assert_eq!(err.code(), "COMPLAINT_DATA_UNKNOWN_REFERENCE");
    let err = Catalog::from_sources(CatalogSources {
        boundary: "{}",
        ..embedded
    })
    .unwrap_err();
    assert_eq!(err.code(), "COMPLAINT_DATA_INVALID_BOUNDARY");
}

#[test]
fn boundary_of_sampang() {
    let boundary = Catalog::embedded().boundary();
    let inside = |lat, lon| boundary.contains(GeoPoint { lat, lon });
    // Sampang town (alun-alun), the regency's interior, Pulau Mandangin.
    assert!(inside(-7.19, 113.24));
    assert!(inside(-7.05, 113.25));
    assert!(inside(-7.31, 113.215));
    // Pamekasan town, Bangkalan town, Surabaya, the Java Sea north of Madura.
    assert!(!inside(-7.16, 113.48));
    assert!(!inside(-7.03, 112.74));
    assert!(!inside(-7.25, 112.75));
    assert!(!inside(-6.80, 113.25));
    let far = boundary.distance_outside_m(GeoPoint {
        lat: -7.25,
        lon: 112.75,
    });
    assert!(far > 25_000.0, "{far}");
}
