//! Where a business sells and shows itself online: the marketplaces (Tokopedia, Shopee, TikTok
//! Shop, Bukalapak), its own website and its Facebook page. Each has its key under `shops:` in
//! producer.yaml and product.yaml, its name and button label in both languages, the sites its
//! links may lead to, and the spreadsheet columns the import reads it from. A link is an
//! https URL on one of those sites, checked here once for the YAML path and the import alike.

use url::Url;

use super::Bilingual;

/// A place a business sells or shows itself online, as filed under `shops:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Marketplace {
    Tokopedia,
    Shopee,
    /// TikTok Shop (`tiktok:`).
    Tiktok,
    Bukalapak,
    /// The business's own website: any site.
    Website,
    Facebook,
}

/// Why a link filed under a marketplace cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShopLinkProblem {
    /// Not a web address at all ("Toko Batik", "https://", "tokopedia").
    NotAUrl,
    /// A web address that is not https (`http://`, `ftp://`).
    NotHttps,
    /// An https address on another site than the marketplace's; `host` is the site it names.
    WrongHost { host: String },
}

/// A checked link to a shop or a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopLink {
    pub marketplace: Marketplace,
    /// The URL as the `url` crate writes it: https, the host in lowercase, every character
    /// that may not stand in a URL percent-encoded.
    pub url: String,
}

/// A link as typed into a spreadsheet, read: the link, and whether `https://` was put in front
/// of an address typed without it (`tokopedia.com/toko`), which the import says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedShopLink {
    pub link: ShopLink,
    pub scheme_added: bool,
}

impl Marketplace {
    pub const ALL: [Marketplace; 6] = [
        Marketplace::Tokopedia,
        Marketplace::Shopee,
        Marketplace::Tiktok,
        Marketplace::Bukalapak,
        Marketplace::Website,
        Marketplace::Facebook,
    ];

    /// The keys of `shops:` in the contract's order, for `fields::order`.
    pub const KEYS: [&'static str; 6] = {
        let mut keys = [""; 6];
        let mut i = 0;
        while i < keys.len() {
            keys[i] = Marketplace::ALL[i].as_str();
            i += 1;
        }
        keys
    };

