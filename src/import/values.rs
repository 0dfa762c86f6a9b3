//! Cell text -> field values: prices, phone numbers, dates, statuses and lists as the office
//! types them, normalised to what the catalogue's YAML takes.
