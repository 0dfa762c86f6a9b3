//! The closed lists of the contract: business kinds, certification kinds and curation statuses.
//! Each has its YAML spelling (`as_str`, also the key pages and the search index use), its
//! labels in both languages, `ALL` in the contract's order, and the other words offices type
//! for it in spreadsheets (`spellings`, lowercase, accents and punctuation folded by the caller).

use serde::Deserialize;

use super::Bilingual;

/// Small and medium enterprises (UKM, also called UMKM) or small and medium industries (IKM).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BusinessKind {
    Ukm,
    Ikm,
}

impl BusinessKind {
    pub const ALL: [BusinessKind; 2] = [BusinessKind::Ukm, BusinessKind::Ikm];

    /// The contract's spelling: `ukm`, `ikm`.
    pub fn as_str(self) -> &'static str {
        match self {
            BusinessKind::Ukm => "ukm",
            BusinessKind::Ikm => "ikm",
        }
    }

    /// The kind of a contract spelling.
    pub fn parse(text: &str) -> Option<BusinessKind> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The short label on producer cards: "UKM" / "UKM (small business)".
    pub fn short_label(self) -> Bilingual {
        match self {
            BusinessKind::Ukm => Bilingual {
                id: "UKM",
                en: "UKM (small business)",
            },
            BusinessKind::Ikm => Bilingual {
                id: "IKM",
                en: "IKM (small industry)",
            },
        }
    }

    /// The full name on a producer's page.
    pub const fn label(self) -> Bilingual {
        match self {
            BusinessKind::Ukm => Bilingual {
                id: "Usaha Kecil dan Menengah (UKM)",
                en: "Small and medium enterprise (UKM)",
            },
            BusinessKind::Ikm => Bilingual {
                id: "Industri Kecil dan Menengah (IKM)",
                en: "Small and medium industry (IKM)",
            },
        }
    }

    /// What offices type for this kind, the contract's spelling first.
    pub fn spellings(self) -> &'static [&'static str] {
        match self {
            BusinessKind::Ukm => &[
                "ukm",
                "umkm",
                "usaha kecil menengah",
                "usaha kecil dan menengah",
                "usaha mikro kecil menengah",
                "usaha mikro kecil dan menengah",
            ],
            BusinessKind::Ikm => &[
                "ikm",
                "industri kecil menengah",
                "industri kecil dan menengah",
            ],
        }
    }
}

/// The certifications a product may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CertificationKind {
    Halal,
    Sni,
    Hki,
    Merek,
    Pirt,
    Bpom,
}

impl CertificationKind {
    pub const ALL: [CertificationKind; 6] = [
        CertificationKind::Halal,
        CertificationKind::Sni,
        CertificationKind::Hki,
        CertificationKind::Merek,
        CertificationKind::Pirt,
        CertificationKind::Bpom,
    ];

    /// The contract's spelling (`type:` in product.yaml), also the badge's and the filter's key.
    pub fn as_str(self) -> &'static str {
        match self {
            CertificationKind::Halal => "halal",
            CertificationKind::Sni => "sni",
            CertificationKind::Hki => "hki",
            CertificationKind::Merek => "merek",
            CertificationKind::Pirt => "pirt",
            CertificationKind::Bpom => "bpom",
        }
    }

    /// The kind of a contract spelling.
    pub fn parse(text: &str) -> Option<CertificationKind> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The badge's label.
    pub fn label(self) -> Bilingual {
        let (id, en) = match self {
            CertificationKind::Halal => ("Halal", "Halal"),
            CertificationKind::Sni => ("SNI", "SNI (Indonesian National Standard)"),
            CertificationKind::Hki => ("HKI terdaftar", "Registered intellectual property (HKI)"),
            CertificationKind::Merek => ("Merek terdaftar", "Registered trademark"),
            CertificationKind::Pirt => ("Izin PIRT", "Home-industry food permit (PIRT)"),
            CertificationKind::Bpom => ("Terdaftar BPOM", "BPOM registered"),
        };
        Bilingual { id, en }
    }

    /// The names offices write, lowercase with `-` and spaces removed, the contract's first.
    pub fn spellings(self) -> &'static [&'static str] {
        match self {
            CertificationKind::Halal => &["halal"],
            CertificationKind::Sni => &["sni"],
            CertificationKind::Hki => &["hki"],
            // "merk" is the spelling most people use, though the law says "merek".
            CertificationKind::Merek => &["merek", "merk"],
            CertificationKind::Pirt => &["pirt", "sppirt"],
            // Labels print "BPOM RI MD 123456789012"; the number is "MD 123456789012".
            CertificationKind::Bpom => &["bpom", "bpomri"],
        }
    }
}

