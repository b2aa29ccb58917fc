//! Points, distances and the regency boundary (WGS84).
//!
//! Distances use the haversine formula on a spherical Earth (mean radius 6,371,008.8 m): the
//! error (< 0.5 %) is far below GPS accuracy at the 250 m scale of duplicate search. The
//! boundary test is a ray cast on the generalised polygon in `data/complaints/`, with a
//! tolerance band (see `report_rules.json`) because a generalised outline cuts off coasts.

use crate::json_de::JsonRead;
use serde::{Deserialize, Serialize};

const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A WGS84 position in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonRead)]
pub struct GeoPoint {
    /// Latitude, -90..=90 (Sampang is about -7.0).
    pub lat: f64,
    /// Longitude, -180..=180 (Sampang is about 113.2).
    pub lon: f64,
}

impl GeoPoint {
    /// Whether both coordinates are finite and in range.
    pub fn is_valid(self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && (-90.0..=90.0).contains(&self.lat)
            && (-180.0..=180.0).contains(&self.lon)
    }

    /// Great-circle distance in metres.
    pub fn distance_m(self, other: GeoPoint) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.lon - self.lon).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
    }
}

/// A multipolygon boundary: polygons of rings (first ring outer, others holes).
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    polygons: Vec<Vec<Vec<GeoPoint>>>,
}

#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
struct GeoJsonFeature {
    geometry: GeoJsonGeometry,
}

/// `{"type": "Polygon" | "MultiPolygon", "coordinates": ...}`, read as a plain struct and the
/// coordinates by type: serde's internally tagged enum buffers its input in serde's private
/// `Content` and compiles a reader per variant for it (npm package size).
#[cfg_attr(test, derive(Debug))]
#[derive(Deserialize, JsonRead)]
struct GeoJsonGeometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: serde_json::Value,
}

impl Boundary {
    /// Reads a GeoJSON `Feature` whose geometry is a `Polygon` or `MultiPolygon`
    /// (positions `[lon, lat]`). `None` if it is not one, or a ring has fewer than 4
    /// positions or invalid coordinates.
    pub fn from_geojson(text: &str) -> Option<Boundary> {
        let geometry = crate::json_de::from_str::<GeoJsonFeature>(text)
            .ok()?
            .geometry;
        let coordinates = &geometry.coordinates;
        let raw: Vec<Vec<Vec<[f64; 2]>>> = match geometry.kind.as_str() {
            "Polygon" => vec![crate::json_de::from_value(coordinates).ok()?],
            "MultiPolygon" => crate::json_de::from_value(coordinates).ok()?,
            _ => return None,
        };
        let mut polygons = Vec::new();
        for polygon in raw {
            let mut rings = Vec::new();
            for ring in polygon {
                let points: Vec<GeoPoint> = ring
                    .into_iter()
                    .map(|[lon, lat]| GeoPoint { lat, lon })
                    .collect();
                if points.len() < 4 || !points.iter().all(|p| p.is_valid()) {
                    return None;
                }
                rings.push(points);
            }
            if rings.is_empty() {
                return None;
            }
            polygons.push(rings);
        }
        (!polygons.is_empty()).then_some(Boundary { polygons })
    }

    /// Whether `point` is inside (on the boundary counts as either; the tolerance covers it).
    pub fn contains(&self, point: GeoPoint) -> bool {
        self.polygons.iter().any(|rings| {
            let mut rings = rings.iter();
            let inside_outer = rings
                .next()
                .is_some_and(|outer| ring_contains(outer, point));
            inside_outer && !rings.any(|hole| ring_contains(hole, point))
        })
    }

    /// 0 inside, otherwise the distance in metres to the nearest boundary edge.
    pub fn distance_outside_m(&self, point: GeoPoint) -> f64 {
        if self.contains(point) {
            return 0.0;
        }
        self.polygons
            .iter()
            .flatten()
            .flat_map(|ring| ring.windows(2))
            .map(|edge| segment_distance_m(point, edge[0], edge[1]))
            .fold(f64::INFINITY, f64::min)
    }
}

