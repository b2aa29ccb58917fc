//! Synthetic NIKs for benchmarks and load: deterministic, no personal data.
//!
//! The mix imitates a real register export: about 94% valid numbers (with separators now and
//! then), and the mistakes seen in practice: wrong length, a letter, day or month out of
//! range, an impossible date, district 00, serial 0000, an unknown province.

use std::io::{self, Write};

use kotacerdas_core::region::{self, RegionLevel};

/// A small xorshift generator: reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Writes `count` lines.
pub fn write_mix(out: &mut impl Write, count: u64, seed: u64) -> io::Result<()> {
    let districts: Vec<u64> = region::all(RegionLevel::District)
        .iter()
        .map(|r| r.code.value())
        .collect();
    let mut rng = Rng::new(seed);
    for _ in 0..count {
        let district = districts[rng.below(districts.len() as u64) as usize];
        let female = rng.below(2) == 1;
        let day = 1 + rng.below(28) + if female { 40 } else { 0 };
        let month = 1 + rng.below(12);
        let year = rng.below(100);
        let serial = 1 + rng.below(9999);
        let valid = format!("{district:06}{day:02}{month:02}{year:02}{serial:04}");
        let line = match rng.below(100) {
            0 => valid[..15].to_owned(),                      // a digit lost
            1 => format!("{valid}7"),                         // a digit too many
            2 => format!("{}O{}", &valid[..9], &valid[10..]), // letter O for zero
            3 => format!("{}{:02}{}", &valid[..6], 32 + rng.below(8), &valid[8..]), // day 32-39
            4 => format!("{}13{}", &valid[..8], &valid[10..]), // month 13
            5 => format!("{}0000", &valid[..12]),             // serial 0000
            6 => format!("{}3002{}", &valid[..6], &valid[10..]), // 30 February
            7 if rng.below(2) == 0 => format!("{}00{}", &valid[..4], &valid[6..]), // district 00
            7 => format!("10{}", &valid[2..]),                // province 10 does not exist
            8..=11 => format!(
                "{}.{}.{}.{}",
                &valid[..4],
                &valid[4..6],
                &valid[6..12],
                &valid[12..]
            ),
            _ => valid,
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}
