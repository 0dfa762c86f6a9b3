//! Spreadsheets -> content/: `etalase import` reads the trade office's producers, products and
//! curation sheets and creates or updates the entry folders, keeping editors' hand edits.

pub mod values;
pub mod yaml_write;
