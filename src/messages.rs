//! Every message etalase prints for people (diagnostics, their hints, usage errors and the
//! commands' summary lines) in English and Indonesian side by side, and the choice between
//! the two. The site's own interface strings live in `i18n`; this table is for the terminal.
//!
//! A [`Message`] can only be made from an entry of this table: its fields are private and so
//! are a [`Template`]'s, so no English sentence can slip into a diagnostic from elsewhere.
//! Placeholders are written `{name}` (lowercase letters, digits, `_`); a `{` followed by
//! anything else, such as `{ amount: 450000 }`, is plain text. Values put into placeholders
//! (file paths, field names, what the editor typed) are never translated; a placeholder may
//! also hold another message, which is rendered in the same language.

use std::fmt::Write as _;

/// The language messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English
    En,
    /// Bahasa Indonesia
    Id,
}

impl Lang {
    /// `flag` when given (`--lang`), else the locale of the environment.
    pub fn choose(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(Lang::from_env)
    }

    /// Indonesian when the first set of `LC_ALL`, `LC_MESSAGES` and `LANG` starts with `id`
    /// (`id_ID.UTF-8`, `id`), else English.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    /// Like [`Lang::from_env`], reading the variables through `var` (for tests).
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        if locale.starts_with("id") {
            Lang::Id
        } else {
            Lang::En
        }
    }
}

/// The language of the notices a command prints while it works; set once by `main`.
static NOTICE_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of [`notice`]s for this process (from `--lang` or the locale).
pub fn set_notice_lang(lang: Lang) {
    let _ = NOTICE_LANG.set(lang);
}

/// Prints a line on stderr while a command works (waiting for another command, say), in the
/// language `main` set, else the locale's.
pub fn notice(message: &Message) {
    eprintln!("{}", message.render(notice_lang()));
}

/// The language of notices: the one `main` set, else the locale's.
pub fn notice_lang() -> Lang {
    NOTICE_LANG.get().copied().unwrap_or_else(Lang::from_env)
}

/// One entry of the table: a message with its English and Indonesian text.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    key: &'static str,
    en: &'static str,
    id: &'static str,
}

impl Template {
    /// The entry's name in the table, such as `UNKNOWN_FIELD`.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The text in `lang`, placeholders unfilled.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Id => self.id,
        }
    }

    /// This message with a placeholder filled by a value that is never translated.
    pub fn arg(&'static self, name: &'static str, value: impl std::fmt::Display) -> Message {
        Message::from(self).arg(name, value)
    }

    /// This message with a placeholder filled by another message of the table.
    pub fn nested(&'static self, name: &'static str, value: impl Into<Message>) -> Message {
        Message::from(self).nested(name, value)
    }

    /// The placeholders of the text in `lang`, in order of appearance.
    pub fn placeholders(&self, lang: Lang) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut rest = self.text(lang);
        while let Some((_, name, after)) = next_placeholder(rest) {
            names.push(name);
            rest = after;
        }
        names
    }
}

/// A message of the table with its placeholders filled, ready to be shown in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    template: &'static Template,
    /// Boxed rather than a `Vec`, so a diagnostic stays small enough to pass around by value.
    args: Box<[(&'static str, Arg)]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Message(Message),
}

impl From<&'static Template> for Message {
    fn from(template: &'static Template) -> Self {
        Message {
            template,
            args: Box::new([]),
        }
    }
}

impl Message {
    /// Fills placeholder `name` with a value that is never translated.
    pub fn arg(self, name: &'static str, value: impl std::fmt::Display) -> Message {
        self.with(name, Arg::Text(value.to_string()))
    }

    /// Fills placeholder `name` with another message, shown in the same language.
    pub fn nested(self, name: &'static str, value: impl Into<Message>) -> Message {
        self.with(name, Arg::Message(value.into()))
    }

    fn with(mut self, name: &'static str, value: Arg) -> Message {
        let mut args = std::mem::take(&mut self.args).into_vec();
        args.push((name, value));
        self.args = args.into_boxed_slice();
        self
    }

    /// Whether this message is the table's entry `template` (keys are unique in the table).
    pub fn is(&self, template: &'static Template) -> bool {
        self.template.key == template.key
    }

    /// The table entry this message was made from.
    pub fn template(&self) -> &'static Template {
        self.template
    }

    /// The text in `lang` with every placeholder filled.
    pub fn render(&self, lang: Lang) -> String {
        let mut text = String::new();
        let mut rest = self.template.text(lang);
        while let Some((before, name, after)) = next_placeholder(rest) {
            text.push_str(before);
            match self.args.iter().find(|(arg, _)| *arg == name) {
                Some((_, Arg::Text(value))) => text.push_str(value),
                Some((_, Arg::Message(message))) => text.push_str(&message.render(lang)),
                None => {
                    debug_assert!(false, "{}: no value for {{{name}}}", self.template.key);
                    let _ = write!(text, "{{{name}}}");
                }
            }
            rest = after;
        }
        text.push_str(rest);
        text
    }
}

/// Splits `text` at its first placeholder: the text before it, its name, and the text after.
fn next_placeholder(text: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| i + from) {
        let after_open = &text[open + 1..];
        let name_len = after_open
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after_open.len());
        if name_len > 0 && after_open[name_len..].starts_with('}') {
            let name = &after_open[..name_len];
            return Some((&text[..open], name, &after_open[name_len + 1..]));
        }
        from = open + 1;
    }
    None
}