/// Where a product stands in the curation for the retail partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CurationStatus {
    Lolos,
    Proses,
    Belum,
}

impl CurationStatus {
    pub const ALL: [CurationStatus; 3] = [
        CurationStatus::Lolos,
        CurationStatus::Proses,
        CurationStatus::Belum,
    ];

    /// The contract's spelling, also the badge's and the filter's key.
    pub fn as_str(self) -> &'static str {
        match self {
            CurationStatus::Lolos => "lolos",
            CurationStatus::Proses => "proses",
            CurationStatus::Belum => "belum",
        }
    }

    /// The status of a contract spelling.
    pub fn parse(text: &str) -> Option<CurationStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// The status on its own: badges without a curator, and the search filter's options.
    pub const fn label(self) -> Bilingual {
        let (id, en) = match self {
            CurationStatus::Lolos => ("Lolos kurasi", "Passed curation"),
            CurationStatus::Proses => ("Dalam proses kurasi", "In curation"),
            CurationStatus::Belum => ("Belum dikurasi", "Not yet curated"),
        };
        Bilingual { id, en }
    }

    /// The badge's label, naming the curator when one is given.
    pub fn label_by(self, curator: Option<&str>, lang: &str) -> String {
        let Some(curator) = curator else {
            return self.label().pick(lang).to_owned();
        };
        let indonesian = lang == "id";
        match self {
            CurationStatus::Lolos if indonesian => format!("Lolos kurasi {curator}"),
            CurationStatus::Lolos => format!("Passed curation by {curator}"),
            CurationStatus::Proses if indonesian => format!("Dalam kurasi {curator}"),
            CurationStatus::Proses => format!("In curation by {curator}"),
            CurationStatus::Belum => self.label().pick(lang).to_owned(),
        }
    }

    /// What offices type for this status, the contract's spelling first.
    pub fn spellings(self) -> &'static [&'static str] {
        match self {
            CurationStatus::Lolos => &[
                "lolos",
                "lulus",
                "lolos kurasi",
                "lulus kurasi",
                "passed",
                "pass",
                "approved",
            ],
            CurationStatus::Proses => &[
                "proses",
                "diproses",
                "dalam proses",
                "sedang diproses",
                "proses kurasi",
                "in review",
                "review",
                "in progress",
                "pending",
            ],
            CurationStatus::Belum => &["belum", "belum dikurasi", "not yet", "not curated"],
        }
    }
}

/// Whether a product can be had now: ready stock, made to order, or sold out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AvailabilityStatus {
    /// Ready stock: ships now.
    Siap,
    /// Made to order, in `availability.lead_days` days (batik tulis takes weeks).
    Pesan,
    /// Sold out for now.
    Habis,
}

impl AvailabilityStatus {
    pub const ALL: [AvailabilityStatus; 3] = [
        AvailabilityStatus::Siap,
        AvailabilityStatus::Pesan,
        AvailabilityStatus::Habis,
    ];

    /// The lead times a made-to-order product may state, in days: a day up to a year.
    pub const LEAD_DAYS: std::ops::RangeInclusive<u32> = 1..=365;

