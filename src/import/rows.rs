//! Rows -> records: each cell read into the field value it stands for (prices in whole rupiah,
//! phones in E.164, categories as slugs, photos found beside the spreadsheet), every problem
//! pointed at its cell. A row with an error gives no record.

use std::path::{Component, Path, PathBuf};

use serde_json::{json, Map, Value};

use super::columns::{Column, Layout, SheetKind};
use super::report::{CellAt, Problem};
use super::sheet::{Row, Sheet};
use super::values::{self, ValueError};
use crate::config::Config;
use crate::diagnostic::{
    did_you_mean, gtin_problem_text, shop_link_problem_text, sku_problem_text,
};
use crate::fields::{
    AvailabilityStatus, BusinessKind, CertificationKind, CurationStatus, Gtin, Marketplace, Sku,
};
use crate::messages::{self as msg, Message};
use crate::slug::{is_valid_slug, slugify};

/// A field's new value (`None`: the cell is empty) and the cell it came from. `path` is a
/// top-level field of the YAML file, or one level into it (`name.en`, `curation.status`).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldValue {
    pub path: &'static str,
    pub value: Option<Value>,
    pub at: CellAt,
}

/// A Markdown text's new body (`id.md` for `lang` = `id`) and its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TextValue {
    pub lang: &'static str,
    pub body: Option<String>,
    pub at: CellAt,
}

/// A photo (or logo) to copy from beside the spreadsheet into the entry's folder.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// The file's name in the entry's folder.
    pub name: String,
    pub source: PathBuf,
    pub at: CellAt,
}

/// One row, read: what it says about one producer or product.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub kind: SheetKind,
    pub at: CellAt,
    /// From the `slug` column, checked.
    pub slug: Option<String>,
    /// The name the entry is known by (a business name, a product's name in the default
    /// language), which its slug is made from.
    pub name: Option<String>,
    /// The other names it may be referred to by (a product's name in other languages).
    pub other_names: Vec<String>,
    /// A products row's business, or a curation row's product, as typed.
    pub reference: Option<(String, CellAt)>,
    pub fields: Vec<FieldValue>,
    pub texts: Vec<TextValue>,
    pub files: Vec<SourceFile>,
}

/// What reading rows needs besides the rows.
pub struct Context<'a> {
    pub config: &'a Config,
    /// The spreadsheet's file name as given, for pointing at cells.
    pub file: String,
    /// The folder the spreadsheet is in: photos are looked for there.
    pub folder: PathBuf,
}

/// One row being read: its cells and the problems found so far.
struct Reading<'a> {
    context: &'a Context<'a>,
    sheet: &'a Sheet,
    layout: &'a Layout,
    row: &'a Row,
    at: CellAt,
    problems: Vec<Problem>,
}

/// Reads every row of `sheet`; `problems` gets what was wrong, rows with errors are left out.
/// Also returns how many rows were left out.
pub fn read(
    sheet: &Sheet,
    layout: &Layout,
    context: &Context,
    problems: &mut Vec<Problem>,
) -> (Vec<Record>, usize) {
    let mut records = Vec::new();
    let mut skipped = 0;
    for row in &sheet.rows {
        let mut reading = Reading::new(context, sheet, layout, row);
        let record = match layout.kind {
            SheetKind::Producers => reading.producer(),
            SheetKind::Products => reading.product(),
            SheetKind::Curation => reading.curation_row(),
        };
        let failed = reading.problems.iter().any(Problem::is_error);
        problems.append(&mut reading.problems);
        if failed {
            skipped += 1;
        } else {
            records.push(record);
        }
    }
    (records, skipped)
}

/// Where a sheet is, for problems with the sheet as a whole.
pub fn sheet_at(context: &Context, sheet: &Sheet) -> CellAt {
    CellAt {
        file: context.file.clone(),
        sheet: sheet.has_sheets.then(|| sheet.name.clone()),
        row: 0,
        column: None,
    }
}

impl<'a> Reading<'a> {
    fn new(context: &'a Context, sheet: &'a Sheet, layout: &'a Layout, row: &'a Row) -> Self {
        let at = CellAt {
            row: row.number,
            ..sheet_at(context, sheet)
        };
        Reading {
            context,
            sheet,
            layout,
            row,
            at,
            problems: Vec::new(),
        }
    }

    fn record(&self) -> Record {
        Record {
            kind: self.layout.kind,
            at: self.at.clone(),
            slug: None,
            name: None,
            other_names: Vec::new(),
            reference: None,
            fields: Vec::new(),
            texts: Vec::new(),
            files: Vec::new(),
        }
    }