    /// The key under `shops:`: `tokopedia`, `shopee`, `tiktok`, `bukalapak`, `website`,
    /// `facebook`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Marketplace::Tokopedia => "tokopedia",
            Marketplace::Shopee => "shopee",
            Marketplace::Tiktok => "tiktok",
            Marketplace::Bukalapak => "bukalapak",
            Marketplace::Website => "website",
            Marketplace::Facebook => "facebook",
        }
    }

    /// The marketplace of a `shops:` key.
    pub fn parse(key: &str) -> Option<Marketplace> {
        Self::ALL.into_iter().find(|m| m.as_str() == key)
    }

    /// The field's path in a YAML file and in the import's records: `shops.tokopedia`.
    pub const fn field(self) -> &'static str {
        match self {
            Marketplace::Tokopedia => "shops.tokopedia",
            Marketplace::Shopee => "shops.shopee",
            Marketplace::Tiktok => "shops.tiktok",
            Marketplace::Bukalapak => "shops.bukalapak",
            Marketplace::Website => "shops.website",
            Marketplace::Facebook => "shops.facebook",
        }
    }

    /// Whether things are bought there, so that a product may have a listing of its own there
    /// (a website or a Facebook page is the business's, not a product's).
    pub const fn sells(self) -> bool {
        !matches!(self, Marketplace::Website | Marketplace::Facebook)
    }

    /// Its name: "Tokopedia", "TikTok Shop", "Situs web" / "Website".
    pub const fn name(self) -> Bilingual {
        let (id, en) = match self {
            Marketplace::Tokopedia => ("Tokopedia", "Tokopedia"),
            Marketplace::Shopee => ("Shopee", "Shopee"),
            Marketplace::Tiktok => ("TikTok Shop", "TikTok Shop"),
            Marketplace::Bukalapak => ("Bukalapak", "Bukalapak"),
            Marketplace::Website => ("Situs web", "Website"),
            Marketplace::Facebook => ("Facebook", "Facebook"),
        };
        Bilingual { id, en }
    }

    /// The button's label: "Beli di Tokopedia" / "Buy on Tokopedia".
    pub const fn button_label(self) -> Bilingual {
        let (id, en) = match self {
            Marketplace::Tokopedia => ("Beli di Tokopedia", "Buy on Tokopedia"),
            Marketplace::Shopee => ("Beli di Shopee", "Buy on Shopee"),
            Marketplace::Tiktok => ("Beli di TikTok Shop", "Buy on TikTok Shop"),
            Marketplace::Bukalapak => ("Beli di Bukalapak", "Buy on Bukalapak"),
            Marketplace::Website => ("Kunjungi situs web", "Visit the website"),
            Marketplace::Facebook => ("Facebook", "Facebook"),
        };
        Bilingual { id, en }
    }

    /// The sites its links may lead to, each with any subdomain (`www.`, `m.`, `shop.`):
    /// the marketplace's own domain and its short-link domains. Empty for a website: any.
    pub const fn hosts(self) -> &'static [&'static str] {
        match self {
            Marketplace::Tokopedia => &["tokopedia.com", "tokopedia.link"],
            Marketplace::Shopee => &["shopee.co.id", "shope.ee", "shp.ee"],
            Marketplace::Tiktok => &["tiktok.com"],
            Marketplace::Bukalapak => &["bukalapak.com"],
            Marketplace::Website => &[],
            Marketplace::Facebook => &["facebook.com", "fb.com", "fb.me"],
        }
    }

    /// A link as it should be written, for hints.
    pub const fn example(self) -> &'static str {
        match self {
            Marketplace::Tokopedia => "https://www.tokopedia.com/batiksekarjagad",
            Marketplace::Shopee => "https://shopee.co.id/batiksekarjagad",
            Marketplace::Tiktok => "https://www.tiktok.com/@batiksekarjagad",
            Marketplace::Bukalapak => "https://www.bukalapak.com/u/batiksekarjagad",
            Marketplace::Website => "https://batiksekarjagad.id",
            Marketplace::Facebook => "https://www.facebook.com/batiksekarjagad",
        }
    }

    /// The spreadsheet columns it is read from: the documented Indonesian name, the English
    /// one, then other names offices use (lowercase, `_` for spaces).
    pub const fn columns(self) -> &'static [&'static str] {
        match self {
            Marketplace::Tokopedia => &["tokopedia", "tokopedia"],
            Marketplace::Shopee => &["shopee", "shopee"],
            Marketplace::Tiktok => &["tiktok", "tiktok", "tiktok_shop"],
            Marketplace::Bukalapak => &["bukalapak", "bukalapak"],
            Marketplace::Website => &["situs_web", "website", "situs", "web"],
            Marketplace::Facebook => &["facebook", "facebook", "fb"],
        }
    }

    /// Whether `host` (lowercase) is one of its sites or under one of them.
    fn accepts(self, host: &str) -> bool {
        let hosts = self.hosts();
        hosts.is_empty()
            || hosts.iter().any(|site| {
                host == *site
                    || host
                        .strip_suffix(site)
                        .is_some_and(|sub| sub.ends_with('.'))
            })
    }

    /// Checks a link as written in YAML: a whole https URL on one of its sites.
    pub fn link(self, text: &str) -> Result<ShopLink, ShopLinkProblem> {
        let url = Url::parse(text.trim()).map_err(|_| ShopLinkProblem::NotAUrl)?;
        if url.scheme() != "https" {
            // "tokopedia.com:443/x" parses with `tokopedia.com` as its scheme: no web address.
            let web = matches!(url.scheme(), "http" | "ftp" | "ws" | "wss");
            return Err(if web {
                ShopLinkProblem::NotHttps
            } else {
                ShopLinkProblem::NotAUrl
            });
        }
        let host = match url.host_str() {
            Some(host) if host.contains('.') => host,
            _ => return Err(ShopLinkProblem::NotAUrl),
        };
        if !self.accepts(host) {
            return Err(ShopLinkProblem::WrongHost {
                host: host.to_owned(),
            });
        }
        // A name and password before the host have no place in a shop's address.
        if !url.username().is_empty() || url.password().is_some() {
            return Err(ShopLinkProblem::NotAUrl);
        }
        Ok(ShopLink {
            marketplace: self,
            url: url.into(),
        })
    }

    /// Checks a link as typed into a spreadsheet: like [`Marketplace::link`], except that an
    /// address without a scheme (`tokopedia.com/toko`, `www.shopee.co.id/toko`) is read with
    /// `https://` in front, since that is how people copy them from an app or a card.
    pub fn typed_link(self, text: &str) -> Result<TypedShopLink, ShopLinkProblem> {
        let text = text.trim();
        if text.contains("://") {
            return self.link(text).map(|link| TypedShopLink {
                link,
                scheme_added: false,
            });
        }
        self.link(&format!("https://{text}"))
            .map(|link| TypedShopLink {
                link,
                scheme_added: true,
            })
            .map_err(|problem| match problem {
                // Words that only became a "host" because https:// was put before them.
                ShopLinkProblem::WrongHost { .. } if !text.contains('.') => {
                    ShopLinkProblem::NotAUrl
                }
                other => other,
            })
    }
}

