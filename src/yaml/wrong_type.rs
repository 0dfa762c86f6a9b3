//! A value of the wrong kind, in an editor's words. serde and the YAML reader say
//! "invalid type: string" or "expected mapping start"; this module knows what each field of
//! `catalogue.yaml`, `producer.yaml`, `product.yaml` and front matter takes, and says
//! "expected a whole number of rupiah such as `35000` …; found the text `murah`" with an
//! example line in the contract's form.

use std::path::Path as FilePath;

use super::found::Found;
use super::Step;
use crate::messages::{self as msg, Message, Template};

/// What a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expect {
    Text,
    TextPerLanguage,
    WholeNumber,
    Rupiah,
    Price,
    YesNo,
    Date,
    List,
    Fields,
}

impl Expect {
    fn template(self) -> &'static Template {
        match self {
            Expect::Text => &msg::EXPECT_TEXT,
            Expect::TextPerLanguage => &msg::EXPECT_TEXT_PER_LANGUAGE,
            Expect::WholeNumber => &msg::EXPECT_WHOLE_NUMBER,
            Expect::Rupiah => &msg::EXPECT_RUPIAH,
            Expect::Price => &msg::EXPECT_PRICE,
            Expect::YesNo => &msg::EXPECT_YES_NO,
            Expect::Date => &msg::EXPECT_DATE,
            Expect::List => &msg::EXPECT_LIST,
            Expect::Fields => &msg::EXPECT_FIELDS,
        }
    }

    /// Whether a number written with thousands separators (`35.000`) is a likely mistake here.
    fn is_amount(self) -> bool {
        matches!(self, Expect::WholeNumber | Expect::Rupiah | Expect::Price)
    }
}

/// Which kind of file a path belongs to: the same field name means different things in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Catalogue,
    Producer,
    Product,
    FrontMatter,
}

impl FileKind {
    fn of(file: &FilePath) -> Option<FileKind> {
        let name = file.file_name()?.to_str()?;
        match name {
            "catalogue.yaml" => Some(FileKind::Catalogue),
            "producer.yaml" => Some(FileKind::Producer),
            "product.yaml" => Some(FileKind::Product),
            _ if name.ends_with(".md") => Some(FileKind::FrontMatter),
            _ => None,
        }
    }
}

/// One field: its path (`[]` for any item of a list, `*` for any key), what it takes, and a
/// line written as the contract shows it.
pub(super) struct Rule {
    file: FileKind,
    path: &'static str,
    expect: Expect,
    example: &'static str,
}

const fn rule(file: FileKind, path: &'static str, expect: Expect, example: &'static str) -> Rule {
    Rule {
        file,
        path,
        expect,
        example,
    }
}

use Expect as E;
use FileKind::{Catalogue as C, FrontMatter as F, Producer as D, Product as P};