    /// Where `column`'s cell is (the row itself when the sheet lacks the column).
    fn at(&self, column: Column) -> CellAt {
        match self.layout.index(column) {
            Some(index) => self.at.at_column(
                self.sheet.column_letter(index),
                self.sheet.headers[index].clone(),
            ),
            None => self.at.clone(),
        }
    }

    fn cell(&self, column: Column) -> Option<&'a str> {
        self.layout.cell(self.row, column)
    }

    fn error(&mut self, column: Column, message: impl Into<Message>, hint: Option<Message>) {
        let problem = Problem::error(self.at(column), message).with_optional_hint(hint);
        self.problems.push(problem);
    }

    fn warning(&mut self, column: Column, message: impl Into<Message>) {
        let problem = Problem::warning(self.at(column), message);
        self.problems.push(problem);
    }

    /// A required cell; an error when the sheet has the column but the cell is empty, or
    /// lacks the column.
    fn required(&mut self, column: Column) -> Option<&'a str> {
        let text = self.cell(column);
        if text.is_none() {
            let (id, en) = self.layout.kind.documented_names(column);
            let message = msg::IMPORT_MISSING_CELL
                .arg("column", id)
                .arg("english", en);
            self.error(column, message, None);
        }
        text
    }

    /// The checked slug of the `slug` column, if filled in.
    fn slug(&mut self) -> Option<String> {
        let text = self.cell(Column::Slug)?;
        if is_valid_slug(text) {
            Some(text.to_owned())
        } else {
            let message = msg::IMPORT_BAD_SLUG.arg("value", text);
            self.error(Column::Slug, message, Some(Message::from(&msg::SLUG_HINT)));
            None
        }
    }

    /// `path` set from `column` by `parse`, when the sheet has the column.
    fn field(
        &mut self,
        record: &mut Record,
        column: Column,
        path: &'static str,
        parse: impl FnOnce(&mut Self, &str) -> Option<Value>,
    ) {
        if !self.layout.has(column) {
            return;
        }
        let value = match self.cell(column) {
            Some(text) => match parse(self, text) {
                Some(value) => Some(value),
                None => return,
            },
            None => None,
        };
        let at = self.at(column);
        record.fields.push(FieldValue { path, value, at });
    }

    fn text_field(&mut self, record: &mut Record, column: Column, path: &'static str) {
        self.field(record, column, path, |_, text| Some(json!(text)));
    }

    fn markdown(&mut self, record: &mut Record, column: Column, lang: &'static str) {
        if self.layout.has(column) {
            let body = self.cell(column).map(|text| text.replace("\r\n", "\n"));
            let at = self.at(column);
            record.texts.push(TextValue { lang, body, at });
        }
    }

    /// A value's parse error as an error at `column`, quoting what was typed.
    fn refuse(&mut self, column: Column, text: &str, error: &ValueError) -> Option<Value> {
        let (message, hint) = value_error(text, error);
        self.error(column, message, hint);
        None
    }

    fn producer(&mut self) -> Record {
        let mut record = self.record();
        record.slug = self.slug();
        record.name = self.required(Column::BusinessName).map(str::to_owned);
        self.text_field(&mut record, Column::BusinessName, "name");
        self.field(&mut record, Column::Kind, "kind", |r, text| {
            values::parse_kind(text)
                .map(|kind| json!(kind.as_str()))
                .map_err(|e| r.refuse(Column::Kind, text, &e))
                .ok()
        });
        self.text_field(&mut record, Column::Owner, "owner");
        self.text_field(&mut record, Column::Sentra, "sentra");
        self.text_field(&mut record, Column::Address, "address");
        self.field(&mut record, Column::Whatsapp, "whatsapp", |r, text| {
            r.parsed(Column::Whatsapp, text, |text| {
                values::parse_phone(text).map(|phone| phone.to_string())
            })
        });
        self.field(&mut record, Column::Instagram, "instagram", |r, text| {
            r.parsed(Column::Instagram, text, values::parse_instagram)
        });
        self.field(&mut record, Column::Email, "email", |r, text| r.email(text));
        self.shops(&mut record);
        self.field(&mut record, Column::Founded, "founded", |r, text| {
            r.parsed(Column::Founded, text, values::parse_whole_number)
        });
        self.logo(&mut record);
        self.markdown(&mut record, Column::StoryId, "id");
        self.markdown(&mut record, Column::StoryEn, "en");
        record
    }

    fn parsed<T: Into<Value>>(
        &mut self,
        column: Column,
        text: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<Value> {
        match parse(text) {
            Ok(value) => Some(value.into()),
            Err(error) => self.refuse(column, text, &error),
        }
    }

    /// `shops.<key>` from each shop column the sheet has (a products sheet has the
    /// marketplaces' only).
    fn shops(&mut self, record: &mut Record) {
        for marketplace in Marketplace::ALL {
            let column = Column::Shop(marketplace);
            self.field(record, column, marketplace.field(), |r, text| {
                r.shop_link(marketplace, text)
            });
        }
    }

    /// A link of `marketplace`: https on its site; an address typed without `https://` gets
    /// it, with a warning that says so.
    fn shop_link(&mut self, marketplace: Marketplace, text: &str) -> Option<Value> {
        let column = Column::Shop(marketplace);
        match marketplace.typed_link(text) {
            Ok(typed) => {
                if typed.scheme_added {
                    let message = msg::IMPORT_SHOP_HTTPS_ADDED
                        .arg("value", text)
                        .arg("url", &typed.link.url);
                    self.warning(column, message);
                }
                // The parsed link ends a bare site address with "/": an address typed
                // without it is kept as typed, as editors write it in YAML.
                let unchanged = typed.link.url.strip_suffix('/') == Some(text.trim());
                let url = if unchanged {
                    text.trim()
                } else {
                    &typed.link.url
                };
                Some(json!(url))
            }
            Err(problem) => {
                let (message, hint) = shop_link_problem_text(marketplace, text, &problem);
                self.error(column, message, Some(hint));
                None
            }
        }
    }

    fn email(&mut self, text: &str) -> Option<Value> {
        let plausible = text.split('@').count() == 2
            && !text.starts_with('@')
            && !text.ends_with('@')
            && !text.contains(char::is_whitespace);
        if plausible {
            Some(json!(text))
        } else {
            let message = msg::IMPORT_BAD_EMAIL.arg("value", text);
            self.error(Column::Email, message, None);
            None
        }
    }

    fn logo(&mut self, record: &mut Record) {
        let files = self.files(Column::Logo);
        if let Some(files) = files {
            let value = files.first().map(|file| json!(file.name));
            record.fields.push(FieldValue {
                path: "logo",
                value,
                at: self.at(Column::Logo),
            });
            record.files.extend(files.into_iter().take(1));
        }
    }

    fn product(&mut self) -> Record {
        let mut record = self.record();
        record.slug = self.slug();
        self.product_names(&mut record);
        // A row with a slug names its product already; its business may be left empty.
        let producer = match record.slug {
            Some(_) => self.cell(Column::Producer),
            None => self.required(Column::Producer),
        };
        if let Some(producer) = producer {
            record.reference = Some((producer.to_owned(), self.at(Column::Producer)));
        }
        self.field(&mut record, Column::Category, "category", |r, text| {
            r.category(text)
        });
        self.identifiers(&mut record);
        self.price(&mut record);
        self.text_field(&mut record, Column::UnitId, "unit.id");
        self.text_field(&mut record, Column::UnitEn, "unit.en");
        self.field(&mut record, Column::MinOrder, "min_order", |r, text| {
            r.parsed(Column::MinOrder, text, values::parse_whole_number)
        });
        self.availability_fields(&mut record);
        self.field(&mut record, Column::Tags, "tags", |r, text| r.tags(text));
        self.photos(&mut record);
        self.field(
            &mut record,
            Column::Certifications,
            "certifications",
            |r, text| r.certifications(text),
        );
        self.shops(&mut record);
        self.curation_fields(&mut record);
        self.field(&mut record, Column::Featured, "featured", |r, text| {
            r.parsed(Column::Featured, text, values::parse_yes_no)
        });
        self.markdown(&mut record, Column::DescriptionId, "id");
        self.markdown(&mut record, Column::DescriptionEn, "en");
        record
    }

    /// `sku` and `gtin`, read as the YAML path reads them (a barcode typed in groups is kept
    /// as its digits).
    fn identifiers(&mut self, record: &mut Record) {
        self.field(record, Column::Sku, "sku", |r, text| {
            match Sku::parse(text) {
                Ok(sku) => Some(json!(sku.as_str())),
                Err(problem) => {
                    let (message, hint) = sku_problem_text(text, problem);
                    r.error(Column::Sku, message, Some(hint));
                    None
                }
            }
        });
        self.field(record, Column::Gtin, "gtin", |r, text| {
            match Gtin::parse(text) {
                Ok(gtin) => Some(json!(gtin.as_str())),
                Err(problem) => {
                    let (message, hint) = gtin_problem_text(text, problem);
                    r.error(Column::Gtin, message, Some(hint));
                    None
                }
            }
        });
    }

    /// `name.id` and `name.en`; at least one of them must be filled in.
    fn product_names(&mut self, record: &mut Record) {
        let id = self.cell(Column::NameId);
        let en = self.cell(Column::NameEn);
        if id.is_none() && en.is_none() {
            self.required(Column::NameId);
            return;
        }
        self.text_field(record, Column::NameId, "name.id");
        self.text_field(record, Column::NameEn, "name.en");
        let default_is_en = self.context.config.default_language() == "en";
        let (first, second) = if default_is_en { (en, id) } else { (id, en) };
        record.name = first.or(second).map(str::to_owned);
        record.other_names = [id, en]
            .into_iter()
            .flatten()
            .filter(|name| Some(*name) != record.name.as_deref())
            .map(str::to_owned)
            .collect();
    }

    /// A category by its slug or its name in any language.
    fn category(&mut self, text: &str) -> Option<Value> {
        let config = self.context.config;
        let categories = &config.categories;
        let wanted = values::fold(text);
        let named = |category: &crate::config::Category| {
            config.languages.iter().any(|lang| {
                let name = category.name.get(lang, config.default_language()).text;
                values::fold(name) == wanted
            })
        };
        let found = categories.iter().find(|category| {
            category.slug == text || values::fold(&category.slug) == wanted || named(category)
        });
        if let Some(category) = found {
            return Some(json!(category.slug));
        }
        let slugs: Vec<&str> = categories.iter().map(|c| c.slug.as_str()).collect();
        let hint = match did_you_mean(&slugify(text), slugs.iter().copied()) {
            Some(close) => msg::DID_YOU_MEAN.arg("name", close),
            None => msg::IMPORT_KNOWN_CATEGORIES.arg("names", slugs.join(", ")),
        };
        let message = msg::IMPORT_UNKNOWN_CATEGORY.arg("value", text);
        self.error(Column::Category, message, Some(hint));
        None
    }

    /// `price` from `harga` (a price or a range) or `harga_min` and `harga_maks`.
    fn price(&mut self, record: &mut Record) {
        let columns = [Column::Price, Column::PriceMin, Column::PriceMax];
        let Some(&first) = columns.iter().find(|c| self.layout.has(**c)) else {
            return;
        };
        let filled: Vec<Column> = columns
            .into_iter()
            .filter(|c| self.cell(*c).is_some())
            .collect();
        let value = match filled.as_slice() {
            [] => None,
            [Column::Price] => self.price_cell(Column::Price).map(price_value),
            [Column::PriceMin] => self.price_cell(Column::PriceMin).map(price_value),
            [Column::PriceMin, Column::PriceMax] => self.price_range(),
            [Column::PriceMax] => {
                self.error(Column::PriceMax, &msg::IMPORT_MAX_WITHOUT_MIN, None);
                return;
            }
            _ => {
                self.error(Column::Price, &msg::IMPORT_PRICE_TWICE, None);
                return;
            }
        };
        if value.is_none() && !filled.is_empty() {
            return;
        }
        let at = self.at(filled.first().copied().unwrap_or(first));
        record.fields.push(FieldValue {
            path: "price",
            value,
            at,
        });
    }

    fn price_cell(&mut self, column: Column) -> Option<values::ParsedPrice> {
        let text = self.cell(column)?;
        match values::parse_price(text) {
            Ok(price) => {
                if price.shorthand {
                    let read = price_words(&price);
                    let message = msg::IMPORT_PRICE_SHORTHAND
                        .arg("value", text)
                        .arg("read", read);
                    self.warning(column, message);
                }
                Some(price)
            }
            Err(error) => {
                self.refuse(column, text, &error);
                None
            }
        }
    }

    fn price_range(&mut self) -> Option<Value> {
        let min = self.price_cell(Column::PriceMin);
        let max = self.price_cell(Column::PriceMax);
        let (min, max) = (min?, max?);
        if min.max.is_some() || max.max.is_some() {
            self.error(Column::PriceMin, &msg::IMPORT_RANGE_IN_MIN_MAX, None);
            return None;
        }
        let range = values::ParsedPrice {
            min: min.min,
            max: (max.min != min.min).then_some(max.min),
            shorthand: false,
        };
        if max.min < min.min {
            let error = ValueError::PriceMinAboveMax {
                min: min.min,
                max: max.min,
            };
            let text = format!("{} / {}", min.min, max.min);
            return self.refuse(Column::PriceMax, &text, &error);
        }
        Some(price_value(range))
    }

    fn tags(&mut self, text: &str) -> Option<Value> {
        let mut tags: Vec<String> = Vec::new();
        for item in values::split_list(text) {
            let tag = slugify(&item);
            if tag.is_empty() {
                let message = msg::IMPORT_BAD_TAG.arg("value", &item);
                self.error(Column::Tags, message, Some(Message::from(&msg::SLUG_HINT)));
                return None;
            }
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        Some(json!(tags))
    }

    fn certifications(&mut self, text: &str) -> Option<Value> {
        let found = match values::parse_certifications(text) {
            Ok(found) => found,
            Err(error) => return self.refuse(Column::Certifications, text, &error),
        };
        let list: Vec<Value> = found
            .into_iter()
            .map(|(kind, number)| {
                let mut item = Map::new();
                item.insert("type".into(), json!(kind.as_str()));
                if let Some(number) = number {
                    item.insert("number".into(), json!(number));
                }
                Value::Object(item)
            })
            .collect();
        Some(Value::Array(list))
    }

    /// `curation.status`, `curation.curator` and `curation.date`, from a products or a
    /// curation sheet.
    fn curation_fields(&mut self, record: &mut Record) {
        self.field(
            record,
            Column::CurationStatus,
            "curation.status",
            |r, text| {
                r.parsed(Column::CurationStatus, text, |text| {
                    values::parse_curation_status(text).map(CurationStatus::as_str)
                })
            },
        );
        self.text_field(record, Column::Curator, "curation.curator");
        self.field(record, Column::CurationDate, "curation.date", |r, text| {
            r.parsed(Column::CurationDate, text, |text| {
                values::parse_date(text).map(|date| date.to_string())
            })
        });
    }

    /// `availability.status` and `availability.lead_days`; a lead time needs the row to say
    /// the product is made to order, as the YAML path requires.
    fn availability_fields(&mut self, record: &mut Record) {
        let status = self
            .cell(Column::Availability)
            .and_then(|text| values::parse_availability(text).ok());
        self.field(
            record,
            Column::Availability,
            "availability.status",
            |r, text| {
                r.parsed(Column::Availability, text, |text| {
                    values::parse_availability(text).map(AvailabilityStatus::as_str)
                })
            },
        );
        self.field(
            record,
            Column::LeadDays,
            "availability.lead_days",
            |r, text| {
                let days = r.parsed(Column::LeadDays, text, values::parse_lead_days)?;
                if status == Some(AvailabilityStatus::Pesan) {
                    return Some(days);
                }
                let hint = Some(Message::from(&msg::IMPORT_MADE_TO_ORDER_HINT));
                r.error(
                    Column::LeadDays,
                    &msg::IMPORT_LEAD_DAYS_NOT_MADE_TO_ORDER,
                    hint,
                );
                None
            },
        );
    }

    fn curation_row(&mut self) -> Record {
        let mut record = self.record();
        if let Some(product) = self.required(Column::Product) {
            record.reference = Some((product.to_owned(), self.at(Column::Product)));
        }
        self.required(Column::CurationStatus);
        self.curation_fields(&mut record);
        record
    }
}

/// Photo files: where a cell's names are found, and what they will be called.
impl Reading<'_> {
    /// `photos`: the files named in the cell, each described by the product's name.
    fn photos(&mut self, record: &mut Record) {
        let Some(files) = self.files(Column::Photos) else {
            return;
        };
        let limit = self.context.config.limits.max_photos_per_product;
        if files.len() > limit {
            let message = msg::IMPORT_TOO_MANY_PHOTOS
                .arg("count", files.len())
                .arg("limit", limit);
            self.error(Column::Photos, message, None);
            return;
        }
        let alt = photo_alt(record);
        let list: Vec<Value> = files
            .iter()
            .map(|file| json!({ "file": file.name, "alt": alt }))
            .collect();
        let value = (!list.is_empty()).then_some(Value::Array(list));
        record.fields.push(FieldValue {
            path: "photos",
            value,
            at: self.at(Column::Photos),
        });
        record.files.extend(files);
    }

    /// The files named in `column`'s cell, found beside the spreadsheet; `None` when the sheet
    /// lacks the column or a file is wrong (reported).
    fn files(&mut self, column: Column) -> Option<Vec<SourceFile>> {
        if !self.layout.has(column) {
            return None;
        }
        let names = self
            .cell(column)
            .map(values::split_list)
            .unwrap_or_default();
        let mut files: Vec<SourceFile> = Vec::new();
        let mut failed = false;
        for name in names {
            match find_photo(&self.context.folder, &name) {
                Ok((source, file_name)) => {
                    if !files.iter().any(|f| f.name == file_name) {
                        let at = self.at(column);
                        files.push(SourceFile {
                            name: file_name,
                            source,
                            at,
                        });
                    }
                }
                Err(message) => {
                    self.error(
                        column,
                        message,
                        Some(Message::from(&msg::IMPORT_PHOTO_HINT)),
                    );
                    failed = true;
                }
            }
        }
        (!failed).then_some(files)
    }
}

