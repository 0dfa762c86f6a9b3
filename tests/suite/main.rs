//! The integration tests: one test binary with a module per area, so the crate and the test
//! dependencies are linked once. `common` is the shared harness (fixtures, built sites, the
//! real binary, the browser); fixtures live in `tests/fixtures/`.
//!
//! Run one area with a filter on its module: `cargo test --test suite pdf::`.

mod common;

mod bad_input;
mod brochure;
mod browse;
mod browser;
mod build_site;
mod check;
mod cli;
mod errors;
mod export;
mod feeds;
mod hosting;
mod import;
mod injection;
mod inquiry;
mod language;
mod lock;
mod offline;
mod pdf;
mod phone;
mod photos;
mod properties;
mod search_shards;
mod serve;
mod shops;
