//! Possible duplicates before submitting (FixMyStreet lesson: same category, still open,
//! nearby, a handful, nearest first). Radius and count are data (`report_rules.json`).

use serde::{Deserialize, Serialize};

use crate::complaint::Catalog;
use crate::complaint::geo::GeoPoint;
use crate::complaint::lifecycle::State;
use crate::json_de::JsonRead;

/// What the app knows about an existing report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonRead)]
pub struct ExistingReport {
    /// Its id.
    pub id: String,
    /// Category code.
    pub category: String,
    /// Current state.
    pub state: State,
    /// Its GPS point, if it has one.
    #[serde(default)]
    pub location: Option<GeoPoint>,
}

/// A suggested duplicate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateSuggestion {
    /// Id of the existing report.
    pub id: String,
    /// Distance from the new report, in whole metres.
    pub distance_m: u32,
}

/// Existing open reports of the same category within the radius of `point`, nearest first
/// (ties by id), at most the configured number.
pub fn suggest(
    catalog: &Catalog,
    category: &str,
    point: GeoPoint,
    existing: &[ExistingReport],
) -> Vec<DuplicateSuggestion> {
    let rules = catalog.report_rules();
    if !point.is_valid() {
        return Vec::new();
    }
    let mut hits: Vec<(f64, &ExistingReport)> = existing
        .iter()
        .filter(|report| report.category == category && report.state.is_open())
        .filter_map(|report| {
            let location = report.location.filter(|p| p.is_valid())?;
            let distance = point.distance_m(location);
            (distance <= rules.duplicate_radius_m).then_some((distance, report))
        })
        .collect();
    crate::sort::sort_by(&mut hits, |a, b| {
        a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
    });
    hits.into_iter()
        .take(rules.duplicate_max_results)
        .map(|(distance, report)| DuplicateSuggestion {
            id: report.id.clone(),
            distance_m: distance.round() as u32,
        })
        .collect()
}