/// The file extensions of photos the catalogue can use.
const PHOTO_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];

/// Finds photo `name` (a file name, or a path inside the spreadsheet's folder) in `folder`,
/// its `foto/` or its `photos/` folder. Returns the file and the name it gets in the entry.
fn find_photo(folder: &Path, name: &str) -> Result<(PathBuf, String), Message> {
    let relative = PathBuf::from(name.replace('\\', "/"));
    let stays_inside = relative
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    if !stays_inside || name.contains(':') {
        return Err(msg::IMPORT_PHOTO_OUTSIDE.arg("value", name));
    }
    let file_name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = relative
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !PHOTO_EXTENSIONS.contains(&extension.as_str()) {
        return Err(msg::IMPORT_PHOTO_KIND
            .arg("value", name)
            .arg("kinds", PHOTO_EXTENSIONS.join(", ")));
    }
    let inside = folder.canonicalize().unwrap_or_else(|_| folder.to_owned());
    let found = ["", "foto", "photos"]
        .iter()
        .map(|sub| inside.join(sub).join(&relative))
        .filter_map(|candidate| candidate.canonicalize().ok())
        .find(|real| real.is_file() && real.starts_with(&inside));
    match found {
        Some(source) => Ok((source, file_name)),
        None => Err(msg::IMPORT_PHOTO_MISSING.arg("value", name)),
    }
}

