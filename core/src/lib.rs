#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod calendar;
pub mod complaint;
pub mod date;
pub mod error;
pub mod id;
pub mod json_api;
mod json_de;
#[cfg(test)]
mod json_parity;
pub mod region;
mod sort;
pub mod tax;

pub use date::Date;
pub use error::{Coded, Lang, Problem};
