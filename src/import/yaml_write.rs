//! Field values -> YAML an editor can read: new files in the contract's field order, and
//! existing files changed key by key so their comments and untouched fields stay.