/// Every field of the four kinds of file. A test holds this table against the raw structs.
#[rustfmt::skip]
static RULES: &[Rule] = &[
    // product.yaml
    rule(P, "name", E::TextPerLanguage, "name: { id: Keripik Tempe, en: Tempeh Chips }"),
    rule(P, "name.*", E::Text, "id: Keripik Tempe"),
    rule(P, "producer", E::Text, "producer: batik-sekar-jagad"),
    rule(P, "category", E::Text, "category: batik"),
    rule(P, "sku", E::Text, "sku: BSJ-TLS-01"),
    rule(P, "gtin", E::Text, "gtin: \"8991234567891\""),
    rule(P, "price", E::Price, "price: 35000"),
    rule(P, "price.amount", E::Rupiah, "amount: 35000"),
    rule(P, "price.min", E::Rupiah, "min: 30000"),
    rule(P, "price.max", E::Rupiah, "max: 45000"),
    rule(P, "unit", E::TextPerLanguage, "unit: { id: lembar, en: piece }"),
    rule(P, "unit.*", E::Text, "id: lembar"),
    rule(P, "min_order", E::WholeNumber, "min_order: 10"),
    rule(P, "availability", E::Fields, "availability: { status: pesan, lead_days: 21 }"),
    rule(P, "availability.status", E::Text, "status: siap"),
    rule(P, "availability.lead_days", E::WholeNumber, "lead_days: 21"),
    rule(P, "tags", E::List, "tags: [oleh-oleh, pedas]"),
    rule(P, "tags[]", E::Text, "- oleh-oleh"),
    rule(P, "photos", E::List, "photos: [{ file: utama.jpg }]"),
    rule(P, "photos[]", E::Fields, "- file: utama.jpg"),
    rule(P, "photos[].file", E::Text, "file: utama.jpg"),
    rule(P, "photos[].alt", E::TextPerLanguage, "alt: { id: Keripik tempe, en: Tempeh chips }"),
    rule(P, "photos[].alt.*", E::Text, "id: Keripik tempe dalam kemasan"),
    rule(P, "certifications", E::List, "certifications: [{ type: halal, number: \"ID35110000123\" }]"),
    rule(P, "certifications[]", E::Fields, "- { type: halal, number: \"ID35110000123\" }"),
    rule(P, "certifications[].type", E::Text, "type: halal"),
    rule(P, "certifications[].number", E::Text, "number: \"ID35110000123\""),
    rule(P, "shops", E::Fields, "shops: { tokopedia: https://www.tokopedia.com/toko/produk }"),
    rule(P, "shops.*", E::Text, "tokopedia: https://www.tokopedia.com/toko/produk"),
    rule(P, "curation", E::Fields, "curation: { status: lolos, date: 2025-04-28 }"),
    rule(P, "curation.status", E::Text, "status: lolos"),
    rule(P, "curation.curator", E::Text, "curator: The Keranjang Bali"),
    rule(P, "curation.date", E::Date, "date: 2025-04-28"),
    rule(P, "featured", E::YesNo, "featured: true"),
    // producer.yaml
    rule(D, "name", E::Text, "name: Batik Sekar Jagad"),
    rule(D, "kind", E::Text, "kind: ukm"),
    rule(D, "owner", E::Text, "owner: Siti Rahayu"),
    rule(D, "sentra", E::Text, "sentra: Sentra Batik Mojokerto"),
    rule(D, "address", E::Text, "address: Jl. Empu Nala 12, Kota Mojokerto"),
    rule(D, "whatsapp", E::Text, "whatsapp: \"+6281234567890\""),
    rule(D, "instagram", E::Text, "instagram: batiksekarjagad"),
    rule(D, "email", E::Text, "email: halo@batiksekarjagad.id"),
    rule(D, "shops", E::Fields, "shops: { tokopedia: https://www.tokopedia.com/toko }"),
    rule(D, "shops.*", E::Text, "tokopedia: https://www.tokopedia.com/toko"),
    rule(D, "founded", E::WholeNumber, "founded: 2009"),
    rule(D, "logo", E::Text, "logo: logo.png"),
    // catalogue.yaml
    rule(C, "title", E::TextPerLanguage, "title: { id: Katalog Produk, en: Product Catalogue }"),
    rule(C, "title.*", E::Text, "id: Katalog Produk"),
    rule(C, "description", E::TextPerLanguage, "description: { id: Produk UKM, en: Small business products }"),
    rule(C, "description.*", E::Text, "id: Produk UKM Kota Mojokerto"),
    rule(C, "base_url", E::Text, "base_url: https://katalog.example.go.id"),
    rule(C, "languages", E::List, "languages: [id, en]"),
    rule(C, "languages[]", E::Text, "- id"),
    rule(C, "theme", E::Text, "theme: default"),
    rule(C, "publisher", E::Fields, "publisher: { name: Dinas Perdagangan Kota Mojokerto }"),
    rule(C, "publisher.name", E::Text, "name: Dinas Perdagangan Kota Mojokerto"),
    rule(C, "publisher.email", E::Text, "email: katalog@example.go.id"),
    rule(C, "publisher.whatsapp", E::Text, "whatsapp: \"+6281234567890\""),
    rule(C, "edition", E::Date, "edition: 2025-06-01"),
    rule(C, "categories", E::List, "categories: [{ slug: batik, name: Batik }]"),
    rule(C, "categories[]", E::Fields, "- { slug: batik, name: Batik }"),
    rule(C, "categories[].slug", E::Text, "slug: batik"),
    rule(C, "categories[].name", E::TextPerLanguage, "name: { id: Makanan, en: Food }"),
    rule(C, "categories[].name.*", E::Text, "id: Makanan"),
    rule(C, "images", E::Fields, "images: { widths: [480, 960, 1600] }"),
    rule(C, "images.widths", E::List, "widths: [480, 960, 1600]"),
    rule(C, "images.widths[]", E::WholeNumber, "- 960"),
    rule(C, "images.max_megapixels", E::WholeNumber, "max_megapixels: 60"),
    rule(C, "limits", E::Fields, "limits: { max_text_file_kb: 1024 }"),
    rule(C, "limits.*", E::WholeNumber, "max_text_file_kb: 1024"),
    rule(C, "brochures", E::List, "brochures: [{ slug: keranjang-bali, title: Keranjang Bali }]"),
    rule(C, "brochures[]", E::Fields, "- { slug: keranjang-bali, title: Keranjang Bali }"),
    rule(C, "brochures[].slug", E::Text, "slug: keranjang-bali"),
    rule(C, "brochures[].title", E::TextPerLanguage, "title: { id: Pilihan Kurator, en: Curator's Choice }"),
    rule(C, "brochures[].title.*", E::Text, "id: Pilihan Kurator"),
    rule(C, "brochures[].curator", E::Text, "curator: The Keranjang Bali"),
    rule(C, "brochures[].category", E::Text, "category: batik"),
    rule(C, "shipping", E::Fields, "shipping: { country: ID, rate: 25000 }"),
    rule(C, "shipping.country", E::Text, "country: ID"),
    rule(C, "shipping.rate", E::Rupiah, "rate: 25000"),
    rule(C, "shipping.handling_days", E::Fields, "handling_days: { min: 1, max: 3 }"),
    rule(C, "shipping.handling_days.min", E::WholeNumber, "min: 1"),
    rule(C, "shipping.handling_days.max", E::WholeNumber, "max: 3"),
    rule(C, "shipping.transit_days", E::Fields, "transit_days: { min: 2, max: 5 }"),
    rule(C, "shipping.transit_days.min", E::WholeNumber, "min: 2"),
    rule(C, "shipping.transit_days.max", E::WholeNumber, "max: 5"),
    rule(C, "returns", E::Fields, "returns: { country: ID, days: 7 }"),
    rule(C, "returns.country", E::Text, "country: ID"),
    rule(C, "returns.days", E::WholeNumber, "days: 7"),
    rule(C, "returns.fee", E::Rupiah, "fee: 15000"),
    rule(C, "precompress", E::YesNo, "precompress: true"),
    // front matter of id.md / en.md (a product's, or a free page's)
    rule(F, "name", E::Text, "name: Keripik Tempe Pedas"),
    rule(F, "unit", E::Text, "unit: bungkus"),
    rule(F, "title", E::Text, "title: Tentang Katalog"),
];