/// Defines the table: one `static` per entry and [`ALL`], the list the tests go through.
macro_rules! table {
    ($($(#[$doc:meta])* $name:ident { en: $en:literal, id: $id:literal $(,)? })*) => {
        $(
            $(#[$doc])*
            pub static $name: Template = Template { key: stringify!($name), en: $en, id: $id };
        )*
        /// Every entry of the table.
        pub static ALL: &[&Template] = &[$(&$name),*];
    };
}

table! {
    // ------------------------------------------------------------ how a diagnostic is shown
    LABEL_ERROR { en: "error", id: "kesalahan" }
    LABEL_WARNING { en: "warning", id: "peringatan" }
    LABEL_FIELD { en: "field `{field}`", id: "kolom `{field}`" }
    LABEL_HINT { en: "hint", id: "petunjuk" }

    // ------------------------------------------------------------ hints shared by many checks
    DID_YOU_MEAN { en: "did you mean `{name}`?", id: "mungkin maksud Anda `{name}`?" }
    NONE_YET { en: "there are no {kind} yet", id: "belum ada {kind}" }
    KNOWN_NAMES { en: "known {kind}: {names}", id: "{kind} yang ada: {names}" }
    /// A list of names (slugs, files), comma-separated.
    NAMES { en: "{names}", id: "{names}" }
    NAMES_AND_MORE { en: "{names}, … ({count} more)", id: "{names}, … ({count} lainnya)" }
    USE_ONE_OF { en: "use one of: {names}", id: "pilih salah satu: {names}" }
    SLUG_HINT {
        en: "use lowercase letters a-z, digits and single hyphens, e.g. `batik-sekar-jagad`",
        id: "gunakan huruf kecil a-z, angka dan tanda hubung (-) tunggal, misalnya `batik-sekar-jagad`",
    }
    KIND_SECTIONS { en: "sections", id: "bagian" }
    KIND_PRODUCERS { en: "producers", id: "produsen" }
    KIND_CATEGORIES { en: "categories", id: "kategori" }

    // ------------------------------------------------------------ reading files
    CANNOT_BE_READ { en: "cannot be read: {reason}", id: "tidak dapat dibaca: {reason}" }
    CANNOT_BE_WRITTEN { en: "cannot be written: {reason}", id: "tidak dapat ditulis: {reason}" }
    CANNOT_BE_CREATED { en: "cannot be created: {reason}", id: "tidak dapat dibuat: {reason}" }
    REASON_NOT_FOUND { en: "it does not exist", id: "file atau folder itu tidak ada" }
    REASON_PERMISSION { en: "permission denied", id: "tidak ada izin untuk membukanya" }
    REASON_LOOP {
        en: "a folder link loops back on itself",
        id: "tautan folder mengarah kembali ke dirinya sendiri",
    }
    NOT_UTF8 { en: "is not UTF-8 text", id: "bukan teks UTF-8" }
    NOT_UTF16 { en: "is UTF-16 text, not UTF-8", id: "berisi teks UTF-16, bukan UTF-8" }
    TEXT_FILE_TOO_BIG {
        en: "is {size} KB; YAML and Markdown files may be at most {limit} KB",
        id: "berukuran {size} KB; file YAML dan Markdown paling besar {limit} KB",
    }
    TEXT_FILE_TOO_BIG_HINT {
        en: "shorten the file, or raise `limits.max_text_file_kb` in catalogue.yaml",
        id: "perpendek isi file, atau naikkan `limits.max_text_file_kb` di catalogue.yaml",
    }
    CONFIG_TOO_BIG_HINT {
        en: "catalogue.yaml holds only the settings; long texts belong in content/",
        id: "catalogue.yaml hanya berisi pengaturan; teks panjang ditaruh di content/",
    }
    FOLDER_LINK_LEAVES_CATALOGUE {
        en: "is a link to a folder outside the catalogue folder",
        id: "adalah tautan ke folder di luar folder katalog",
    }
    MOVE_FOLDER_HINT {
        en: "move or copy the folder itself into the catalogue folder instead of linking to it",
        id: "pindahkan atau salin folder itu ke dalam folder katalog, jangan ditautkan",
    }
    NOT_UTF8_HINT {
        en: "save the file as UTF-8 (most editors offer it under \"Save as\" / encoding)",
        id: "simpan ulang file dengan encoding UTF-8 (biasanya ada di menu \"Save as\" / \"Simpan sebagai\")",
    }

    // ------------------------------------------------------------ YAML
    UNKNOWN_FIELD { en: "unknown field `{field}`", id: "kolom `{field}` tidak dikenal" }
    ALLOWED_FIELDS { en: "allowed fields here: {fields}", id: "kolom yang boleh dipakai di sini: {fields}" }
    MISSING_FIELD { en: "required field `{field}` is missing", id: "kolom wajib `{field}` tidak ada" }
    ADD_FIELD_LINE { en: "add a line `{field}: ...`", id: "tambahkan baris `{field}: ...`" }
    /// The YAML reader's own description of a mistake (it exists in English only).
    YAML_INVALID { en: "{detail}", id: "baris ini tidak dapat dibaca ({detail})" }
    NOT_A_WHOLE_NUMBER {
        en: "the value here is not a whole number",
        id: "nilai di sini bukan bilangan bulat",
    }
    WHOLE_NUMBER_HINT {
        en: "write digits only, without dots, spaces or words, e.g. `10` or `350000`",
        id: "tulis angka saja, tanpa titik, spasi atau kata, misalnya `10` atau `350000`",
    }
    NOT_TRUE_OR_FALSE { en: "the value here is not `true` or `false`", id: "nilai di sini bukan `true` atau `false`" }
    TRUE_OR_FALSE_HINT { en: "write `true` or `false`", id: "tulis `true` (ya) atau `false` (tidak)" }
    YAML_TOO_DEEP {
        en: "nests deeper than {limit} levels",
        id: "bertingkat lebih dari {limit} lapis",
    }
    YAML_TOO_DEEP_HINT {
        en: "entries need only a few levels of indentation; or raise `limits.max_yaml_depth` in catalogue.yaml",
        id: "entri hanya memerlukan beberapa lapis indentasi; atau naikkan `limits.max_yaml_depth` di catalogue.yaml",
    }
    YAML_ALIASES_TOO_MANY {
        en: "its aliases (`*name`) copy more than {limit} values",
        id: "alias (`*nama`) di file ini menyalin lebih dari {limit} nilai",
    }
    YAML_ALIASES_HINT {
        en: "write the values out instead of repeating aliases, or raise `limits.max_yaml_alias_expansion` in catalogue.yaml",
        id: "tulis nilainya langsung, jangan mengulang alias, atau naikkan `limits.max_yaml_alias_expansion` di catalogue.yaml",
    }
    YAML_INVALID_HINT {
        en: "check the indentation, the `key: value` form and the quotes on this line",
        id: "periksa spasi di awal baris, bentuk `kunci: nilai` dan tanda kutip di baris ini",
    }

    // ------------------------------------------------------------ YAML: a value of the wrong kind (issue 20)
    /// "field `price`: expected …; found …": what the field takes and what was written.
    WRONG_KIND {
        en: "expected {expected}; found {found}",
        id: "seharusnya {expected}, tetapi yang tertulis {found}",
    }
    /// The same when the written value could not be read back.
    WRONG_KIND_UNSEEN { en: "expected {expected}", id: "seharusnya {expected}" }
    EXPECT_TEXT { en: "a text", id: "teks" }
    EXPECT_TEXT_PER_LANGUAGE {
        en: "a text, or one text per language such as `{ id: ..., en: ... }`",
        id: "teks, atau satu teks per bahasa seperti `{ id: ..., en: ... }`",
    }
    EXPECT_WHOLE_NUMBER {
        en: "a whole number (digits only)",
        id: "bilangan bulat (angka saja)",
    }
    EXPECT_RUPIAH {
        en: "a whole number of rupiah such as `35000`",
        id: "jumlah rupiah berupa bilangan bulat seperti `35000`",
    }
    EXPECT_PRICE {
        en: "a whole number of rupiah such as `35000`, or a range `{ min: 30000, max: 45000 }`",
        id: "jumlah rupiah berupa bilangan bulat seperti `35000`, atau rentang `{ min: 30000, max: 45000 }`",
    }
    EXPECT_YES_NO { en: "`true` or `false`", id: "`true` (ya) atau `false` (tidak)" }
    EXPECT_DATE { en: "a date written YYYY-MM-DD", id: "tanggal dalam bentuk TTTT-BB-HH (tahun-bulan-hari)" }
    EXPECT_LIST {
        en: "a list (`[a, b]`, or one `- item` per line)",
        id: "daftar (`[a, b]`, atau satu `- isi` per baris)",
    }
    EXPECT_FIELDS {
        en: "fields of its own (`key: value` indented below it, or `{ key: value }`)",
        id: "kolom-kolom di dalamnya (`kunci: nilai` menjorok di bawahnya, atau `{ kunci: nilai }`)",
    }
    FOUND_TEXT { en: "the text `{value}`", id: "teks `{value}`" }
    FOUND_NUMBER { en: "the number `{value}`", id: "angka `{value}`" }
    FOUND_YES_NO { en: "the yes/no value `{value}`", id: "nilai ya/tidak `{value}`" }
    FOUND_NOTHING { en: "nothing (the value is empty)", id: "kosong (tidak ada nilainya)" }
    FOUND_LIST { en: "a list", id: "sebuah daftar" }
    FOUND_FIELDS { en: "fields (`key: value`)", id: "kumpulan kolom (`kunci: nilai`)" }
    FILE_NOT_FIELDS {
        en: "the file must hold fields, one `key: value` per line; found {found}",
        id: "file ini harus berisi kolom, satu `kunci: nilai` per baris; yang tertulis {found}",
    }
    FILE_WITHOUT_FIELDS { en: "the file holds no fields", id: "file ini tidak berisi kolom apa pun" }
    FILE_FIELDS_HINT {
        en: "write one `key: value` per line from the left edge, e.g. `name: ...`; docs/content.md lists the fields",
        id: "tulis satu `kunci: nilai` per baris mulai dari tepi kiri, misalnya `name: ...`; daftar kolomnya ada di docs/content.md",
    }
    WRITE_LIKE { en: "write it like this: `{example}`", id: "tulis seperti ini: `{example}`" }
    AMOUNT_SEPARATORS_HINT {
        en: "write digits only, without `Rp`, dots or commas: `{example}`; in YAML a dot is a decimal point, so `{written}` is not read as the amount you meant",
        id: "tulis angka saja, tanpa `Rp`, titik atau koma: `{example}`; di YAML titik adalah tanda desimal, jadi `{written}` tidak terbaca sebagai jumlah yang Anda maksud",
    }
    QUOTE_TEXT_HINT {
        en: "write the text after the colon; put it in quotes if it starts with a special character",
        id: "tulis teksnya setelah titik dua; beri tanda kutip jika diawali tanda khusus",
    }
    LIST_HINT {
        en: "write the items in `[ ]` separated by commas, or one `- item` per line below the field",
        id: "tulis isinya di dalam `[ ]` dipisah koma, atau satu `- isi` per baris di bawah kolom itu",
    }
    FIELDS_HINT {
        en: "write its fields indented below it, one `key: value` per line, or as `{ key: value }`",
        id: "tulis kolom-kolomnya menjorok di bawahnya, satu `kunci: nilai` per baris, atau sebagai `{ kunci: nilai }`",
    }
    FIELD_TWICE { en: "this field is written twice", id: "kolom ini ditulis dua kali" }
    FIELD_TWICE_HINT {
        en: "keep one of the two lines and delete the other",
        id: "pertahankan salah satu baris dan hapus yang lain",
    }
    NOT_AN_ALLOWED_VALUE {
        en: "`{value}` is not one of the values this field takes",
        id: "`{value}` bukan salah satu nilai yang boleh dipakai di kolom ini",
    }

    // ------------------------------------------------------------ YAML: syntax mistakes in plain words (issue 20)
    YAML_TAB {
        en: "a tab is used for indentation; YAML accepts only spaces",
        id: "ada tab untuk indentasi; YAML hanya menerima spasi",
    }
    YAML_TAB_HINT {
        en: "replace the tab at the start of the line with spaces (two per level)",
        id: "ganti tab di awal baris dengan spasi (dua spasi per tingkat)",
    }
    YAML_COLON_HERE {
        en: "a `key: value` cannot start here: the line is indented more than the field above it, or its value holds a second `: `",
        id: "`kunci: nilai` tidak boleh dimulai di sini: baris ini menjorok lebih dalam daripada kolom di atasnya, atau nilainya berisi `: ` kedua",
    }
    YAML_COLON_HERE_HINT {
        en: "start the line where the other fields start, or put the value in quotes, e.g. `note: \"buka: 08.00\"`",
        id: "mulai baris ini sejajar dengan kolom lainnya, atau beri tanda kutip pada nilainya, misalnya `note: \"buka: 08.00\"`",
    }
    YAML_UNCLOSED_QUOTE {
        en: "a quote (`\"` or `'`) is opened but not closed",
        id: "tanda kutip (`\"` atau `'`) dibuka tetapi tidak ditutup",
    }
    YAML_UNCLOSED_QUOTE_HINT {
        en: "close the quote with the same mark, e.g. `name: \"Keripik Tempe\"`",
        id: "tutup dengan tanda kutip yang sama, misalnya `name: \"Keripik Tempe\"`",
    }
    YAML_AFTER_QUOTE {
        en: "text follows the closing quote of a value; a quote opened on an earlier line may not be closed",
        id: "ada teks setelah tanda kutip penutup; mungkin tanda kutip di baris sebelumnya belum ditutup",
    }
    YAML_UNCLOSED_BRACKET {
        en: "a bracket (`[` or `{`) is opened but not closed",
        id: "tanda kurung (`[` atau `{`) dibuka tetapi tidak ditutup",
    }
    YAML_UNCLOSED_BRACKET_HINT {
        en: "close it on the same line, e.g. `languages: [id, en]` or `unit: { id: lembar, en: piece }`",
        id: "tutup di baris yang sama, misalnya `languages: [id, en]` atau `unit: { id: lembar, en: piece }`",
    }
    YAML_EXPECTED_KEY {
        en: "this line is neither `key: value` nor a list item under a field",
        id: "baris ini bukan `kunci: nilai` dan bukan isi daftar di bawah sebuah kolom",
    }
    YAML_EXPECTED_KEY_HINT {
        en: "write `key: value`; list items (`- …`) go indented under their field, e.g. `tags:` then `  - pedas`",
        id: "tulis `kunci: nilai`; isi daftar (`- …`) ditulis menjorok di bawah kolomnya, misalnya `tags:` lalu `  - pedas`",
    }
    YAML_UNKNOWN_ANCHOR {
        en: "a value starting with `*` refers to an anchor (`&name`) that is not defined",
        id: "nilai yang diawali `*` merujuk ke jangkar (`&nama`) yang tidak ada",
    }
    YAML_UNKNOWN_ANCHOR_HINT {
        en: "to write a text that starts with `*`, put it in quotes: `\"*promo*\"`",
        id: "untuk menulis teks yang diawali `*`, beri tanda kutip: `\"*promo*\"`",
    }
    YAML_SEVERAL_DOCUMENTS {
        en: "the file holds more than one YAML document (a `---` line in the middle)",
        id: "file ini berisi lebih dari satu dokumen YAML (ada baris `---` di tengah)",
    }
    YAML_SEVERAL_DOCUMENTS_HINT {
        en: "remove the `---` line; in a Markdown file, front matter sits only at the top, between two `---` lines",
        id: "hapus baris `---` itu; di file Markdown, front matter hanya ada di bagian paling atas, di antara dua baris `---`",
    }
    YAML_RESERVED_START {
        en: "the value starts with `{character}`, which YAML keeps for itself",
        id: "nilainya diawali `{character}`, tanda yang dipakai YAML sendiri",
    }
    YAML_RESERVED_START_HINT {
        en: "put the value in quotes: `\"{character}...\"`",
        id: "beri tanda kutip pada nilainya: `\"{character}...\"`",
    }

    // ------------------------------------------------------------ catalogue.yaml
    NOT_A_DATE { en: "`{value}` is not a date", id: "`{value}` bukan tanggal" }
    DATE_HINT {
        en: "write the date as YYYY-MM-DD, e.g. {example}",
        id: "tulis tanggal dalam bentuk TTTT-BB-HH (tahun-bulan-hari), misalnya {example}",
    }
    NOT_A_PHONE {
        en: "`{value}` is not a phone number in international form",
        id: "`{value}` bukan nomor telepon dalam format internasional",
    }
    PHONE_HINT {
        en: "write it in international form with quotes, e.g. \"+6281234567890\"",
        id: "tulis dalam format internasional dan beri tanda kutip, misalnya \"+6281234567890\"",
    }
    BAD_THEME_NAME { en: "`{value}` is not a valid theme name", id: "`{value}` bukan nama tema yang sah" }
    THEME_NAME_HINT {
        en: "a theme name is a folder name under themes/, e.g. `default`",
        id: "nama tema adalah nama folder di dalam themes/, misalnya `default`",
    }
    NOT_A_SLUG { en: "`{value}` is not a valid slug", id: "`{value}` bukan slug (nama alamat) yang sah" }
    BROCHURE_SLUG_HINT {
        en: "lowercase letters, digits and single hyphens, e.g. `keranjang-bali`",
        id: "huruf kecil, angka dan tanda hubung (-) tunggal, misalnya `keranjang-bali`",
    }
    BROCHURE_TWICE { en: "brochure `{slug}` is defined twice", id: "brosur `{slug}` ditulis dua kali" }
    NOT_A_CATEGORY {
        en: "`{value}` is not a category of this catalogue",
        id: "`{value}` bukan kategori di katalog ini",
    }
    IMAGE_WIDTHS {
        en: "widths must be between 16 and 4096 pixels",
        id: "lebar foto harus antara 16 dan 4096 piksel",
    }
    IMAGE_WIDTHS_HINT { en: "for example `widths: [480, 960, 1600]`", id: "misalnya `widths: [480, 960, 1600]`" }
    MEGAPIXELS {
        en: "the limit must be between 1 and 500 megapixels",
        id: "batasnya harus antara 1 dan 500 megapiksel",
    }
    MEGAPIXELS_HINT { en: "the default is 60", id: "nilai bawaannya 60" }
    LIMIT_OUT_OF_RANGE {
        en: "`{value}` is outside the allowed range, {min} to {max}",
        id: "`{value}` di luar rentang yang diizinkan, {min} sampai {max}",
    }
    LIMIT_DEFAULT_HINT {
        en: "leave the line out to use the default, {default}",
        id: "hapus baris ini agar nilai bawaannya, {default}, yang dipakai",
    }
    NOT_A_COUNTRY_CODE {
        en: "`{value}` is not a country code",
        id: "`{value}` bukan kode negara",
    }
    COUNTRY_CODE_HINT {
        en: "write the country's two-letter code, e.g. `country: ID` for Indonesia",
        id: "tulis kode negara dua huruf, misalnya `country: ID` untuk Indonesia",
    }
    DAYS_MIN_OVER_MAX {
        en: "the shortest time, {min} days, is longer than the longest, {max} days",
        id: "waktu tersingkat, {min} hari, lebih lama daripada waktu terlama, {max} hari",
    }
    DAYS_MIN_OVER_MAX_HINT {
        en: "write the shortest time as `min` and the longest as `max`, e.g. `{ min: 2, max: 5 }`",
        id: "tulis waktu tersingkat sebagai `min` dan yang terlama sebagai `max`, misalnya `{ min: 2, max: 5 }`",
    }
    RETURN_FEE_WITHOUT_RETURNS {
        en: "a return fee is given, but `days: 0` says returns are not accepted",
        id: "biaya pengembalian diisi, padahal `days: 0` berarti barang tidak dapat dikembalikan",
    }
    RETURN_FEE_WITHOUT_RETURNS_HINT {
        en: "remove `fee`, or write in `days` how many days buyers have to send goods back",
        id: "hapus `fee`, atau tulis di `days` berapa hari pembeli boleh mengembalikan barang",
    }
    LIMIT_SET_TWICE {
        en: "the pixel limit is also set by `images.max_megapixels`",
        id: "batas piksel juga sudah ditetapkan oleh `images.max_megapixels`",
    }
    LIMIT_SET_TWICE_HINT {
        en: "keep one: remove `max_megapixels` from `images:`",
        id: "pakai salah satu saja: hapus `max_megapixels` dari `images:`",
    }
    NO_LANGUAGES { en: "no languages are listed", id: "belum ada bahasa yang dicantumkan" }
    NO_LANGUAGES_HINT {
        en: "list at least one, the default first: `languages: [id, en]`",
        id: "cantumkan minimal satu, bahasa utama lebih dulu: `languages: [id, en]`",
    }
    NOT_A_LANGUAGE { en: "`{value}` is not a language code", id: "`{value}` bukan kode bahasa" }
    LANGUAGE_CODE_HINT {
        en: "use two-letter codes such as `id` and `en`",
        id: "gunakan kode dua huruf seperti `id` dan `en`",
    }
    LISTED_TWICE { en: "`{value}` is listed twice", id: "`{value}` tercantum dua kali" }
    CATEGORY_TWICE { en: "category `{slug}` is listed twice", id: "kategori `{slug}` tercantum dua kali" }
    NOT_ABSOLUTE_URL {
        en: "`{value}` is not an absolute web address",
        id: "`{value}` bukan alamat web yang lengkap",
    }
    BASE_URL_HINT {
        en: "write the full address the site will live at, e.g. https://katalog.example.go.id",
        id: "tulis alamat lengkap tempat situs akan dipasang, misalnya https://katalog.example.go.id",
    }
    URL_BAD_CHARACTERS {
        en: "`{value}` contains characters a web address cannot have",
        id: "`{value}` berisi karakter yang tidak boleh ada dalam alamat web",
    }
    URL_BAD_CHARACTERS_HINT { en: "remove spaces, quotes, `?` and `#`", id: "hapus spasi, tanda kutip, `?` dan `#`" }
    THEME_MISSING { en: "theme `{theme}` does not exist", id: "tema `{theme}` tidak ada" }
    THEME_MISSING_HINT {
        en: "create themes/{theme}/ or write `theme: default`",
        id: "buat folder themes/{theme}/ atau tulis `theme: default`",
    }

    // ------------------------------------------------------------ content/ folders
    NOT_A_FOLDER_IGNORED { en: "is not a folder and is ignored", id: "bukan folder, jadi diabaikan" }
    ENTRY_IS_A_FOLDER_HINT {
        en: "each entry is a folder: content/{section}/<slug>/",
        id: "setiap entri adalah sebuah folder: content/{section}/<slug>/",
    }
    BAD_FOLDER_NAME {
        en: "folder name `{name}` is not a valid slug",
        id: "nama folder `{name}` bukan slug (nama alamat) yang sah",
    }
    RENAME_FOLDER_HINT { en: "rename the folder; {how}", id: "ganti nama folder; {how}" }
    UNKNOWN_SECTION {
        en: "is not a known section and is ignored",
        id: "bukan bagian yang dikenal, jadi diabaikan",
    }
    NO_DATA_FILE { en: "has no {file}", id: "tidak memiliki {file}" }
    DATA_FILE_HINT {
        en: "every entry folder in content/{section}/ needs a {file}",
        id: "setiap folder entri di content/{section}/ memerlukan {file}",
    }
    LINK_LEAVES_CATALOGUE {
        en: "is a link to a file outside the catalogue folder",
        id: "adalah tautan ke file di luar folder katalog",
    }
    COPY_INSTEAD_HINT {
        en: "copy the file into this folder instead of linking to it",
        id: "salin file itu ke folder ini, jangan ditautkan",
    }

    // ------------------------------------------------------------ entries
    NOT_A_FOUNDING_YEAR {
        en: "`{value}` is not a plausible founding year",
        id: "`{value}` bukan tahun berdiri yang masuk akal",
    }
    YEAR_HINT { en: "write the year with four digits, e.g. 2012", id: "tulis tahun dengan empat angka, misalnya 2012" }
    NOT_A_BUSINESS_KIND { en: "`{value}` is not a kind of business", id: "`{value}` bukan jenis usaha yang dikenal" }
    BUSINESS_KIND_HINT {
        en: "write `ukm` (small and medium enterprise) or `ikm` (small and medium industry)",
        id: "tulis `ukm` (usaha kecil dan menengah) atau `ikm` (industri kecil dan menengah)",
    }
    PRODUCER_MISSING { en: "producer `{slug}` does not exist", id: "produsen `{slug}` tidak ada" }
    CATEGORY_UNDEFINED {
        en: "category `{slug}` is not defined in catalogue.yaml",
        id: "kategori `{slug}` tidak ada di catalogue.yaml",
    }
    ASSET_NOT_IN_FOLDER {
        en: "`{name}` is not a file name inside this entry's folder",
        id: "`{name}` bukan nama file di dalam folder entri ini",
    }
    ASSET_NOT_IN_FOLDER_HINT {
        en: "put the file in {dir}/ and write just its name, e.g. `utama.jpg`",
        id: "taruh file di {dir}/ dan tulis namanya saja, misalnya `utama.jpg`",
    }
    ASSET_MISSING { en: "file `{name}` does not exist", id: "file `{name}` tidak ada" }
    ASSET_MISSING_HINT {
        en: "put the file in {dir}/ or correct the name (names are case-sensitive)",
        id: "taruh file di {dir}/ atau perbaiki namanya (huruf besar dan kecil dibedakan)",
    }
    ASSET_LEAVES_CATALOGUE {
        en: "`{name}` is a link to a file outside the catalogue folder",
        id: "`{name}` adalah tautan ke file di luar folder katalog",
    }
    ASSET_LEAVES_CATALOGUE_HINT { en: "copy the file itself into {dir}/", id: "salin file aslinya ke {dir}/" }
    RESERVED_PAGE {
        en: "`{slug}` is used by the site itself and cannot name a page",
        id: "`{slug}` sudah dipakai oleh situs dan tidak bisa menjadi nama halaman",
    }
    RESERVED_PAGE_HINT {
        en: "rename the folder; these names are taken: {names}",
        id: "ganti nama folder; nama-nama ini sudah terpakai: {names}",
    }
    NO_TITLE { en: "has no title", id: "tidak memiliki judul" }
    NO_TITLE_HINT {
        en: "start the file with a front matter block:\n  ---\n  title: Tentang Kami\n  ---",
        id: "awali file dengan blok front matter:\n  ---\n  title: Tentang Kami\n  ---",
    }
    NO_TEXT { en: "has no text in any language", id: "belum memiliki teks dalam bahasa apa pun" }
    ADD_FILES_HINT { en: "add {files}", id: "tambahkan {files}" }
    LANGUAGE_FILE_IGNORED {
        en: "`{lang}` is not one of the catalogue's languages; the file is ignored",
        id: "`{lang}` bukan salah satu bahasa katalog ini; file ini diabaikan",
    }
    NAME_FILE_HINT {
        en: "name the file after a language in catalogue.yaml: {files}",
        id: "beri nama file sesuai bahasa di catalogue.yaml: {files}",
    }
    NO_LANGUAGE_FILE {
        en: "has no {lang}.md; the {lang} page shows the text of another language",
        id: "tidak memiliki {lang}.md; halaman {lang} menampilkan teks dalam bahasa lain",
    }
    ADD_LANGUAGE_FILE_HINT {
        en: "add {dir}/{lang}.md with the translation",
        id: "tambahkan {dir}/{lang}.md berisi terjemahannya",
    }
    NO_TRANSLATION { en: "has no {lang} translation", id: "belum ada terjemahan {lang}" }
    ADD_TRANSLATION_HINT { en: "add `{lang}: ...` to `{field}`", id: "tambahkan `{lang}: ...` ke `{field}`" }
    NOT_A_CATALOGUE_LANGUAGE {
        en: "`{lang}` is not one of the catalogue's languages",
        id: "`{lang}` bukan salah satu bahasa katalog ini",
    }
    UNIT_PLURAL_WITHOUT_SINGULAR {
        en: "`unit` gives `{lang}_plural` but no `{lang}`",
        id: "`unit` memberi `{lang}_plural` tanpa `{lang}`",
    }
    UNIT_PLURAL_HINT {
        en: "write both forms, e.g. `unit: { id: lembar, en: piece, en_plural: pieces }`",
        id: "tulis kedua bentuknya, misalnya `unit: { id: lembar, en: piece, en_plural: pieces }`",
    }
    CATALOGUE_LANGUAGES_HINT { en: "languages in catalogue.yaml: {langs}", id: "bahasa di catalogue.yaml: {langs}" }
    NOT_AN_INSTAGRAM_HANDLE { en: "`{value}` is not an Instagram handle", id: "`{value}` bukan nama akun Instagram" }
    INSTAGRAM_HINT {
        en: "write only the handle, e.g. `batiksekarjagad`",
        id: "tulis nama akunnya saja, misalnya `batiksekarjagad`",
    }
    SHOP_NOT_A_URL { en: "`{value}` is not a web address", id: "`{value}` bukan alamat web" }
    SHOP_NOT_HTTPS {
        en: "`{value}` is not an https:// address",
        id: "`{value}` bukan alamat https://",
    }
    SHOP_URL_HINT {
        en: "copy the whole address from the browser's address bar, starting with https://, e.g. {example}",
        id: "salin alamat lengkap dari kolom alamat peramban, diawali https://, misalnya {example}",
    }
    SHOP_WRONG_SITE {
        en: "`{value}` is not a {name} address: it leads to `{host}`",
        id: "`{value}` bukan alamat {name}: tautan ini menuju `{host}`",
    }
    SHOP_WRONG_SITE_HINT {
        en: "a {name} link leads to {sites}, e.g. {example}; a link to another site goes under that site's own key",
        id: "tautan {name} menuju {sites}, misalnya {example}; tautan ke situs lain ditulis di bawah kunci situs itu",
    }
    SHOP_UNKNOWN { en: "unknown shop `{key}`", id: "toko `{key}` tidak dikenal" }
    SHOP_NOT_FOR_PRODUCTS {
        en: "a product's `shops` lists its own pages on a marketplace; `{key}` is no marketplace",
        id: "`shops` sebuah produk berisi halaman produk itu di marketplace; `{key}` bukan marketplace",
    }
    SHOP_NOT_FOR_PRODUCTS_HINT {
        en: "put it under `shops:` in the producer's producer.yaml; a product may list {keys}",
        id: "tulis di bawah `shops:` pada producer.yaml milik produsennya; produk hanya boleh berisi {keys}",
    }
    NOT_AN_EMAIL { en: "`{value}` is not an email address", id: "`{value}` bukan alamat email" }
    EMAIL_HINT { en: "write it as name@example.id", id: "tulis seperti nama@example.id" }
    PRICE_MIN_ABOVE_MAX {
        en: "the minimum price {min} is above the maximum {max}",
        id: "harga minimum {min} lebih tinggi dari harga maksimum {max}",
    }
    PRICE_SHAPE {
        en: "a price needs either `amount` or both `min` and `max`",
        id: "harga memerlukan `amount`, atau `min` dan `max` sekaligus",
    }
    PRICE_HINT {
        en: "write `price: 450000`, or a range `price: { min: 350000, max: 750000 }`, in whole rupiah",
        id: "tulis `price: 450000`, atau rentang `price: { min: 350000, max: 750000 }`, dalam rupiah tanpa titik atau koma",
    }
    TAG_NOT_A_SLUG { en: "tag `{tag}` is not a valid slug", id: "label `{tag}` bukan slug (nama alamat) yang sah" }
    NOT_AN_AVAILABILITY {
        en: "`{value}` is not an availability status",
        id: "`{value}` bukan status ketersediaan yang dikenal",
    }
    AVAILABILITY_HINT {
        en: "write `siap` (ready stock), `pesan` (made to order) or `habis` (sold out)",
        id: "tulis `siap` (stok siap), `pesan` (dibuat sesuai pesanan) atau `habis` (stok habis)",
    }
    NOT_A_LEAD_TIME {
        en: "`{value}` is not a number of days from {min} to {max}",
        id: "`{value}` bukan jumlah hari dari {min} sampai {max}",
    }
    LEAD_DAYS_HINT {
        en: "write how many days making the product takes after the order, in digits without quotes, e.g. `lead_days: 21`",
        id: "tulis berapa hari produk dibuat setelah dipesan, dengan angka tanpa tanda kutip, misalnya `lead_days: 21`",
    }
    LEAD_DAYS_NOT_MADE_TO_ORDER {
        en: "a lead time is only for products made to order, but the status is `{status}`",
        id: "lama pembuatan hanya untuk produk yang dibuat sesuai pesanan, tetapi statusnya `{status}`",
    }
    LEAD_DAYS_NOT_MADE_TO_ORDER_HINT {
        en: "remove `lead_days`, or write `status: pesan` if the product is made after it is ordered",
        id: "hapus `lead_days`, atau tulis `status: pesan` bila produk dibuat setelah dipesan",
    }

    // ------------------------------------------------------------ product code and barcode
    SKU_EMPTY {
        en: "the product code is empty",
        id: "kode produk kosong",
    }
    SKU_TOO_LONG {
        en: "the product code `{value}` is {chars} characters long; a product code has at most {max}",
        id: "kode produk `{value}` panjangnya {chars} karakter; kode produk paling panjang {max} karakter",
    }
    SKU_CONTROL {
        en: "the product code holds a tab, a line break or another invisible control character",
        id: "kode produk berisi tab, ganti baris atau karakter kendali lain yang tidak terlihat",
    }
    SKU_HINT {
        en: "write the producer's own code for the product on one line, at most {max} characters, e.g. BSJ-TLS-01; a product without one leaves it out",
        id: "tulis kode produk milik produsen dalam satu baris, paling panjang {max} karakter, misalnya BSJ-TLS-01; produk tanpa kode dikosongkan saja",
    }
    GTIN_NOT_DIGITS {
        en: "`{value}` is not a barcode number (GTIN): it may hold only digits",
        id: "`{value}` bukan nomor barcode (GTIN): isinya hanya boleh angka",
    }
    GTIN_LENGTH {
        en: "`{value}` has {digits} digits; a barcode number (GTIN) has 8, 12, 13 or 14",
        id: "`{value}` terdiri dari {digits} angka; nomor barcode (GTIN) terdiri dari 8, 12, 13 atau 14 angka",
    }
    GTIN_CHECK_DIGIT {
        en: "`{value}` is not a valid barcode number (GTIN): its last digit (the check digit) does not fit the others, so a digit is mistyped",
        id: "`{value}` bukan nomor barcode (GTIN) yang sah: angka terakhirnya (angka periksa) tidak cocok dengan angka lainnya, jadi ada angka yang salah ketik",
    }
    GTIN_HINT {
        en: "copy all the digits printed under the product's barcode, e.g. 8991234567891 (Indonesian barcodes start with 899); a product without a barcode leaves it out",
        id: "salin semua angka yang tercetak di bawah barcode produk, misalnya 8991234567891 (barcode Indonesia diawali 899); produk tanpa barcode dikosongkan saja",
    }

    // ------------------------------------------------------------ links in Markdown
    LINK_NOT_INTERNAL_FORM {
        en: "`{link}` is not a link etalase knows",
        id: "`{link}` bukan bentuk tautan yang dikenal etalase",
    }
    LINK_FORMS_HINT {
        en: "write `@/products/<slug>`, `@/producers/<slug>`, `@/categories/<slug>`, `@/tags/<tag>` or `@/<page>`, optionally followed by `#part`",
        id: "tulis `@/products/<slug>`, `@/producers/<slug>`, `@/categories/<slug>`, `@/tags/<label>` atau `@/<halaman>`, boleh diikuti `#bagian`",
    }
    LINK_LEADS_NOWHERE {
        en: "link `{link}` leads nowhere: there is no {kind} `{slug}`",
        id: "tautan `{link}` tidak menuju ke mana pun: {kind} `{slug}` tidak ada",
    }
    KIND_A_PRODUCT { en: "product", id: "produk" }
    KIND_A_PRODUCER { en: "producer", id: "produsen" }
    KIND_A_CATEGORY { en: "category", id: "kategori" }
    KIND_A_TAG { en: "tag", id: "label" }
    KIND_A_PAGE { en: "page", id: "halaman" }
    LINK_FROM_SERVER_ROOT {
        en: "link `{link}` starts at the web server's root, so it breaks when the site lives under a sub-path or is opened from the disk",
        id: "tautan `{link}` dimulai dari akar server web, sehingga rusak bila situs dipasang di sub-folder atau dibuka langsung dari disk",
    }
    LINK_USE_INTERNAL_HINT {
        en: "write `{suggestion}` instead: it leads to the page in the same language",
        id: "tulis `{suggestion}` sebagai gantinya: tautan itu menuju halaman dalam bahasa yang sama",
    }

    // ------------------------------------------------------------ what `check` adds
    PRODUCT_WITHOUT_PRICE {
        en: "has no price; its page says \"price on request\", and the shopping feeds (Google, Meta) and Google's product results leave it out: they list only products with a price",
        id: "belum memiliki harga; halamannya menampilkan \"Harga atas permintaan\", dan feed belanja (Google, Meta) serta hasil produk di Google tidak memuatnya: hanya produk berharga yang dapat dicantumkan",
    }
    PRODUCT_WITHOUT_PHOTO {
        en: "has no photo; its card, page and brochure show a placeholder, and the shopping feeds (Google, Meta) leave it out: they list only products with a photo",
        id: "belum memiliki foto; kartu, halaman, dan brosurnya menampilkan gambar pengganti, dan feed belanja (Google, Meta) tidak memuatnya: hanya produk berfoto yang dapat dicantumkan",
    }
    PHOTO_ADD_HINT {
        en: "put a photo in {dir}/ and list it under `photos:`, e.g. `- file: utama.jpg`",
        id: "taruh foto di {dir}/ lalu cantumkan di bawah `photos:`, misalnya `- file: utama.jpg`",
    }
    PRODUCT_WITHOUT_AVAILABILITY {
        en: "does not say whether it is in stock, made to order or sold out; its pages say nothing about it",
        id: "belum menyebutkan apakah stoknya siap, dibuat sesuai pesanan atau habis; halamannya tidak menyebut ketersediaan",
    }
    AVAILABILITY_ADD_HINT {
        en: "add `availability: { status: siap }`, or `{ status: pesan, lead_days: 21 }` for a product made to order, or `{ status: habis }`",
        id: "tambahkan `availability: { status: siap }`, atau `{ status: pesan, lead_days: 21 }` untuk produk yang dibuat sesuai pesanan, atau `{ status: habis }`",
    }
    PHOTO_TOO_SMALL_FOR_PRINT {
        en: "is {width}×{height} pixels, too small for print: the brochure needs at least {min} pixels on the long side",
        id: "berukuran {width}×{height} piksel, terlalu kecil untuk dicetak: brosur memerlukan minimal {min} piksel pada sisi terpanjang",
    }
    PHOTO_ORIGINAL_HINT {
        en: "use the original photo from the camera or phone; photos sent through WhatsApp have been made smaller",
        id: "pakai foto asli dari kamera atau ponsel; foto yang dikirim lewat WhatsApp sudah diperkecil",
    }

    // ------------------------------------------------------------ the summary table of `check`
    SUMMARY_TITLE { en: "warnings by kind ({count}):", id: "peringatan menurut jenisnya ({count}):" }
    SUMMARY_COUNT { en: "count", id: "jumlah" }
    SUMMARY_PROBLEM { en: "problem", id: "masalah" }
    SUMMARY_WHERE { en: "where", id: "di mana" }
    ROW_TRANSLATION { en: "translation missing", id: "terjemahan belum ada" }
    ROW_ALT { en: "photo without alt text", id: "foto tanpa teks alt" }
    ROW_TOO_SMALL { en: "photo too small for print", id: "foto terlalu kecil untuk cetak" }
    ROW_NO_PRICE { en: "product without a price", id: "produk tanpa harga" }
    ROW_NO_PHOTO { en: "product without a photo", id: "produk tanpa foto" }
    ROW_NO_AVAILABILITY { en: "product without availability", id: "produk tanpa ketersediaan" }
    ROW_ROOT_LINK { en: "link from the server root", id: "tautan dari akar server" }
    ROW_OTHER { en: "other", id: "lainnya" }

    // ------------------------------------------------------------ photos
    PHOTO_WITHOUT_ALT {
        en: "photo `{file}` has no description (alt text) in {lang}",
        id: "foto `{file}` belum memiliki keterangan (teks alt) dalam bahasa {lang}",
    }
    PHOTO_IN_TEXT_WITHOUT_ALT {
        en: "photo `{file}` has no description (alt text)",
        id: "foto `{file}` belum memiliki keterangan (teks alt)",
    }
    PHOTO_IN_TEXT_ALT_HINT {
        en: "write what the photo shows between the brackets: `![...]({file})`",
        id: "tulis isi foto di antara tanda kurung siku: `![...]({file})`",
    }
    PHOTO_ALT_HINT {
        en: "under `alt:`, add `{lang}: ...` saying what the photo shows, for people who cannot see it",
        id: "di bawah `alt:`, tambahkan `{lang}: ...` yang menjelaskan isi foto, untuk orang yang tidak dapat melihatnya",
    }
    IMAGE_NOT_VALID { en: "is not a valid {format} image", id: "bukan gambar {format} yang utuh" }
    IMAGE_NOT_VALID_HINT {
        en: "the file may be damaged or saved under the wrong extension; export it again",
        id: "file mungkin rusak atau disimpan dengan akhiran nama yang salah; ekspor ulang fotonya",
    }
    IMAGE_FILE_TOO_BIG {
        en: "is {size} MB; photo files may be at most {limit} MB",
        id: "berukuran {size} MB; file foto paling besar {limit} MB",
    }
    IMAGE_FILE_TOO_BIG_HINT {
        en: "export the photo again at a smaller size, or raise `limits.max_photo_file_mb` in catalogue.yaml",
        id: "ekspor ulang foto dengan ukuran lebih kecil, atau naikkan `limits.max_photo_file_mb` di catalogue.yaml",
    }
    TOO_MANY_PHOTOS {
        en: "lists {count} photos; a product may have at most {limit}",
        id: "mencantumkan {count} foto; satu produk paling banyak {limit} foto",
    }
    TOO_MANY_PHOTOS_HINT {
        en: "keep the best ones, or raise `limits.max_photos_per_product` in catalogue.yaml",
        id: "pilih foto yang terbaik, atau naikkan `limits.max_photos_per_product` di catalogue.yaml",
    }
    IMAGE_TYPE_UNSUPPORTED { en: "is not a supported image type", id: "bukan jenis gambar yang didukung" }
    IMAGE_TYPE_HINT {
        en: "use a JPEG (.jpg), PNG (.png), WebP (.webp) or GIF (.gif) file",
        id: "gunakan file JPEG (.jpg), PNG (.png), WebP (.webp) atau GIF (.gif)",
    }
    IMAGE_TOO_MANY_PIXELS {
        en: "is {width}×{height} pixels; photos may have at most {limit} megapixels",
        id: "berukuran {width}×{height} piksel; foto paling banyak {limit} megapiksel",
    }
    IMAGE_TOO_MANY_PIXELS_HINT {
        en: "resize the photo before adding it, or raise `limits.max_photo_megapixels` in catalogue.yaml",
        id: "perkecil foto sebelum ditambahkan, atau naikkan `limits.max_photo_megapixels` di catalogue.yaml",
    }
    IMAGE_NOT_DECODED { en: "could not be read: {detail}", id: "tidak dapat dibaca: {detail}" }
    IMAGE_NOT_RESIZED { en: "could not be resized: {detail}", id: "tidak dapat diubah ukurannya: {detail}" }
    IMAGE_NOT_CROPPED { en: "could not be cropped: {detail}", id: "tidak dapat dipotong: {detail}" }
    IMAGE_NOT_ENCODED { en: "could not be encoded: {detail}", id: "tidak dapat disimpan ulang: {detail}" }
    EXPORT_AGAIN_HINT { en: "export the photo again", id: "ekspor ulang fotonya" }
    EXPORT_AGAIN_JPEG_PNG_HINT {
        en: "export the photo again as JPEG or PNG",
        id: "ekspor ulang foto sebagai JPEG atau PNG",
    }

    // ------------------------------------------------------------ templates
    /// Tera's own description of a template problem (it exists in English only).
    TEMPLATE_ERROR { en: "{detail}", id: "template bermasalah: {detail}" }
    TEMPLATE_HINT {
        en: "fix the template, or delete it to use the default theme's version",
        id: "perbaiki template itu, atau hapus agar versi dari tema bawaan yang dipakai",
    }

    // ------------------------------------------------------------ using the command
    /// `--base-url` or `ETALASE_BASE_URL` is not a site address.
    BAD_BASE_URL_OPTION {
        en: "{source} cannot be used: {problem}; {hint}",
        id: "{source} tidak dapat dipakai: {problem}; {hint}",
    }
    ROOT_MISSING { en: "the catalogue folder {path} does not exist", id: "folder katalog {path} tidak ada" }
    NOT_A_CATALOGUE {
        en: "{path} has no {file}, so it is not a catalogue folder; run etalase in the catalogue folder or pass --root DIR",
        id: "{path} tidak memiliki {file}, jadi bukan folder katalog; jalankan etalase di folder katalog atau beri --root FOLDER",
    }
    OUTPUT_HOLDS_CATALOGUE {
        en: "the output folder {path} contains the catalogue itself; choose another --output",
        id: "folder hasil {path} berisi katalog itu sendiri; pilih --output yang lain",
    }
    OUTPUT_INSIDE_SOURCES {
        en: "the output folder {path} is inside the catalogue's {folder}/ folder; choose another --output",
        id: "folder hasil {path} ada di dalam folder {folder}/ milik katalog; pilih --output yang lain",
    }
    OUTPUT_NOT_A_SITE {
        en: "{path} exists and does not look like an etalase site (it has no sitemap.xml); refusing to replace it: remove it or choose another --output",
        id: "{path} sudah ada dan tidak tampak seperti situs etalase (tidak ada sitemap.xml); folder itu tidak akan ditimpa: hapus folder itu atau pilih --output yang lain",
    }
    CANNOT_MOVE_SITE {
        en: "cannot move the new site into {path}: {detail}",
        id: "situs baru tidak dapat dipindahkan ke {path}: {detail}",
    }
    NEW_NOT_EMPTY {
        en: "{path} already exists and is not empty; choose a new folder name",
        id: "{path} sudah ada dan tidak kosong; pilih nama folder yang baru",
    }
    NEW_NOT_A_FOLDER { en: "{path} is not a folder", id: "{path} bukan folder" }
    CANNOT_WRITE_PATH { en: "cannot write {path}: {reason}", id: "{path} tidak dapat ditulis: {reason}" }

    // ------------------------------------------------------------ summary lines
    BUILT {
        en: "built {pages} pages ({products} products, {producers} producers) and {images} photo files ({processed} photos processed, {cached} from the cache) into {output}",
        id: "selesai: {pages} halaman ({products} produk, {producers} produsen) dan {images} file foto ({processed} foto diolah, {cached} dari cache) ditulis ke {output}",
    }
    BUILD_FAILED {
        en: "the build failed; the previous output/ was left as it was",
        id: "situs gagal dibuat; output/ yang lama dibiarkan seperti semula",
    }
    ERROR_COUNT { en: "{count} error(s): {summary}", id: "{count} kesalahan: {summary}" }
    CHECK_FAILED { en: "check failed", id: "pemeriksaan gagal" }
    CHECK_FAILED_STRICT {
        en: "check failed (--strict treats warnings as errors)",
        id: "pemeriksaan gagal (--strict memperlakukan peringatan sebagai kesalahan)",
    }
    NO_ERRORS { en: "no errors found", id: "tidak ditemukan kesalahan" }
    NEW_CREATED {
        en: "created a new catalogue in {folder}\nnext: edit the files in {folder}/content, then run `etalase build --root {folder}` and open {folder}/output/index.html",
        id: "katalog baru dibuat di {folder}\nselanjutnya: ubah file di {folder}/content, lalu jalankan `etalase build --root {folder}` dan buka {folder}/output/index.html",
    }
    // ------------------------------------------------------------ etalase serve
    SERVE_SERVING {
        en: "serving {path} at {url}\nwatching for changes; press Ctrl+C to stop",
        id: "menyajikan {path} di {url}\nmemantau perubahan; tekan Ctrl+C untuk berhenti",
    }
    SERVE_PORT_TAKEN {
        en: "port {asked} is in use, so etalase took {port}",
        id: "port {asked} sedang dipakai, jadi etalase memakai {port}",
    }
    SERVE_NO_PORT {
        en: "cannot listen on {interface} at port {port} or the ones after it: {detail}; choose another --port, or an --interface address of this computer",
        id: "tidak dapat mendengarkan di {interface} pada port {port} atau sesudahnya: {detail}; pilih --port lain, atau alamat --interface milik komputer ini",
    }
    /// `serve --interface`: where a phone in the same network opens the preview.
    SERVE_NETWORK_URL {
        en: "on a phone in the same network, open {url} or scan this code:",
        id: "di ponsel dalam jaringan yang sama, buka {url} atau pindai kode ini:",
    }
    SERVE_NO_NETWORK_ADDRESS {
        en: "no network address of this computer was found; on the phone, open http://<this computer's address>:{port}/",
        id: "alamat jaringan komputer ini tidak ditemukan; di ponsel, buka http://<alamat komputer ini>:{port}/",
    }
    SERVE_VISIBLE_TO_NETWORK {
        en: "listening on {interface}: the preview is now visible to the devices in this computer's network, not only to this computer",
        id: "mendengarkan di {interface}: pratinjau kini terlihat oleh perangkat di jaringan komputer ini, tidak hanya oleh komputer ini sendiri",
    }
    SERVE_CANNOT_WATCH {
        en: "cannot watch the catalogue folder: {detail}",
        id: "folder katalog tidak dapat dipantau: {detail}",
    }
    SERVE_WATCHER_STOPPED {
        en: "the file watcher stopped; start etalase serve again",
        id: "pemantau file berhenti; jalankan etalase serve lagi",
    }
    SERVE_CHANGED { en: "changed: {paths}", id: "berubah: {paths}" }
    SERVE_AND_MORE { en: "and {count} more", id: "dan {count} lainnya" }
    SERVE_BUILT { en: "built {pages} pages in {ms} ms", id: "{pages} halaman dibuat dalam {ms} ms" }
    SERVE_REBUILT {
        en: "rebuilt {pages} pages for {products} changed product(s) in {ms} ms",
        id: "{pages} halaman dibuat ulang untuk {products} produk yang berubah dalam {ms} ms",
    }
    SERVE_NOTHING_CHANGED { en: "no page changed ({ms} ms)", id: "tidak ada halaman yang berubah ({ms} ms)" }
    SERVE_STILL_SERVING {
        en: "still serving the last good build; the browser shows the errors until the files are fixed",
        id: "situs terakhir yang berhasil tetap disajikan; peramban menampilkan kesalahannya sampai file diperbaiki",
    }
    SERVE_NO_BROWSER {
        en: "could not open a browser; open {url} yourself",
        id: "peramban tidak dapat dibuka; buka {url} sendiri",
    }
    OVERLAY_TITLE {
        en: "The site could not be rebuilt: {count} error(s)",
        id: "Situs tidak dapat dibuat ulang: {count} kesalahan",
    }
    OVERLAY_LINE { en: "line", id: "baris" }
    OVERLAY_FIELD { en: "field", id: "kolom" }
    OVERLAY_CLOSE { en: "close", id: "tutup" }
    OVERLAY_FOOTER {
        en: "Below is the last version of this page that built. Fix the file and save: this page reloads by itself.",
        id: "Di bawah ini versi terakhir halaman ini yang berhasil dibuat. Perbaiki file itu lalu simpan: halaman ini akan dimuat ulang sendiri.",
    }

    // ------------------------------------------------------------ etalase pdf
    PDF_PRINTING { en: "printing {count} brochure(s) with {browser}", id: "mencetak {count} brosur dengan {browser}" }
    PDF_PRINTED_ONE { en: "printed {what}", id: "tercetak: {what}" }
    PDF_PRINTED_ALL { en: "printed {count} brochure(s) in {seconds} s", id: "{count} brosur tercetak dalam {seconds} detik" }
    PDF_SOME_FAILED {
        en: "{failed} of {count} brochure(s) could not be printed ({seconds} s); their previous PDFs, if any, were left as they were",
        id: "{failed} dari {count} brosur tidak dapat dicetak ({seconds} detik); PDF lamanya, jika ada, dibiarkan seperti semula",
    }
    PDF_NO_SUCH_LANGUAGE {
        en: "--lang {lang}: this catalogue has no language `{lang}`; its languages are: {langs}",
        id: "--lang {lang}: katalog ini tidak memiliki bahasa `{lang}`; bahasanya: {langs}",
    }
    PDF_NO_SUCH_SELECTION {
        en: "--selection {slug}: this catalogue has no brochure selection `{slug}`; {valid}",
        id: "--selection {slug}: katalog ini tidak memiliki pilihan brosur `{slug}`; {valid}",
    }
    PDF_SELECTIONS_NONE {
        en: "it defines none (they are listed under `brochures:` in {file})",
        id: "katalog ini belum menetapkan satu pun (pilihan brosur dicantumkan di bawah `brochures:` di {file})",
    }
    PDF_SELECTIONS_ARE { en: "its selections are: {names}", id: "pilihannya: {names}" }
    PDF_NO_BROWSER {
        en: "no browser found to print the brochure with (looked for {names} on PATH, and where Chromium, Google Chrome and Microsoft Edge are usually installed)",
        id: "tidak ada peramban untuk mencetak brosur (dicari: {names} di PATH, dan di tempat Chromium, Google Chrome dan Microsoft Edge biasanya dipasang)",
    }
    PDF_BROWSER_MISSING {
        en: "the browser given by {source}, {path}, does not exist or is not a program",
        id: "peramban yang ditunjuk oleh {source}, {path}, tidak ada atau bukan program",
    }
    /// How to get a browser on Linux (and other systems without a list of their own).
    PDF_INSTALL_HINT {
        en: "install Chromium (Debian/Ubuntu: sudo apt install chromium), or pass --chrome PATH, or set ETALASE_CHROME=PATH",
        id: "pasang Chromium (Debian/Ubuntu: sudo apt install chromium), atau beri --chrome PATH, atau atur ETALASE_CHROME=PATH",
    }
    PDF_INSTALL_HINT_MACOS {
        en: "install Google Chrome, Microsoft Edge or Chromium into Applications, or pass --chrome PATH (such as \"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\"), or set ETALASE_CHROME=PATH",
        id: "pasang Google Chrome, Microsoft Edge atau Chromium ke folder Applications, atau beri --chrome PATH (misalnya \"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\"), atau atur ETALASE_CHROME=PATH",
    }
    PDF_INSTALL_HINT_WINDOWS {
        en: "install Google Chrome or Microsoft Edge, or pass --chrome PATH (such as \"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"), or set ETALASE_CHROME=PATH (in PowerShell: $env:ETALASE_CHROME = \"PATH\")",
        id: "pasang Google Chrome atau Microsoft Edge, atau beri --chrome PATH (misalnya \"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\"), atau atur ETALASE_CHROME=PATH (di PowerShell: $env:ETALASE_CHROME = \"PATH\")",
    }
    PDF_NONE_WRITTEN { en: "no PDF was written", id: "tidak ada PDF yang ditulis" }
    PDF_CONFIG_UNREADABLE { en: "{path} cannot be read", id: "{path} tidak dapat dibaca" }
    PDF_CANNOT_PRINT { en: "cannot print {path}: {reason}", id: "{path} tidak dapat dicetak: {reason}" }
    PDF_PAGE_UNREADABLE {
        en: "{path} cannot be read (does the theme have a brochure page?): {detail}",
        id: "{path} tidak dapat dibaca (apakah temanya memiliki halaman brosur?): {detail}",
    }
    PDF_NO_CURRENT_FOLDER {
        en: "cannot find the current folder: {detail}",
        id: "folder kerja saat ini tidak dapat ditemukan: {detail}",
    }
    PDF_NO_PROFILE {
        en: "cannot create a temporary browser profile: {detail}",
        id: "profil peramban sementara tidak dapat dibuat: {detail}",
    }
    PDF_CANNOT_WRITE_IN { en: "cannot write in {folder}: {detail}", id: "tidak dapat menulis di {folder}: {detail}" }
    PDF_CANNOT_START { en: "cannot start {browser}: {detail}", id: "{browser} tidak dapat dijalankan: {detail}" }
    PDF_CANNOT_WAIT {
        en: "cannot wait for the browser: {detail}",
        id: "peramban tidak dapat ditunggu sampai selesai: {detail}",
    }
    PDF_BROWSER_FAILED { en: "{browser} failed ({status}){said}", id: "{browser} gagal ({status}){said}" }
    PDF_BROWSER_STOPPED {
        en: "{browser} did not finish printing within {seconds} and was stopped{said}",
        id: "{browser} belum selesai mencetak dalam {seconds}, jadi dihentikan{said}",
    }
    /// The last lines the browser wrote on stderr, after what went wrong.
    PDF_BROWSER_SAID { en: "; it said:\n    {lines}", id: "; pesannya:\n    {lines}" }
    PDF_WROTE_NOTHING { en: "{browser} wrote no PDF{said}", id: "{browser} tidak menulis PDF apa pun{said}" }
    /// A problem of the printed file, followed by what the browser said.
    PDF_BROWSER_PROBLEM { en: "{problem}{said}", id: "{problem}{said}" }
    PDF_CANNOT_READ_PRINTED {
        en: "cannot read the printed PDF: {detail}",
        id: "PDF hasil cetak tidak dapat dibaca: {detail}",
    }
    PDF_CANNOT_WRITE { en: "cannot write the PDF: {detail}", id: "PDF tidak dapat ditulis: {detail}" }
    PDF_CANNOT_RENAME {
        en: "cannot rename the PDF to {path}: {detail}",
        id: "nama PDF tidak dapat diganti menjadi {path}: {detail}",
    }
    PDF_NOT_PRINTED { en: "the brochure was not printed", id: "brosur itu tidak dicetak" }
    PDF_ONE_PAGE { en: "{path}: {pages} page, {size}", id: "{path}: {pages} halaman, {size}" }
    PDF_PAGES { en: "{path}: {pages} pages, {size}", id: "{path}: {pages} halaman, {size}" }
    PDF_INCOMPLETE_NO_EOF {
        en: "the browser wrote an incomplete PDF (it does not end with %%EOF)",
        id: "peramban menulis PDF yang tidak utuh (tidak diakhiri %%EOF)",
    }
    PDF_INCOMPLETE {
        en: "the browser wrote an incomplete PDF: {detail}",
        id: "peramban menulis PDF yang tidak utuh: {detail}",
    }
    PDF_INCOMPLETE_XREF {
        en: "the browser wrote an incomplete PDF (its cross-reference table is damaged)",
        id: "peramban menulis PDF yang tidak utuh (tabel rujukan silangnya rusak)",
    }
    PDF_NO_PAGES { en: "the browser wrote a PDF without pages", id: "peramban menulis PDF tanpa halaman" }
    PDF_NO_CATALOG { en: "the PDF has no catalog: {detail}", id: "PDF itu tidak memiliki katalog dokumen: {detail}" }
    PDF_INFO_UNCHANGEABLE {
        en: "the PDF's Info dictionary cannot be changed",
        id: "kamus Info PDF itu tidak dapat diubah",
    }
    PDF_INFO_UNREADABLE {
        en: "the PDF's Info dictionary cannot be read: {detail}",
        id: "kamus Info PDF itu tidak dapat dibaca: {detail}",
    }
    PDF_CANNOT_SAVE {
        en: "cannot write the PDF's metadata: {detail}",
        id: "metadata PDF tidak dapat ditulis: {detail}",
    }
    // ------------------------------------------------------------ etalase import
    IMPORT_AT_SHEET { en: "sheet `{sheet}`", id: "lembar `{sheet}`" }
    IMPORT_AT_ROW { en: "row {row}", id: "baris {row}" }
    IMPORT_AT_COLUMN { en: "column {column} (`{header}`)", id: "kolom {column} (`{header}`)" }
    IMPORT_UNKNOWN_FORMAT {
        en: "{file} is not a spreadsheet etalase can read; use .xlsx, .ods or .csv",
        id: "{file} bukan lembar kerja yang bisa dibaca etalase; gunakan .xlsx, .ods atau .csv",
    }
    IMPORT_UNREADABLE {
        en: "{file} cannot be read as a spreadsheet: {detail}",
        id: "{file} tidak dapat dibaca sebagai lembar kerja: {detail}",
    }
    IMPORT_FILE_MISSING {
        en: "{file} does not exist",
        id: "{file} tidak ada",
    }
    IMPORT_SHEET_NOT_FOUND {
        en: "{file} has no sheet named `{sheet}`; its sheets: {names}",
        id: "{file} tidak punya lembar bernama `{sheet}`; lembar yang ada: {names}",
    }
    IMPORT_CSV_HAS_NO_SHEETS {
        en: "a csv file is one sheet; --sheet is for .xlsx and .ods files",
        id: "file csv hanya berisi satu lembar; --sheet hanya untuk file .xlsx dan .ods",
    }
    IMPORT_SHEET_SKIPPED {
        en: "not imported: neither a producers, a products nor a curation sheet",
        id: "tidak diimpor: bukan lembar usaha, produk, maupun kurasi",
    }
    IMPORT_SHEET_SKIPPED_HINT {
        en: "a producers sheet has a `nama_usaha` column, a products sheet `nama_id`, a curation sheet `produk` and `status`; or name the sheet Usaha, Produk or Kurasi",
        id: "lembar usaha punya kolom `nama_usaha`, lembar produk kolom `nama_id`, lembar kurasi kolom `produk` dan `status`; atau beri nama lembar Usaha, Produk atau Kurasi",
    }
    IMPORT_NOTHING_TO_IMPORT {
        en: "{file} has no producers, products or curation sheet",
        id: "{file} tidak berisi lembar usaha, produk, atau kurasi",
    }
    IMPORT_SHEET_LACKS_COLUMN {
        en: "this sheet has no `{column}` (`{english}`) column, so none of its rows can be imported",
        id: "lembar ini tidak punya kolom `{column}` (`{english}`), jadi tidak ada barisnya yang bisa diimpor",
    }
    IMPORT_UNKNOWN_COLUMN {
        en: "column not used by the import; its cells are ignored",
        id: "kolom ini tidak dipakai oleh impor; isinya diabaikan",
    }
    IMPORT_COLUMN_LIST_HINT {
        en: "the columns are listed in docs/import.md",
        id: "daftar kolom ada di docs/import.md",
    }
    IMPORT_REPEATED_COLUMN {
        en: "a second column for the same field; only the first is read",
        id: "kolom kedua untuk isian yang sama; hanya kolom pertama yang dibaca",
    }
    IMPORT_MISSING_CELL {
        en: "`{column}` (`{english}`) is empty; this row needs it",
        id: "`{column}` (`{english}`) kosong; baris ini memerlukannya",
    }
    IMPORT_BAD_SLUG {
        en: "`{value}` is not a slug",
        id: "`{value}` bukan slug",
    }
    IMPORT_BAD_EMAIL {
        en: "`{value}` is not an email address",
        id: "`{value}` bukan alamat email",
    }
    IMPORT_UNKNOWN_CATEGORY {
        en: "unknown category `{value}`",
        id: "kategori `{value}` tidak dikenal",
    }
    IMPORT_KNOWN_CATEGORIES {
        en: "the categories in catalogue.yaml: {names}",
        id: "kategori di catalogue.yaml: {names}",
    }
    IMPORT_BAD_PRICE {
        en: "`{value}` is not a price in rupiah",
        id: "`{value}` bukan harga dalam rupiah",
    }
    IMPORT_PRICE_AMBIGUOUS {
        en: "`{value}`: cannot tell thousands from decimals",
        id: "`{value}`: tidak jelas mana pemisah ribuan dan mana desimal",
    }
    IMPORT_PRICE_FRACTION {
        en: "`{value}` is not a whole number of rupiah",
        id: "`{value}` bukan bilangan rupiah yang bulat",
    }
    IMPORT_PRICE_HINT {
        en: "write whole rupiah such as 50000, 50.000 or Rp 50.000,-; a range as 50.000 - 75.000",
        id: "tulis rupiah bulat seperti 50000, 50.000 atau Rp 50.000,-; rentang harga seperti 50.000 - 75.000",
    }
    IMPORT_PRICE_SHORTHAND {
        en: "`{value}` was read as {read} rupiah; write the number in full to be sure",
        id: "`{value}` dibaca sebagai {read} rupiah; tulis angkanya lengkap agar pasti",
    }
    IMPORT_MAX_WITHOUT_MIN {
        en: "a highest price without a lowest one; fill in `harga_min` too, or only `harga_min`",
        id: "ada harga tertinggi tanpa harga terendah; isi juga `harga_min`, atau isi `harga_min` saja",
    }
    IMPORT_PRICE_TWICE {
        en: "both `harga` and `harga_min`/`harga_maks` are filled in; keep one",
        id: "`harga` dan `harga_min`/`harga_maks` sama-sama diisi; pakai salah satu saja",
    }
    IMPORT_RANGE_IN_MIN_MAX {
        en: "`harga_min` and `harga_maks` take one price each, not a range",
        id: "`harga_min` dan `harga_maks` masing-masing berisi satu harga, bukan rentang",
    }
    IMPORT_NOT_WHOLE {
        en: "`{value}` is not a whole number",
        id: "`{value}` bukan bilangan bulat",
    }
    IMPORT_BAD_PHONE {
        en: "`{value}` is not a phone number",
        id: "`{value}` bukan nomor telepon",
    }
    IMPORT_PHONE_LENGTH {
        en: "`{value}` has {digits} digits, too few or too many for a phone number",
        id: "`{value}` berisi {digits} angka, terlalu sedikit atau terlalu banyak untuk nomor telepon",
    }
    IMPORT_PHONE_HINT {
        en: "write the WhatsApp number as 0812-3456-7890 or +62 812-3456-7890",
        id: "tulis nomor WhatsApp seperti 0812-3456-7890 atau +62 812-3456-7890",
    }
    IMPORT_BAD_DATE {
        en: "`{value}` is not a date",
        id: "`{value}` bukan tanggal",
    }
    IMPORT_DATE_HINT {
        en: "write the date as 28/04/2025, 28 April 2025 or 2025-04-28",
        id: "tulis tanggal seperti 28/04/2025, 28 April 2025 atau 2025-04-28",
    }
    IMPORT_BAD_STATUS {
        en: "`{value}` is not a curation status",
        id: "`{value}` bukan status kurasi",
    }
    IMPORT_BAD_AVAILABILITY {
        en: "`{value}` is not an availability status",
        id: "`{value}` bukan status ketersediaan",
    }
    IMPORT_LEAD_DAYS_HINT {
        en: "write the days making the product takes after the order, e.g. 21",
        id: "tulis berapa hari produk dibuat setelah dipesan, misalnya 21",
    }
    IMPORT_LEAD_DAYS_NOT_MADE_TO_ORDER {
        en: "a lead time is only for products made to order; `ketersediaan` should say so",
        id: "lama pembuatan hanya untuk produk yang dibuat sesuai pesanan; kolom `ketersediaan` harus menyebutkannya",
    }
    IMPORT_MADE_TO_ORDER_HINT {
        en: "write `pesan` (or Pre Order) in the `ketersediaan` column, or leave `lama_pesan_hari` empty",
        id: "tulis `pesan` (atau Pre Order) di kolom `ketersediaan`, atau kosongkan `lama_pesan_hari`",
    }
    IMPORT_BAD_KIND {
        en: "`{value}` is not a kind of business",
        id: "`{value}` bukan jenis usaha",
    }
    IMPORT_BAD_CERTIFICATION {
        en: "unknown certification `{value}`",
        id: "sertifikasi `{value}` tidak dikenal",
    }
    IMPORT_BAD_YES_NO {
        en: "`{value}` is neither yes nor no",
        id: "`{value}` bukan ya atau tidak",
    }
    IMPORT_YES_NO_HINT {
        en: "write ya or tidak (yes or no)",
        id: "tulis ya atau tidak",
    }
    IMPORT_BAD_INSTAGRAM {
        en: "`{value}` is not an Instagram account",
        id: "`{value}` bukan akun Instagram",
    }
    IMPORT_SHOP_HTTPS_ADDED {
        en: "`{value}` has no https://; read as {url}",
        id: "`{value}` tanpa https://; dibaca sebagai {url}",
    }
    IMPORT_BAD_TAG {
        en: "the tag `{value}` has no letters or digits",
        id: "label `{value}` tidak berisi huruf atau angka",
    }
    IMPORT_TOO_MANY_PHOTOS {
        en: "{count} photos; a product may have at most {limit}",
        id: "{count} foto; satu produk paling banyak {limit} foto",
    }
    IMPORT_PHOTO_OUTSIDE {
        en: "`{value}` is not inside the spreadsheet's folder",
        id: "`{value}` tidak berada di dalam folder lembar kerja",
    }
    IMPORT_PHOTO_KIND {
        en: "`{value}` is not a photo etalase can use ({kinds})",
        id: "`{value}` bukan foto yang bisa dipakai etalase ({kinds})",
    }
    IMPORT_PHOTO_MISSING {
        en: "photo `{value}` was not found",
        id: "foto `{value}` tidak ditemukan",
    }
    IMPORT_PHOTO_HINT {
        en: "put the photos in the spreadsheet's folder or in a `foto` folder beside it, and write their file names separated by commas",
        id: "taruh foto di folder lembar kerja atau di folder `foto` di sampingnya, lalu tulis nama filenya dipisah koma",
    }
    IMPORT_NAME_WITHOUT_SLUG {
        en: "the name `{value}` has no letters or digits to make a folder name from",
        id: "nama `{value}` tidak berisi huruf atau angka untuk dijadikan nama folder",
    }
    IMPORT_DUPLICATE_ROW {
        en: "row {row} already describes this entry (`{slug}`); this row is not imported",
        id: "baris {row} sudah berisi entri ini (`{slug}`); baris ini tidak diimpor",
    }
    IMPORT_AMBIGUOUS_NAME {
        en: "`{value}` names several entries: {slugs}",
        id: "`{value}` cocok dengan beberapa entri: {slugs}",
    }
    IMPORT_USE_SLUG_HINT {
        en: "write the entry's slug (its folder name under content/) instead",
        id: "tulis slug entri itu (nama foldernya di content/)",
    }
    IMPORT_UNKNOWN_PRODUCER {
        en: "no business `{value}` in the producers sheet or in content/producers/",
        id: "tidak ada usaha `{value}` di lembar usaha maupun di content/producers/",
    }
    IMPORT_UNKNOWN_PRODUCT {
        en: "no product `{value}` in the products sheet or in content/products/",
        id: "tidak ada produk `{value}` di lembar produk maupun di content/products/",
    }
    IMPORT_NEW_ENTRY_INCOMPLETE {
        en: "a new entry ({folder}) needs {fields}; this row is not imported",
        id: "entri baru ({folder}) memerlukan {fields}; baris ini tidak diimpor",
    }
    IMPORT_NEW_ENTRY_HINT {
        en: "fill in those columns (the list is in docs/import.md)",
        id: "isi kolom-kolom itu (daftarnya ada di docs/import.md)",
    }
    IMPORT_YAML_UNREADABLE {
        en: "cannot be read as YAML, so the import left this entry alone",
        id: "tidak dapat dibaca sebagai YAML, jadi impor tidak mengubah entri ini",
    }
    IMPORT_YAML_UNREADABLE_HINT {
        en: "`etalase check` says what is wrong with it; fix it and import again",
        id: "`etalase check` menunjukkan kesalahannya; perbaiki lalu impor lagi",
    }
    IMPORT_CANNOT_EDIT {
        en: "cannot be updated line by line ({why}), so the import left this entry alone",
        id: "tidak dapat diperbarui baris demi baris ({why}), jadi impor tidak mengubah entri ini",
    }
    IMPORT_CANNOT_EDIT_HINT {
        en: "write the file as one `field: value` per line, as CONTRACT.md shows",
        id: "tulis file itu dengan satu `kolom: nilai` per baris, seperti contoh di CONTRACT.md",
    }
    IMPORT_FOLDER_LEAVES {
        en: "{folder} is a link to a folder outside the catalogue; nothing was imported",
        id: "{folder} adalah tautan ke folder di luar katalog; tidak ada yang diimpor",
    }
    IMPORT_NOT_IN_SPREADSHEET {
        en: "was imported from {file} before but no row names it now; left as it is",
        id: "pernah diimpor dari {file} tetapi kini tidak ada barisnya; dibiarkan apa adanya",
    }
    IMPORT_NOT_IN_SPREADSHEET_HINT {
        en: "if the row was renamed, add a `slug` column holding this folder's name; if it was removed, delete the folder",
        id: "jika nama di baris itu diganti, tambahkan kolom `slug` berisi nama folder ini; jika barisnya dihapus, hapus foldernya",
    }
    IMPORT_CONFLICT_FIELD {
        en: "{file}: field `{field}` was changed by hand since the last import (now {current}); the spreadsheet says {incoming}",
        id: "{file}: kolom `{field}` diubah tangan sejak impor terakhir (kini {current}); lembar kerja berisi {incoming}",
    }
    IMPORT_CONFLICT_TEXT {
        en: "{file} was changed by hand since the last import (now {current}); the spreadsheet says {incoming}",
        id: "{file} diubah tangan sejak impor terakhir (kini {current}); lembar kerja berisi {incoming}",
    }
    IMPORT_CONFLICT_PHOTO {
        en: "{file} was replaced by hand since the last import; the spreadsheet names {incoming}",
        id: "{file} diganti tangan sejak impor terakhir; lembar kerja menyebut {incoming}",
    }
    IMPORT_DIFFERS_FIELD {
        en: "{file}: field `{field}` is {current} here but {incoming} in the spreadsheet, and no import wrote it before, so it counts as a hand edit",
        id: "{file}: kolom `{field}` berisi {current} di sini tetapi {incoming} di lembar kerja, dan belum pernah ditulis oleh impor, jadi dianggap perubahan tangan",
    }
    IMPORT_DIFFERS_TEXT {
        en: "{file} says {current} but the spreadsheet says {incoming}, and no import wrote it before, so it counts as a hand edit",
        id: "{file} berisi {current} tetapi lembar kerja berisi {incoming}, dan belum pernah ditulis oleh impor, jadi dianggap perubahan tangan",
    }
    IMPORT_DIFFERS_PHOTO {
        en: "{file} differs from {incoming} named in the spreadsheet, and no import copied it before, so it counts as a hand edit",
        id: "{file} berbeda dengan {incoming} yang disebut lembar kerja, dan belum pernah disalin oleh impor, jadi dianggap perubahan tangan",
    }
    IMPORT_CONFLICT { en: "{what} ({at}). {outcome}", id: "{what} ({at}). {outcome}" }
    IMPORT_CONFLICT_KEPT {
        en: "Kept the hand edit; `--overwrite` takes the spreadsheet's instead.",
        id: "Perubahan tangan dipertahankan; `--overwrite` memakai isi lembar kerja.",
    }
    IMPORT_CONFLICT_OVERWRITTEN {
        en: "Overwritten with the spreadsheet's (--overwrite).",
        id: "Ditimpa dengan isi lembar kerja (--overwrite).",
    }
    IMPORT_CREATED { en: "created {folder} ({what})", id: "dibuat {folder} ({what})" }
    IMPORT_WOULD_CREATE { en: "would create {folder} ({what})", id: "akan dibuat {folder} ({what})" }
    IMPORT_UPDATED { en: "updated {folder}: {what}", id: "diperbarui {folder}: {what}" }
    IMPORT_WOULD_UPDATE { en: "would update {folder}: {what}", id: "akan diperbarui {folder}: {what}" }
    EXPORT_SUMMARY {
        en: "exported {producers} producers and {products} products to {file}, {photos} photos to foto/ beside it",
        id: "diekspor: {producers} usaha dan {products} produk ke {file}, {photos} foto ke foto/ di sampingnya",
    }
    IMPORT_SUMMARY {
        en: "imported: {created} created, {updated} updated, {unchanged} unchanged, {conflicts} hand edits kept or overwritten, {errors} errors, rows not imported: {skipped}",
        id: "impor selesai: {created} dibuat, {updated} diperbarui, {unchanged} tetap, {conflicts} perubahan tangan dipertahankan atau ditimpa, {errors} kesalahan, baris yang tidak diimpor: {skipped}",
    }
    IMPORT_SUMMARY_DRY_RUN {
        en: "dry run, nothing written: {created} would be created, {updated} updated, {unchanged} unchanged, {conflicts} hand edits to keep or overwrite, {errors} errors, rows that would not be imported: {skipped}",
        id: "uji coba, tidak ada yang ditulis: {created} akan dibuat, {updated} diperbarui, {unchanged} tetap, {conflicts} perubahan tangan dipertahankan atau ditimpa, {errors} kesalahan, baris yang tidak akan diimpor: {skipped}",
    }

    // ------------------------------------------------------------ spreadsheet limits (import)
    IMPORT_TOO_MANY_PARTS {
        en: "the file holds {count} parts; a spreadsheet may hold at most {limit}",
        id: "file ini berisi {count} bagian; lembar kerja paling banyak berisi {limit} bagian",
    }
    IMPORT_UNPACKS_TOO_BIG {
        en: "the file would unpack to more than {limit} MB; spreadsheets may be at most {limit} MB unpacked",
        id: "file ini akan membesar menjadi lebih dari {limit} MB saat dibuka; lembar kerja paling besar {limit} MB setelah dibuka",
    }
    IMPORT_FILE_TOO_BIG {
        en: "the file is more than {limit} MB; spreadsheets may be at most {limit} MB",
        id: "file ini lebih dari {limit} MB; lembar kerja paling besar {limit} MB",
    }
    IMPORT_SPREADSHEET_MB_HINT {
        en: "remove what the catalogue does not need (embedded pictures, unused sheets), or raise `limits.max_spreadsheet_mb` in catalogue.yaml",
        id: "hapus yang tidak diperlukan katalog (gambar yang ditempel, lembar yang tidak dipakai), atau naikkan `limits.max_spreadsheet_mb` di catalogue.yaml",
    }
    IMPORT_PACKED_TOO_TIGHT {
        en: "its part `{part}` unpacks to over {ratio} times its packed size, which no real spreadsheet does; the file was not read",
        id: "bagiannya `{part}` membesar lebih dari {ratio} kali ukurannya saat dibuka, hal yang tidak terjadi pada lembar kerja sungguhan; file tidak dibaca",
    }
    IMPORT_PACKED_TOO_TIGHT_HINT {
        en: "open the file in a spreadsheet program and save it again, or use the template docs/import-template.xlsx",
        id: "buka file di program lembar kerja lalu simpan ulang, atau gunakan templat docs/import-template.xlsx",
    }
    IMPORT_CELL_TOO_LONG {
        en: "the cell holds {chars} characters; a cell may hold at most {limit}",
        id: "sel ini berisi {chars} karakter; satu sel paling banyak {limit} karakter",
    }
    IMPORT_CELL_TOO_LONG_HINT {
        en: "long descriptions belong in the entry's id.md and en.md; or raise `limits.max_cell_chars` in catalogue.yaml",
        id: "deskripsi panjang ditulis di id.md dan en.md entri; atau naikkan `limits.max_cell_chars` di catalogue.yaml",
    }
    IMPORT_TOO_MANY_ROWS {
        en: "the sheet goes on past row {limit}; a sheet may have at most {limit} rows",
        id: "lembar ini berlanjut melewati baris {limit}; satu lembar paling banyak {limit} baris",
    }
    IMPORT_TOO_MANY_ROWS_HINT {
        en: "delete the empty or unused rows at the bottom, split the sheet into several files, or raise `limits.max_sheet_rows` in catalogue.yaml",
        id: "hapus baris kosong atau tak terpakai di bagian bawah, bagi lembar ke beberapa file, atau naikkan `limits.max_sheet_rows` di catalogue.yaml",
    }
    IMPORT_TOO_MANY_COLUMNS {
        en: "the sheet has values past column {column}; etalase reads at most {limit} columns",
        id: "lembar ini berisi nilai melewati kolom {column}; etalase membaca paling banyak {limit} kolom",
    }
    IMPORT_TOO_MANY_COLUMNS_HINT {
        en: "the import's columns are listed in docs/import.md; delete the columns far to the right",
        id: "kolom yang dibaca impor tercantum di docs/import.md; hapus kolom yang jauh di sebelah kanan",
    }
    // ------------------------------------------------------------ title rows above the headers (import)
    IMPORT_HEADER_ROW_FOUND {
        en: "the column names were found in row {row}; the title above them (from row {title}) was not read",
        id: "nama kolom ditemukan di baris {row}; judul di atasnya (mulai baris {title}) tidak dibaca",
    }

    IMPORT_XLS_NOT_READ {
        en: "{file} is an old Excel 97-2003 workbook (.xls), which etalase cannot read safely; save it as .xlsx (Excel: File > Save As > Excel Workbook) and import that file",
        id: "{file} adalah buku kerja Excel 97-2003 lama (.xls) yang tidak dapat dibaca etalase dengan aman; simpan sebagai .xlsx (Excel: File > Simpan Sebagai > Buku Kerja Excel) lalu impor file itu",
    }

    /// A cell pointed at before its column's header is known.
    IMPORT_AT_COLUMN_LETTER { en: "column {column}", id: "kolom {column}" }

    // ------------------------------------------------------------ why the import cannot edit a YAML file
    YAML_EDIT_AT_LINE { en: "line {line}: {why}", id: "baris {line}: {why}" }
    YAML_EDIT_A_LIST {
        en: "the file is a list, not a mapping of fields",
        id: "file ini berupa daftar, bukan kumpulan `kolom: nilai`",
    }
    YAML_EDIT_A_SINGLE_VALUE {
        en: "the file is a single value, not a mapping of fields",
        id: "file ini hanya berisi satu nilai, bukan kumpulan `kolom: nilai`",
    }
    YAML_EDIT_WOULD_NOT_PARSE {
        en: "the edited file would not parse ({error}); left unchanged",
        id: "file yang diubah tidak akan terbaca ({error}); file dibiarkan apa adanya",
    }
    YAML_EDIT_WOULD_NOT_READ_BACK {
        en: "the edited file would not read back field `{key}` as intended; left unchanged",
        id: "file yang diubah tidak akan terbaca dengan kolom `{key}` seperti yang dimaksud; file dibiarkan apa adanya",
    }
    YAML_EDIT_KEYS_MISMATCH {
        en: "the file's top-level lines do not match its fields as YAML reads them (merge keys, anchors or a value at column 0?); edit it by hand",
        id: "baris-baris teratas file tidak cocok dengan kolom yang dibaca YAML (merge key, anchor, atau nilai di awal baris?); ubah file dengan tangan",
    }
    YAML_EDIT_VALUE_AFTER_MARKER {
        en: "`---` followed by a value: not a mapping written line by line",
        id: "`---` diikuti sebuah nilai: bukan kumpulan kolom yang ditulis baris demi baris",
    }
    YAML_EDIT_FLOW_STYLE {
        en: "the fields are written in flow style (`{ … }`); edit it by hand",
        id: "kolom-kolomnya ditulis dalam gaya flow (`{ … }`); ubah file dengan tangan",
    }
    YAML_EDIT_NOT_A_KEY_LINE {
        en: "`{text}` is not a `field: value` line",
        id: "`{text}` bukan baris `kolom: nilai`",
    }
    YAML_EDIT_SEVERAL_DOCUMENTS {
        en: "the file holds several YAML documents (`---`/`...`); edit it by hand",
        id: "file ini berisi beberapa dokumen YAML (`---`/`...`); ubah file dengan tangan",
    }
    YAML_EDIT_INDENTED_FIRST {
        en: "indented text before any field",
        id: "teks menjorok sebelum kolom pertama",
    }
    YAML_EDIT_FIELD_TWICE {
        en: "field `{key}` appears twice; which one to change is unclear",
        id: "kolom `{key}` muncul dua kali; tidak jelas mana yang harus diubah",
    }

    // ------------------------------------------------------------ the command line (cli.rs)
    CLI_UNKNOWN_COMMAND {
        en: "`{name}` is not an etalase command; the commands are: {commands}",
        id: "`{name}` bukan perintah etalase; perintah yang ada: {commands}",
    }
    CLI_UNKNOWN_OPTION {
        en: "unknown option `{arg}`; {hint}",
        id: "pilihan `{arg}` tidak dikenal; {hint}",
    }
    CLI_INVALID_VALUE {
        en: "`{value}` is not a valid value for {arg}; {hint}",
        id: "`{value}` bukan nilai yang sah untuk {arg}; {hint}",
    }
    CLI_MISSING_ARGUMENT {
        en: "this command needs {arg}; {hint}",
        id: "perintah ini memerlukan {arg}; {hint}",
    }
    CLI_SEE_HELP {
        en: "`{command}` shows what it takes",
        id: "`{command}` menampilkan apa saja yang bisa diberikan",
    }

    // ------------------------------------------------------------ writing the site (output.rs)
    CANNOT_CREATE_FOLDER {
        en: "cannot create the folder {path}: {reason}",
        id: "folder {path} tidak dapat dibuat: {reason}",
    }
    OUTPUT_IS_NOT_A_FOLDER {
        en: "{path} cannot hold the site: give a folder to write it into, such as `output`",
        id: "{path} tidak dapat menampung situs: sebutkan folder untuk menulisnya, misalnya `output`",
    }
    /// The label of the progress bar while photos are processed.
    PROGRESS_PHOTOS { en: "photos", id: "foto" }

    // ------------------------------------------------------------ the catalogue's lock (lock.rs)
    CANNOT_LOCK_CATALOGUE {
        en: "cannot lock the catalogue for this command ({path}): {detail}",
        id: "katalog tidak dapat dikunci untuk perintah ini ({path}): {detail}",
    }
    WAITING_FOR_COMMAND {
        en: "waiting for `{command}` (process {process}, working on this catalogue for {seconds} s) to finish; two commands writing at once would mix their files (Ctrl+C stops waiting)",
        id: "menunggu `{command}` (proses {process}, sudah {seconds} detik mengerjakan katalog ini) selesai; dua perintah yang menulis bersamaan akan mencampur file (Ctrl+C untuk berhenti menunggu)",
    }
    WAITING_FOR_OTHER_COMMAND {
        en: "waiting for another etalase command working on this catalogue to finish; two commands writing at once would mix their files (Ctrl+C stops waiting)",
        id: "menunggu perintah etalase lain yang sedang mengerjakan katalog ini selesai; dua perintah yang menulis bersamaan akan mencampur file (Ctrl+C untuk berhenti menunggu)",
    }

    // ------------------------------------------------------------ every wrong value of a YAML file at once (issue 20)
    MORE_PROBLEMS_IN_FILE {
        en: "and {count} more problems in this file, not shown",
        id: "dan {count} masalah lain di file ini, tidak ditampilkan",
    }
    MORE_PROBLEMS_IN_FILE_HINT {
        en: "fix the ones shown above, then run `etalase check` again to see the rest",
        id: "perbaiki yang ditampilkan di atas, lalu jalankan `etalase check` lagi untuk melihat sisanya",
    }

    /// Text that exists in one language only: an error worded by the system or a library.
    /// Never for etalase's own sentences, which belong in this table.
    VERBATIM { en: "{detail}", id: "{detail}" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_texts_with_the_same_placeholders() {
        for entry in ALL {
            for lang in [Lang::En, Lang::Id] {
                assert!(
                    !entry.text(lang).trim().is_empty(),
                    "{} has no {lang:?} text",
                    entry.key
                );
            }
            let mut en = entry.placeholders(Lang::En);
            let mut id = entry.placeholders(Lang::Id);
            en.sort_unstable();
            id.sort_unstable();
            en.dedup();
            id.dedup();
            assert_eq!(en, id, "{}: the placeholders differ", entry.key);
        }
    }

    #[test]
    fn indonesian_is_not_a_copy_of_english() {
        // Entries that only carry text worded elsewhere (or only arrange other entries) are
        // the same in both languages.
        let same_by_design = [
            "NAMES",
            "VERBATIM",
            "IMPORT_CONFLICT",
            "PDF_BROWSER_PROBLEM",
        ];
        for entry in ALL {
            if !same_by_design.contains(&entry.key) {
                assert_ne!(entry.en, entry.id, "{} is not translated", entry.key);
            }
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = ALL.iter().map(|t| t.key()).collect();
        keys.sort_unstable();
        let count = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), count);
    }

    #[test]
    fn fills_placeholders_and_nested_messages_in_one_language() {
        let message = UNKNOWN_FIELD.arg("field", "catgory");
        assert_eq!(message.render(Lang::En), "unknown field `catgory`");
        assert_eq!(message.render(Lang::Id), "kolom `catgory` tidak dikenal");
        let nested = CANNOT_BE_READ.nested("reason", &REASON_NOT_FOUND);
        assert_eq!(
            nested.render(Lang::Id),
            "tidak dapat dibaca: file atau folder itu tidak ada"
        );
        // A brace that does not open a placeholder is plain text.
        assert!(PRICE_HINT.placeholders(Lang::En).is_empty());
        assert!(Message::from(&PRICE_HINT)
            .render(Lang::En)
            .contains("{ min: 350000, max: 750000 }"));
    }

    #[test]
    fn the_locale_chooses_indonesian_only_when_it_says_id() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        let messages_first = env(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "id_ID.UTF-8")]);
        assert_eq!(Lang::from_locale(messages_first), Lang::En);
        let all_wins = env(&[("LC_ALL", "id_ID"), ("LC_MESSAGES", "en_US.UTF-8")]);
        assert_eq!(Lang::from_locale(all_wins), Lang::Id);
        let empty_skipped = env(&[("LC_ALL", ""), ("LANG", "id_ID.UTF-8")]);
        assert_eq!(Lang::from_locale(empty_skipped), Lang::Id);
        assert_eq!(Lang::choose(Some(Lang::En)), Lang::En);
    }
}