    /// The contract's spelling, also the badge's and the filter's key.
    pub fn as_str(self) -> &'static str {
        match self {
            AvailabilityStatus::Siap => "siap",
            AvailabilityStatus::Pesan => "pesan",
            AvailabilityStatus::Habis => "habis",
        }
    }

    /// The status of a contract spelling.
    pub fn parse(text: &str) -> Option<AvailabilityStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// The status on its own: the filter's options, and badges of made-to-order products
    /// without a lead time.
    pub const fn label(self) -> Bilingual {
        let (id, en) = match self {
            AvailabilityStatus::Siap => ("Stok siap", "In stock"),
            AvailabilityStatus::Pesan => ("Dibuat sesuai pesanan", "Made to order"),
            AvailabilityStatus::Habis => ("Stok habis", "Sold out"),
        };
        Bilingual { id, en }
    }

    /// The badge's label, with the lead time of a made-to-order product when it is given.
    pub fn label_with(self, lead_days: Option<u32>, lang: &str) -> String {
        match (self, lead_days) {
            (AvailabilityStatus::Pesan, Some(days)) if lang == "id" => {
                format!("Dibuat sesuai pesanan, {days} hari")
            }
            (AvailabilityStatus::Pesan, Some(1)) => "Made to order in 1 day".to_owned(),
            (AvailabilityStatus::Pesan, Some(days)) => format!("Made to order in {days} days"),
            _ => self.label().pick(lang).to_owned(),
        }
    }

    /// What offices type for this status, the contract's spelling first.
    pub fn spellings(self) -> &'static [&'static str] {
        match self {
            AvailabilityStatus::Siap => &[
                "siap",
                "ready",
                "tersedia",
                "ada",
                "stok siap",
                "ready stock",
                "ready stok",
                "in stock",
            ],
            AvailabilityStatus::Pesan => &[
                "pesan",
                "pesanan",
                "pre order",
                "preorder",
                "po",
                "made to order",
                "by order",
                "sesuai pesanan",
                "dibuat sesuai pesanan",
            ],
            AvailabilityStatus::Habis => {
                &["habis", "stok habis", "kosong", "sold out", "out of stock"]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip_and_come_first() {
        for kind in BusinessKind::ALL {
            assert_eq!(BusinessKind::parse(kind.as_str()), Some(kind));
            assert_eq!(kind.spellings()[0], kind.as_str());
        }
        for kind in CertificationKind::ALL {
            assert_eq!(CertificationKind::parse(kind.as_str()), Some(kind));
            assert_eq!(kind.spellings()[0], kind.as_str());
        }
        for status in CurationStatus::ALL {
            assert_eq!(CurationStatus::parse(status.as_str()), Some(status));
            assert_eq!(status.spellings()[0], status.as_str());
        }
        for status in AvailabilityStatus::ALL {
            assert_eq!(AvailabilityStatus::parse(status.as_str()), Some(status));
            assert_eq!(status.spellings()[0], status.as_str());
        }
        assert_eq!(CurationStatus::parse("Lolos"), None);
    }

    #[test]
    fn serde_reads_the_same_spelling_as_as_str() {
        for status in CurationStatus::ALL {
            let read: CurationStatus = serde_json::from_str(&format!("\"{}\"", status.as_str()))
                .expect("the contract spelling deserialises");
            assert_eq!(read, status);
        }
        for kind in CertificationKind::ALL {
            let read: CertificationKind = serde_json::from_str(&format!("\"{}\"", kind.as_str()))
                .expect("the contract spelling deserialises");
            assert_eq!(read, kind);
        }
        for kind in BusinessKind::ALL {
            let read: BusinessKind = serde_json::from_str(&format!("\"{}\"", kind.as_str()))
                .expect("the contract spelling deserialises");
            assert_eq!(read, kind);
        }
    }

    #[test]
    fn no_spelling_means_two_things() {
        let mut seen = std::collections::HashSet::new();
        for word in CurationStatus::ALL.iter().flat_map(|s| s.spellings()) {
            assert!(seen.insert(*word), "{word} twice");
        }
        for word in CertificationKind::ALL.iter().flat_map(|k| k.spellings()) {
            assert!(seen.insert(*word), "{word} twice");
        }
        for word in BusinessKind::ALL.iter().flat_map(|k| k.spellings()) {
            assert!(seen.insert(*word), "{word} twice");
        }
        for word in AvailabilityStatus::ALL.iter().flat_map(|s| s.spellings()) {
            assert!(seen.insert(*word), "{word} twice");
        }
    }

    #[test]
    fn curation_labels_name_the_curator() {
        let lolos = CurationStatus::Lolos;
        assert_eq!(lolos.label_by(Some("Bali"), "id"), "Lolos kurasi Bali");
        assert_eq!(
            lolos.label_by(Some("Bali"), "en"),
            "Passed curation by Bali"
        );
        assert_eq!(lolos.label_by(None, "en"), "Passed curation");
        let belum = CurationStatus::Belum;
        assert_eq!(belum.label_by(Some("Bali"), "id"), "Belum dikurasi");
    }
}