/// `path` as the table writes it: list indexes as `[]`.
fn pattern_of(path: &[Step]) -> String {
    let mut pattern = String::new();
    for step in path {
        match step {
            Step::Index(_) => pattern.push_str("[]"),
            Step::Key(key) => {
                if !pattern.is_empty() {
                    pattern.push('.');
                }
                pattern.push_str(key);
            }
        }
    }
    pattern
}

/// Fields read as whatever single value was typed and checked after reading, with a message
/// of their own (`RawWholeNumber`): only a list or a set of fields is a wrong kind there.
static CHECKED_AFTER_READING: &[(FileKind, &str)] = &[(P, "availability.lead_days")];

/// Fields read as one of a closed list of words (serde enums): a set of fields written there
/// is read as a word and its value, so the reader's own error names the word.
static CLOSED_LISTS: &[(FileKind, &str)] = &[(P, "certifications[].type"), (P, "curation.status")];

impl Rule {
    /// Whether the field takes one of a closed list of words (see [`CLOSED_LISTS`]).
    pub(super) fn is_closed_list(&self) -> bool {
        CLOSED_LISTS.contains(&(self.file, self.path))
    }

    /// What the field takes, as far as the reader is concerned.
    pub(super) fn expect(&self) -> Expect {
        self.expect
    }

