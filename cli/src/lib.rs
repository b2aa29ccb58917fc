//! The library half of the `kotacerdas` command: the conformance runner, so that the fuzz
//! target `adapter_protocol` drives the very code the command runs on an adapter's output.
//! Not a stable API; use the command.

pub mod conformance;