fn ring_contains(ring: &[GeoPoint], point: GeoPoint) -> bool {
    let mut inside = false;
    for edge in ring.windows(2) {
        let (a, b) = (edge[0], edge[1]);
        if (a.lat > point.lat) != (b.lat > point.lat) {
            let cross_lon = a.lon + (point.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
            if point.lon < cross_lon {
                inside = !inside;
            }
        }
    }
    inside
}

/// Distance from `p` to segment `a`-`b`, on a local flat projection around `p` (accurate to
/// metres over the few kilometres that matter here).
fn segment_distance_m(p: GeoPoint, a: GeoPoint, b: GeoPoint) -> f64 {
    let metres_per_degree_lat = 110_574.0;
    let metres_per_degree_lon = 111_320.0 * p.lat.to_radians().cos();
    let to_xy = |q: GeoPoint| {
        (
            (q.lon - p.lon) * metres_per_degree_lon,
            (q.lat - p.lat) * metres_per_degree_lat,
        )
    };
    let ((ax, ay), (bx, by)) = (to_xy(a), to_xy(b));
    let (dx, dy) = (bx - ax, by - ay);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq > 0.0 {
        (-(ax * dx + ay * dy) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (ax + t * dx, ay + t * dy);
    (cx * cx + cy * cy).sqrt()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn haversine_known_distance() {
        // One degree of latitude is about 111.2 km.
        let a = GeoPoint {
            lat: -7.0,
            lon: 113.0,
        };
        let b = GeoPoint {
            lat: -8.0,
            lon: 113.0,
        };
        assert!((a.distance_m(b) - 111_195.0).abs() < 100.0);
        assert_eq!(a.distance_m(a), 0.0);
    }

    #[test]
    fn square_with_hole() {
        let text = r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[
            [[0,0],[1,0],[1,1],[0,1],[0,0]],
            [[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]]}}"#;
        let boundary = Boundary::from_geojson(text).unwrap();
        assert!(boundary.contains(GeoPoint { lat: 0.2, lon: 0.2 }));
        assert!(!boundary.contains(GeoPoint { lat: 0.5, lon: 0.5 }));
        let outside = GeoPoint {
            lat: 0.5,
            lon: 1.01,
        };
        assert!(!boundary.contains(outside));
        let distance = boundary.distance_outside_m(outside);
        assert!((distance - 1_113.0).abs() < 10.0, "{distance}");
        assert!(Boundary::from_geojson("{}").is_none());
        assert!(
            Boundary::from_geojson(
                r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}}"#
            )
            .is_none()
        );
    }

    #[test]
    fn multipolygon_and_other_geometries() {
        let square = "[[[0,0],[1,0],[1,1],[0,1],[0,0]]]";
        let far = "[[[5,5],[6,5],[6,6],[5,6],[5,5]]]";
        let multi = format!(
            r#"{{"type":"Feature","geometry":{{"type":"MultiPolygon","coordinates":[{square},{far}]}}}}"#
        );
        let boundary = Boundary::from_geojson(&multi).unwrap();
        assert!(boundary.contains(GeoPoint { lat: 0.5, lon: 0.5 }));
        assert!(boundary.contains(GeoPoint { lat: 5.5, lon: 5.5 }));
        assert!(!boundary.contains(GeoPoint { lat: 3.0, lon: 3.0 }));
        for geometry in [
            format!(r#"{{"type":"Point","coordinates":{square}}}"#),
            format!(r#"{{"type":"MultiPolygon","coordinates":{square}}}"#),
            format!(r#"{{"type":"Polygon","coordinates":[{square}]}}"#),
            format!(r#"{{"coordinates":{square}}}"#),
            r#"{"type":"Polygon"}"#.to_owned(),
        ] {
            let text = format!(r#"{{"type":"Feature","geometry":{geometry}}}"#);
            assert!(Boundary::from_geojson(&text).is_none(), "{geometry}");
        }
    }
}