    /// Whether the reader takes any single value here, leaving the check to validation.
    pub(super) fn takes_any_single_value(&self) -> bool {
        CHECKED_AFTER_READING.contains(&(self.file, self.path))
    }
}

/// Whether every problem of `file` can be looked for: not in front matter, whose table
/// serves two kinds of file (a product's `name`/`unit`, a page's `title`), so a field of one
/// would pass in the other; its one or two fields are read one problem at a time.
pub(super) fn walks(file: &FilePath) -> bool {
    FileKind::of(file).is_some_and(|kind| kind != FileKind::FrontMatter)
}

/// The fields the table knows directly under `path` of `file` (a set of fields, or the top of
/// the file when `path` is empty), in the table's order (the raw structs' order); `None` where
/// any key is allowed (`shops.*`).
pub(super) fn fields_under(file: &FilePath, path: &[Step]) -> Option<Vec<&'static str>> {
    let kind = FileKind::of(file).filter(|_| walks(file))?;
    let parent = pattern_of(path);
    let prefix = if parent.is_empty() {
        String::new()
    } else {
        format!("{parent}.")
    };
    let mut names = Vec::new();
    for rule in RULES.iter().filter(|rule| rule.file == kind) {
        let Some(name) = rule.path.strip_prefix(prefix.as_str()) else {
            continue;
        };
        if name == "*" {
            return None;
        }
        if !name.is_empty() && !name.contains(['.', '[', '*']) {
            names.push(name);
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The rule for the field at `path` of `file`: the exact path, else the one for any key of
/// its parent (`shops.*`).
pub(super) fn rule_for(file: &FilePath, path: &[Step]) -> Option<&'static Rule> {
    let kind = FileKind::of(file)?;
    let pattern = pattern_of(path);
    let any_key = pattern
        .rsplit_once('.')
        .map(|(parent, _)| format!("{parent}.*"));
    let matches = |wanted: &str| {
        RULES
            .iter()
            .find(|rule| rule.file == kind && rule.path == wanted)
    };
    matches(&pattern).or_else(|| any_key.as_deref().and_then(matches))
}

/// Whether the table knows the field at `path` (written as the table writes it) of `file`.
#[cfg(test)]
pub(super) fn knows(file: &FilePath, path: &str) -> bool {
    FileKind::of(file).is_some_and(|kind| {
        RULES
            .iter()
            .any(|rule| rule.file == kind && rule.path == path)
    })
}

/// What the reader's own error says the field wanted, for fields the table does not know.
fn expect_from_error(error: &serde_saphyr::Error) -> Option<Expect> {
    use serde_saphyr::Error as Err;
    let from_words = |wanted: &str| {
        let wanted = wanted.to_ascii_lowercase();
        if wanted.contains("mapping") || wanted.contains("map") || wanted.starts_with("struct") {
            Some(Expect::Fields)
        } else if wanted.contains("sequence") || wanted.contains("seq") {
            Some(Expect::List)
        } else if wanted.contains("bool") {
            Some(Expect::YesNo)
        } else if wanted.contains("integer") || wanted.starts_with('u') || wanted.starts_with('i') {
            Some(Expect::WholeNumber)
        } else if wanted.contains("string") || wanted.contains("str") {
            Some(Expect::Text)
        } else {
            None
        }
    };
    match error {
        Err::InvalidScalar { ty, .. } => from_words(ty),
        Err::SerdeInvalidType { expected, .. } | Err::SerdeInvalidValue { expected, .. } => {
            from_words(expected)
        }
        Err::Unexpected { expected, .. } => from_words(expected),
        Err::InvalidBooleanStrict { .. } => Some(Expect::YesNo),
        Err::NullIntoString { .. } | Err::TaggedScalarCannotDeserializeIntoString { .. } => {
            Some(Expect::Text)
        }
        _ => None,
    }
}

/// Whether `error` says a value had the wrong kind (rather than bad YAML, or a limit).
pub(super) fn is_wrong_kind(error: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as Err;
    matches!(
        error,
        Err::InvalidScalar { .. }
            | Err::SerdeInvalidType { .. }
            | Err::SerdeInvalidValue { .. }
            | Err::SerdeInvalidLength { .. }
            | Err::Unexpected { .. }
            | Err::InvalidBooleanStrict { .. }
            | Err::NullIntoString { .. }
            | Err::TaggedScalarCannotDeserializeIntoString { .. }
            | Err::UnexpectedValueForUnit { .. }
            | Err::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
            | Err::UnexpectedValueForUnitEnumVariant { .. }
    )
}

/// "expected …; found …" and a hint with an example line, for the field at `path` of `file`;
/// `None` when neither the table nor the error says what the field takes.
pub(super) fn explain(
    file: &FilePath,
    path: &[Step],
    error: &serde_saphyr::Error,
    found: Option<&Found>,
) -> Option<(Message, Message)> {
    let rule = rule_for(file, path);
    let expect = rule
        .map(|rule| rule.expect)
        .or_else(|| expect_from_error(error))?;
    Some(explain_expected(path, expect, rule, found))
}

/// "expected …; found …" and a hint, for a field taking `expect` (with its `rule`, when the
/// table has one).
pub(super) fn explain_expected(
    path: &[Step],
    expect: Expect,
    rule: Option<&Rule>,
    found: Option<&Found>,
) -> (Message, Message) {
    let message = match found {
        Some(found) => msg::WRONG_KIND
            .nested("expected", expect.template())
            .nested("found", found_message(found)),
        None => msg::WRONG_KIND_UNSEEN.nested("expected", expect.template()),
    };
    let hint = amount_with_separators(expect, found, path)
        .or_else(|| rule.map(|rule| msg::WRITE_LIKE.arg("example", rule.example)))
        .unwrap_or_else(|| Message::from(generic_hint(expect)));
    (message, hint)
}

pub(super) fn found_message(found: &Found) -> Message {
    match found {
        Found::Nothing => Message::from(&msg::FOUND_NOTHING),
        Found::YesNo(value) => msg::FOUND_YES_NO.arg("value", shortened(value)),
        Found::Number(value) => msg::FOUND_NUMBER.arg("value", shortened(value)),
        Found::Text(value) => msg::FOUND_TEXT.arg("value", shortened(value)),
        Found::List => Message::from(&msg::FOUND_LIST),
        Found::Fields => Message::from(&msg::FOUND_FIELDS),
    }
}

/// What was written, cut short so a pasted paragraph does not fill the terminal.
fn shortened(value: &str) -> String {
    // A long product name fits; a pasted paragraph does not need to be shown whole.
    const SHOWN_CHARS: usize = 60;
    let one_line = value.replace(['\n', '\r'], " ");
    if one_line.chars().count() > SHOWN_CHARS {
        let cut: String = one_line.chars().take(SHOWN_CHARS).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// For an amount written `Rp 35.000`, `35.000` or `35,000`: the digits to write instead.
/// A dot is a thousands separator in Indonesian but a decimal point in YAML, so such values
/// are never guessed at.
fn amount_with_separators(expect: Expect, found: Option<&Found>, path: &[Step]) -> Option<Message> {
    if !expect.is_amount() {
        return None;
    }
    let written = match found? {
        Found::Text(value) | Found::Number(value) => value,
        _ => return None,
    };
    let digits = digits_of_grouped_amount(written)?;
    let field = path.iter().rev().find_map(|step| match step {
        Step::Key(key) => Some(key.as_str()),
        Step::Index(_) => None,
    })?;
    Some(
        msg::AMOUNT_SEPARATORS_HINT
            .arg("written", written)
            .arg("example", format!("{field}: {digits}")),
    )
}

/// `35000` from `Rp 35.000`, `Rp35.000,-`, `35.000` or `35,000`: groups of three digits
/// after the first, separated by dots or commas. `None` for anything else (`12.5`).
pub(crate) fn digits_of_grouped_amount(written: &str) -> Option<String> {
    let mut rest = written.trim();
    for prefix in ["Rp.", "Rp", "rp.", "rp", "RP.", "RP", "IDR"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start();
            break;
        }
    }
    let rest = rest
        .strip_suffix(",-")
        .or_else(|| rest.strip_suffix(",00"))
        .unwrap_or(rest);
    let separator = rest.chars().find(|c| *c == '.' || *c == ',')?;
    let mut groups = rest.split(separator);
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let mut digits = first.to_owned();
    let mut any = false;
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
        any = true;
    }
    (first_ok && any).then_some(digits)
}

fn generic_hint(expect: Expect) -> &'static Template {
    match expect {
        Expect::WholeNumber | Expect::Rupiah | Expect::Price => &msg::WHOLE_NUMBER_HINT,
        Expect::YesNo => &msg::TRUE_OR_FALSE_HINT,
        Expect::Text | Expect::TextPerLanguage | Expect::Date => &msg::QUOTE_TEXT_HINT,
        Expect::List => &msg::LIST_HINT,
        Expect::Fields => &msg::FIELDS_HINT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::order;

    #[test]
    fn what_was_found_is_shown_short_on_one_line() {
        let long = "9".repeat(5000);
        let shown = found_message(&Found::Number(long)).render(crate::messages::Lang::En);
        assert_eq!(shown, format!("the number `{}…`", "9".repeat(60)));
        let text = found_message(&Found::Text("a\nb".into())).render(crate::messages::Lang::Id);
        assert_eq!(text, "teks `a b`");
    }

    #[test]
    fn grouped_amounts_give_their_digits() {
        assert_eq!(
            digits_of_grouped_amount("Rp 35.000").as_deref(),
            Some("35000")
        );
        assert_eq!(
            digits_of_grouped_amount("Rp35.000,-").as_deref(),
            Some("35000")
        );
        assert_eq!(digits_of_grouped_amount("35.000").as_deref(), Some("35000"));
        assert_eq!(
            digits_of_grouped_amount("1.250.000").as_deref(),
            Some("1250000")
        );
        assert_eq!(digits_of_grouped_amount("35,000").as_deref(), Some("35000"));
        assert_eq!(digits_of_grouped_amount("12.5"), None);
        assert_eq!(digits_of_grouped_amount("35000"), None);
        assert_eq!(digits_of_grouped_amount("murah"), None);
        assert_eq!(digits_of_grouped_amount("1234.000"), None);
    }

    /// Every field of every file has a rule, so no type error falls back to the reader's
    /// guess: the lists of `fields::order` are the raw structs' fields.
    #[test]
    fn every_field_has_a_rule() {
        let has = |file: FileKind, path: &str| {
            RULES
                .iter()
                .any(|rule| rule.file == file && rule.path == path)
        };
        let nested = [
            ("price", order::PRICE),
            ("photos[]", order::PHOTO),
            ("certifications[]", order::CERTIFICATION),
            ("curation", order::CURATION),
            ("availability", order::AVAILABILITY),
        ];
        for field in order::PRODUCT {
            assert!(has(P, field), "product.yaml `{field}`");
        }
        for (parent, fields) in nested {
            for field in fields {
                assert!(has(P, &format!("{parent}.{field}")), "`{parent}.{field}`");
            }
        }
        for field in order::PRODUCER {
            assert!(has(D, field), "producer.yaml `{field}`");
        }
        for field in crate::config::raw_field_names() {
            assert!(has(C, &field), "catalogue.yaml `{field}`");
        }
    }

    #[test]
    fn examples_are_written_in_the_fields_own_name() {
        for rule in RULES {
            let last = rule.path.rsplit('.').next().unwrap().trim_end_matches("[]");
            let line = rule.example.trim_start_matches("- ");
            if last != "*" && !rule.path.ends_with("[]") {
                assert!(line.starts_with(&format!("{last}: ")), "{}", rule.path);
            }
        }
    }
}