impl ShopLink {
    /// The site the link leads to, as people read it: `batiksekarjagad.id` (no `www.`).
    pub fn site(&self) -> String {
        let host = Url::parse(&self.url)
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned))
            .unwrap_or_default();
        host.strip_prefix("www.").unwrap_or(&host).to_owned()
    }

    /// The address as print shows it, for typing in since paper cannot be clicked: the site
    /// without `https://` and `www.`, then the path (percent-escapes read back into letters)
    /// and any query, without a closing `/`: `tokopedia.com/batiksekarjagad`.
    pub fn print_address(&self) -> String {
        let Ok(url) = Url::parse(&self.url) else {
            return self.url.clone();
        };
        let path = percent_encoding::percent_decode_str(url.path()).decode_utf8_lossy();
        let mut address = format!("{}{}", self.site(), path.trim_end_matches('/'));
        if let Some(query) = url.query() {
            address.push('?');
            address.push_str(query);
        }
        address
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_addresses_are_the_site_and_path_without_the_scheme_or_www() {
        let address = |marketplace: Marketplace, url: &str| {
            marketplace.link(url).map(|link| link.print_address())
        };
        for (marketplace, url, printed) in [
            (
                Marketplace::Tokopedia,
                "https://www.tokopedia.com/batiksekarjagad/",
                "tokopedia.com/batiksekarjagad",
            ),
            (
                Marketplace::Tiktok,
                "https://www.tiktok.com/@toko",
                "tiktok.com/@toko",
            ),
            (
                Marketplace::Website,
                "https://sekar.example.id",
                "sekar.example.id",
            ),
            (
                Marketplace::Website,
                "https://sekar.example.id/toko%20batik/#atas",
                "sekar.example.id/toko batik",
            ),
            (
                Marketplace::Facebook,
                "https://m.facebook.com/profile.php?id=100",
                "m.facebook.com/profile.php?id=100",
            ),
        ] {
            assert_eq!(address(marketplace, url), Ok(printed.to_owned()), "{url}");
        }
    }

    #[test]
    fn keys_round_trip_and_are_in_order() {
        for marketplace in Marketplace::ALL {
            assert_eq!(Marketplace::parse(marketplace.as_str()), Some(marketplace));
            // Header keys as the import compares them: lowercase, `_` for spaces.
            let columns = marketplace.columns();
            assert!(columns.len() >= 2, "an Indonesian and an English name");
            for column in columns {
                assert!(column.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            }
            assert_eq!(
                marketplace.field(),
                format!("shops.{}", marketplace.as_str())
            );
            assert!(marketplace.link(marketplace.example()).is_ok());
        }
        assert_eq!(
            Marketplace::KEYS,
            [
                "tokopedia",
                "shopee",
                "tiktok",
                "bukalapak",
                "website",
                "facebook"
            ]
        );
        assert_eq!(Marketplace::parse("Tokopedia"), None);
    }

    #[test]
    fn each_marketplace_takes_its_own_sites_and_short_links() {
        let cases = [
            (
                Marketplace::Tokopedia,
                "https://www.tokopedia.com/toko/produk-1",
            ),
            (Marketplace::Tokopedia, "https://tk.tokopedia.com/ZSabc/"),
            (Marketplace::Tokopedia, "https://tokopedia.link/abc"),
            (Marketplace::Shopee, "https://shopee.co.id/toko"),
            (Marketplace::Shopee, "https://shope.ee/abc"),
            (Marketplace::Shopee, "https://id.shp.ee/abc"),
            (Marketplace::Tiktok, "https://www.tiktok.com/@toko"),
            (Marketplace::Tiktok, "https://vt.tiktok.com/ZSabc/"),
            (
                Marketplace::Tiktok,
                "https://shop.tiktok.com/view/product/1",
            ),
            (Marketplace::Bukalapak, "https://www.bukalapak.com/u/toko"),
            (Marketplace::Facebook, "https://m.facebook.com/toko"),
            (Marketplace::Facebook, "https://fb.com/toko"),
            (Marketplace::Website, "https://toko.example.id/katalog?x=1"),
        ];
        for (marketplace, text) in cases {
            let link = marketplace.link(text).expect(text);
            assert_eq!(link.marketplace, marketplace);
        }
    }

    #[test]
    fn a_link_must_be_https_and_on_the_marketplace_it_is_filed_under() {
        let tokopedia = Marketplace::Tokopedia;
        assert_eq!(
            tokopedia.link("http://www.tokopedia.com/toko"),
            Err(ShopLinkProblem::NotHttps)
        );
        assert_eq!(
            tokopedia.link("https://shopee.co.id/toko"),
            Err(ShopLinkProblem::WrongHost {
                host: "shopee.co.id".into()
            })
        );
        // Lookalikes: the marketplace's name as a part of another site's name.
        for text in [
            "https://faketokopedia.com/x",
            "https://tokopedia.com.evil.example/x",
            "https://www.tokopedia.com@evil.example/x",
        ] {
            assert!(
                matches!(tokopedia.link(text), Err(ShopLinkProblem::WrongHost { .. })),
                "{text}"
            );
        }
        for text in [
            "Toko Batik",
            "https://",
            "tokopedia.com/toko",
            "https://user:pw@tokopedia.com/x",
            "https://localhost/x",
            "javascript:alert(1)",
        ] {
            assert_eq!(
                tokopedia.link(text),
                Err(ShopLinkProblem::NotAUrl),
                "{text}"
            );
        }
    }

    #[test]
    fn typed_links_without_a_scheme_get_https() {
        let typed = Marketplace::Tokopedia
            .typed_link(" tokopedia.com/toko ")
            .expect("read");
        assert_eq!(typed.link.url, "https://tokopedia.com/toko");
        assert!(typed.scheme_added);
        let typed = Marketplace::Shopee
            .typed_link("https://shopee.co.id/toko")
            .expect("read");
        assert!(!typed.scheme_added);
        assert_eq!(
            Marketplace::Tokopedia.typed_link("Toko Batik"),
            Err(ShopLinkProblem::NotAUrl)
        );
        assert_eq!(
            Marketplace::Tokopedia.typed_link("http://tokopedia.com/toko"),
            Err(ShopLinkProblem::NotHttps)
        );
    }

    #[test]
    fn urls_are_stored_with_unsafe_characters_encoded() {
        let link = Marketplace::Website
            .link("https://Toko.Example.id/a\"b<script>?q='x'\"<")
            .expect("a URL");
        assert_eq!(
            link.url,
            "https://toko.example.id/a%22b%3Cscript%3E?q=%27x%27%22%3C"
        );
        assert_eq!(link.site(), "toko.example.id");
    }
}