/// The description every imported photo gets: the product's name in each language.
fn photo_alt(record: &Record) -> Value {
    let mut alt = Map::new();
    for field in &record.fields {
        if let (Some(lang), Some(name)) = (field.path.strip_prefix("name."), &field.value) {
            alt.insert(lang.to_owned(), name.clone());
        }
    }
    Value::Object(alt)
}

/// `{ amount }` for one price, `{ min, max }` for a range.
fn price_value(price: values::ParsedPrice) -> Value {
    match price.max {
        Some(max) => json!({ "min": price.min, "max": max }),
        None => json!({ "amount": price.min }),
    }
}

/// What a shorthand price was read as: `50000` or `50000–75000`.
fn price_words(price: &values::ParsedPrice) -> String {
    match price.max {
        Some(max) => format!("{}–{}", price.min, max),
        None => price.min.to_string(),
    }
}

/// A cell that could not be read, in words, with a hint where one helps.
fn value_error(text: &str, error: &ValueError) -> (Message, Option<Message>) {
    let with = |template: &'static msg::Template| template.arg("value", text);
    let hint = |template: &'static msg::Template| Some(Message::from(template));
    match error {
        ValueError::NotAPrice => (with(&msg::IMPORT_BAD_PRICE), hint(&msg::IMPORT_PRICE_HINT)),
        ValueError::AmbiguousSeparator => (
            with(&msg::IMPORT_PRICE_AMBIGUOUS),
            hint(&msg::IMPORT_PRICE_HINT),
        ),
        ValueError::NotWholeRupiah => (
            with(&msg::IMPORT_PRICE_FRACTION),
            hint(&msg::IMPORT_PRICE_HINT),
        ),
        ValueError::PriceMinAboveMax { min, max } => (
            msg::PRICE_MIN_ABOVE_MAX.arg("min", min).arg("max", max),
            None,
        ),
        ValueError::NotAWholeNumber => (with(&msg::IMPORT_NOT_WHOLE), None),
        ValueError::PhoneNotDigits => (with(&msg::IMPORT_BAD_PHONE), hint(&msg::IMPORT_PHONE_HINT)),
        ValueError::PhoneLength { digits } => (
            with(&msg::IMPORT_PHONE_LENGTH).arg("digits", digits),
            hint(&msg::IMPORT_PHONE_HINT),
        ),
        ValueError::NotADate => (with(&msg::IMPORT_BAD_DATE), hint(&msg::IMPORT_DATE_HINT)),
        ValueError::UnknownCurationStatus => (
            with(&msg::IMPORT_BAD_STATUS),
            use_one_of(&CurationStatus::ALL, CurationStatus::as_str),
        ),
        ValueError::UnknownAvailability => (
            with(&msg::IMPORT_BAD_AVAILABILITY),
            use_one_of(&AvailabilityStatus::ALL, AvailabilityStatus::as_str),
        ),
        ValueError::NotALeadTime => {
            let days = AvailabilityStatus::LEAD_DAYS;
            let message = with(&msg::NOT_A_LEAD_TIME)
                .arg("min", days.start())
                .arg("max", days.end());
            (message, hint(&msg::IMPORT_LEAD_DAYS_HINT))
        }
        ValueError::UnknownKind => (
            with(&msg::IMPORT_BAD_KIND),
            use_one_of(&BusinessKind::ALL, BusinessKind::as_str),
        ),
        ValueError::UnknownCertification { kind } => (
            msg::IMPORT_BAD_CERTIFICATION.arg("value", kind),
            use_one_of(&CertificationKind::ALL, CertificationKind::as_str),
        ),
        ValueError::NotYesOrNo => (
            with(&msg::IMPORT_BAD_YES_NO),
            hint(&msg::IMPORT_YES_NO_HINT),
        ),
        ValueError::NotAnInstagramName => (with(&msg::IMPORT_BAD_INSTAGRAM), None),
    }
}

/// The hint naming every term of a closed list in the contract's spelling: "ukm, ikm".
fn use_one_of<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Option<Message> {
    let names: Vec<&str> = all.iter().map(|&term| as_str(term)).collect();
    Some(msg::USE_ONE_OF.arg("names", names.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostics;
    use crate::fields::{order, Date, Phone};

    const CATALOGUE: &str = "title: { id: Katalog, en: Catalogue }\nbase_url: https://example.id/\nlanguages: [id, en]\npublisher: { name: Dinas }\ncategories:\n  - { slug: batik, name: Batik }\n";

    /// The records of one row of a `kind` sheet holding every column, filled in as `cells` says.
    fn read_row(kind: SheetKind, cells: &[(Column, &str)]) -> Record {
        let config = Config::parse(CATALOGUE, &mut Diagnostics::default()).expect("valid");
        let columns = kind.columns();
        let text = |column: Column| cells.iter().find(|(c, _)| *c == column).map(|(_, t)| *t);
        let sheet = Sheet {
            name: "Sheet1".to_owned(),
            has_sheets: true,
            headers: columns
                .iter()
                .map(|(_, names)| names[0].to_owned())
                .collect(),
            header_row: 1,
            title_row: None,
            first_column: 0,
            rows: vec![Row {
                number: 2,
                cells: columns
                    .iter()
                    .map(|(column, _)| text(*column).unwrap_or_default().to_owned())
                    .collect(),
            }],
        };
        let context = Context {
            config: &config,
            file: "usaha.xlsx".to_owned(),
            folder: PathBuf::from("."),
        };
        let mut problems = Vec::new();
        let (mut records, _) = read(&sheet, &Layout::of(&sheet, kind), &context, &mut problems);
        assert!(!problems.iter().any(Problem::is_error), "{problems:?}");
        records.pop().expect("the row gives a record")
    }

    /// The keys of a nested object, each of which must be in `order`.
    fn keys_in(value: &Value, order: &[&str]) {
        let object = value.as_object().expect("an object");
        for key in object.keys() {
            assert!(order.contains(&key.as_str()), "{key} not in {order:?}");
        }
    }

    /// Each path a record sets names a field of the YAML file in `order` (or a language of a
    /// translated field, or a key of `curation`).
    fn paths_in(record: &Record, order: &[&str]) {
        for field in &record.fields {
            let (top, inner) = match field.path.split_once('.') {
                Some((top, inner)) => (top, Some(inner)),
                None => (field.path, None),
            };
            assert!(order.contains(&top), "{} not in {order:?}", field.path);
            match inner {
                Some(key) if top == "curation" => {
                    assert!(order::CURATION.contains(&key), "{}", field.path)
                }
                Some(key) if top == "shops" => {
                    assert!(order::SHOPS.contains(&key), "{}", field.path)
                }
                Some(key) if top == "availability" => {
                    assert!(order::AVAILABILITY.contains(&key), "{}", field.path)
                }
                Some(lang) => assert!(["id", "en"].contains(&lang), "{}", field.path),
                None => {}
            }
        }
    }

    fn value<'r>(record: &'r Record, path: &str) -> &'r Value {
        let field = record.fields.iter().find(|field| field.path == path);
        field.and_then(|field| field.value.as_ref()).expect(path)
    }

    /// What the import writes is what the YAML path reads: fields of the contract, in the
    /// vocabulary of `crate::fields`.
    #[test]
    fn a_producers_row_speaks_the_contract() {
        let record = read_row(
            SheetKind::Producers,
            &[
                (Column::BusinessName, "Batik Sekar"),
                (Column::Kind, "UMKM"),
                (Column::Owner, "Ibu Sri"),
                (Column::Sentra, "Sentra Batik"),
                (Column::Address, "Jl. Raya 1"),
                (Column::Whatsapp, "0812-3456-7890"),
                (Column::Instagram, "@batiksekar"),
                (Column::Email, "batik@example.id"),
                (Column::Founded, "2012"),
                (
                    Column::Shop(Marketplace::Tokopedia),
                    "tokopedia.com/batiksekar",
                ),
                (
                    Column::Shop(Marketplace::Website),
                    "https://batiksekar.example.id",
                ),
            ],
        );
        paths_in(&record, order::PRODUCER);
        let mut fields: Vec<&str> = record
            .fields
            .iter()
            .map(|field| field.path.split('.').next().unwrap_or_default())
            .collect();
        fields.dedup();
        assert_eq!(fields.len(), order::PRODUCER.len(), "{fields:?}");
        let text = |path| value(&record, path).as_str().expect(path);
        assert!(BusinessKind::parse(text("kind")).is_some());
        assert!(Phone::parse(text("whatsapp")).is_some());
        let tokopedia = Marketplace::Tokopedia.link(text("shops.tokopedia"));
        assert_eq!(
            tokopedia.map(|link| link.url),
            Ok("https://tokopedia.com/batiksekar".into())
        );
        assert!(Marketplace::Website.link(text("shops.website")).is_ok());
    }

    #[test]
    fn a_products_row_speaks_the_contract() {
        let record = read_row(
            SheetKind::Products,
            &[
                (Column::NameId, "Kain Batik"),
                (Column::NameEn, "Batik cloth"),
                (Column::Producer, "Batik Sekar"),
                (Column::Category, "batik"),
                (Column::Sku, "BS-01"),
                (Column::Gtin, "8 991234 567891"),
                (Column::Price, "50.000 - 75.000"),
                (Column::UnitId, "lembar"),
                (Column::UnitEn, "piece"),
                (Column::MinOrder, "10"),
                (Column::Availability, "Pre Order"),
                (Column::LeadDays, "21 hari"),
                (Column::Tags, "tulis"),
                (Column::Certifications, "Halal ID351; P-IRT 123"),
                (Column::CurationStatus, "Lulus"),
                (Column::Curator, "Dekranasda"),
                (Column::CurationDate, "28 April 2025"),
                (Column::Featured, "ya"),
                (
                    Column::Shop(Marketplace::Shopee),
                    "https://shopee.co.id/batiksekar/kain",
                ),
            ],
        );
        paths_in(&record, order::PRODUCT);
        keys_in(value(&record, "price"), order::PRICE);
        let certifications = value(&record, "certifications").as_array().unwrap();
        for certification in certifications {
            keys_in(certification, order::CERTIFICATION);
            let kind = certification["type"].as_str().unwrap();
            assert!(CertificationKind::parse(kind).is_some(), "{kind}");
        }
        let text = |path| value(&record, path).as_str().expect(path);
        assert!(CurationStatus::parse(text("curation.status")).is_some());
        assert_eq!(
            text("availability.status"),
            AvailabilityStatus::Pesan.as_str()
        );
        assert_eq!(value(&record, "availability.lead_days"), &json!(21));
        assert!(Date::parse(text("curation.date")).is_some());
        assert!(Marketplace::Shopee.link(text("shops.shopee")).is_ok());
        assert_eq!(text("sku"), "BS-01");
        assert_eq!(
            Gtin::parse(text("gtin")).map(|gtin| gtin.to_string()),
            Ok("8991234567891".to_owned())
        );
    }

    // "Cells to values" on every `cargo test` (issue 20); the cargo-fuzz target
    // `spreadsheet_to_values`, run by hand, starts from the file's bytes instead. Any text in
    // any column of any kind of sheet gives a record or errors, never a panic.
    fn cell_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            any::<String>(),
            "[0-9Rp.,\\- /:+()a-z]{0,24}",
            "(Rp ?)?[0-9]{1,3}(\\.[0-9]{3}){0,4}(,[0-9-]{0,2})?( - [0-9.]{1,12})?",
            "[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{2,5}",
            "(\\+62|0)[0-9 -]{0,16}",
            "(https?://)?[a-z.]{0,12}/[^ ]{0,12}",
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        #[test]
        fn any_cells_give_a_record_or_errors_in_every_kind_of_sheet(
            cells in proptest::collection::vec(cell_soup(), 48),
        ) {
            let config = Config::parse(CATALOGUE, &mut Diagnostics::default()).expect("valid");
            let context = Context {
                config: &config,
                file: "katalog.xlsx".to_owned(),
                folder: PathBuf::from("."),
            };
            for kind in [SheetKind::Producers, SheetKind::Products, SheetKind::Curation] {
                let columns = kind.columns();
                let sheet = Sheet {
                    name: "Sheet1".to_owned(),
                    has_sheets: true,
                    headers: columns.iter().map(|(_, names)| names[0].to_owned()).collect(),
                    header_row: 1,
                    title_row: None,
                    first_column: 0,
                    rows: vec![Row {
                        number: 2,
                        cells: cells.iter().take(columns.len()).cloned().collect(),
                    }],
                };
                let mut problems = Vec::new();
                let (records, skipped) =
                    read(&sheet, &Layout::of(&sheet, kind), &context, &mut problems);
                // The row is either read or left out, and left out only for an error.
                proptest::prop_assert_eq!(records.len() + skipped, 1);
                let failed = problems.iter().any(Problem::is_error);
                proptest::prop_assert_eq!(skipped == 1, failed, "{:?}", problems);
            }
        }
    }
}
