//! Pages: every page of the site in every language, rendered from Tera templates into the
//! staging output, plus `sitemap.xml`, `robots.txt`, the Atom feeds and the shopping feeds.

pub mod brochure;
mod feed;
mod inquiry;
mod labels;
mod merchant;
mod meta;
mod offline;
mod page_context;
mod qr;
mod scope;
pub mod search_index;
pub mod search_shards;
mod sitemap;
mod split;
pub mod templates;
pub mod views;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::fields::{AvailabilityStatus, CurationStatus};
use crate::i18n::language_name;
use crate::images::ImageSet;
use crate::model::{Catalogue, Product};
use crate::output::SiteWriter;
use crate::theme::Assets;
use labels::Labels;
use meta::PageMeta;
use page_context::{Contexts, PageContext};
pub use qr::CodeCache;
pub use scope::{after_change, after_edits, Edit, Scope};
use templates::Templates;
use views::{tag_name, CategoryLink, LangContext, Link, ProductCard, ShareImage};

/// How many product cards a list page shows before it continues on the next page.
pub const CARDS_PER_PAGE: usize = 48;
/// The QR code of a product page, beside its `index.html`.
pub const QR_FILE: &str = "qr.svg";
/// How many featured products the home page shows.
const FEATURED_ON_HOME: usize = 12;

/// One page to render: what it shows, in which language.
#[derive(Debug, Clone, Copy)]
enum Job {
    Home,
    /// Every product, a page of cards at a time, with the filters and search above them.
    Products {
        page: usize,
    },
    Product(usize),
    Producer {
        index: usize,
        page: usize,
    },
    Category {
        index: usize,
        page: usize,
    },
    FreePage(usize),
    /// Every tag with its number of products.
    Tags,
    Tag {
        index: usize,
        page: usize,
    },
    /// The print brochure of everything, or of a selection from `catalogue.yaml`: the whole
    /// brochure or, when it is split, its index (`part: None`), or one of its parts.
    Brochure {
        selection: Option<usize>,
        part: Option<brochure::Part>,
    },
    /// The visitor's inquiry list, filled in by its script; in neither the sitemap nor feeds.
    Inquiry,
}

/// What was written, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
}

/// Indexes computed once and shared by every page.
struct Shared<'a> {
    catalogue: &'a Catalogue,
    images: &'a ImageSet,
    templates: &'a Templates,
    assets: &'a Assets,
    /// Codes drawn by earlier builds, linked instead of drawn again; `None`: draw them.
    codes: Option<&'a CodeCache>,
    products_by_category: Vec<Vec<usize>>,
    /// Every product's index, in catalogue order: the all-products list.
    all_products: Vec<usize>,
    /// The link-preview image of pages that have none of their own: a featured product's, or
    /// the theme's neutral one.
    fallback_image: ShareImage,
    /// The theme's neutral link-preview image.
    theme_image: ShareImage,
    /// The link-preview image of each category's pages and of each tag's (those of their
    /// first product with a photo), found once: looking for it on each page of a list made
    /// a catalogue without photos quadratic (each of a category's 700 pages at 100,000
    /// products read all its 33,000 products, 1.1 % of the build's CPU).
    category_images: Vec<Option<ShareImage>>,
    tag_images: Vec<Option<ShareImage>>,
    /// Per language: what every page starts from, computed once rather than for each of
    /// thousands of pages.
    per_lang: BTreeMap<String, LangShared>,
}

/// The parts of pages that are the same on every page of one language.
struct LangShared {
    /// The context every page starts from, `site` already in it.
    context: Context,
    categories: Vec<CategoryLink>,
    /// The choices of the products page's filters.
    filters: Filters,
    /// The inquiry list's product file as written to disk, and its site-relative address
    /// with a version from its content; made when first needed (only the inquiry page and
    /// the lists name it), so that `serve` shows an edited page before it makes the lists.
    list_items: OnceLock<ListItems>,
}

/// The inquiry list's product file and where it is.
struct ListItems {
    bytes: Vec<u8>,
    url: String,
}

/// The choices the products page offers, and where its script finds the index. Only lists
/// that stay short at any catalogue size are written into the page: the producers (1,000 in
/// the 10,000-product benchmark, 68 KB of a 126 KB list page as a `<select>`) come from the
/// search index, which the script downloads anyway.
#[derive(Debug, Serialize)]
struct Filters {
    /// Site-relative, the same in every build: the entry file names the rest by their
    /// content, so an edit to one product changes no page (the script revalidates it).
    index_url: String,
    /// Only the certifications some product has.
    certifications: Vec<Choice>,
    curation: Vec<Choice>,
    availability: Vec<Choice>,
    /// The `sizes` of a card photo, for the cards the script makes.
    card_sizes: &'static str,
}

/// One option of a filter: the value in the URL and what the visitor reads.
#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// What a site is rendered from.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub catalogue: &'a Catalogue,
    pub images: &'a ImageSet,
    pub templates: &'a Templates,
    pub assets: &'a Assets,
    /// Codes drawn by earlier builds; `None`: draw them.
    pub codes: Option<&'a CodeCache>,
}

/// Which part of a scope's output a render writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The pages and the files they need, then the lists: a build.
    All,
    /// The pages alone: what `serve` shows first after an edit.
    Pages,
    /// The lists alone (feeds, search index, inquiry items, the offline files naming their
    /// versions), made from the whole catalogue, which takes as long as thousands of pages:
    /// `serve` writes them after showing the pages, and holds requests for them meanwhile
    /// (see [`is_list_file`]).
    Lists,
}

impl Stage {
    fn pages(self) -> bool {
        self != Stage::Lists
    }

    fn lists(self) -> bool {
        self != Stage::Pages
    }
}

/// Whether the site-relative `path` is one of the files [`Stage::Lists`] writes.
pub fn is_list_file(path: &str) -> bool {
    if path == offline::WORKER_FILE || path.starts_with(&format!("{}/", offline::OFFLINE_DIR)) {
        return true;
    }
    let Some((_lang, rest)) = path.split_once('/') else {
        return false;
    };
    let search = format!("products/{}/", search_index::SEARCH_DIR);
    rest == feed::FEED_FILE
        || rest == offline::MANIFEST_FILE
        || rest == format!("inquiry/{}", inquiry::ITEMS_FILE)
        || rest.starts_with(&format!("{}/", merchant::FEEDS_DIR))
        || rest.starts_with(&search)
}

/// Renders what `scope` asks for of `stage` into `out`; template errors are returned as
/// diagnostics.
pub fn render_site(
    sources: Sources,
    out: &dyn SiteWriter,
    scope: &Scope,
    stage: Stage,
) -> Result<RenderStats, Vec<Diagnostic>> {
    let Sources {
        catalogue,
        images,
        templates,
        assets,
        codes,
    } = sources;
    let shared = Shared::new(catalogue, images, templates, assets, codes);
    let languages = &catalogue.config.languages;
    let jobs: Vec<(&str, Job)> = shared
        .jobs()
        .into_iter()
        .filter(|job| stage.pages() && scope.includes(catalogue, *job))
        .flat_map(|job| languages.iter().map(move |lang| (lang.as_str(), job)))
        .collect();
    let lists = languages
        .iter()
        .filter(|_| stage.lists())
        .flat_map(|lang| LISTS.map(|list| Work::List(lang.as_str(), list)));
    // The lists go first: a worker takes the front of the work and keeps it, the other the
    // pages from the middle. Begun as a separate task, the index of search (4 s of one core
    // at 100,000 products) began when a worker came free, near the end, and the build waited
    // for it on one core (3.5 s of 28).
    let work: Vec<Work> = lists
        .chain(jobs.iter().map(|&(lang, job)| Work::Page(lang, job)))
        .collect();
    let mut problems: Vec<Diagnostic> = work
        .par_iter()
        .map_init(Contexts::default, |contexts, work| match *work {
            Work::List(lang, list) => shared.write_list(lang, list, out).err(),
            Work::Page(lang, job) => shared.render_job(lang, job, out, contexts).err(),
        })
        .flatten()
        .collect();
    if stage.lists() {
        // The worker names the lists' versions, which any edit may change: written with them.
        problems.extend(shared.write_offline(out).err());
    }
    let mut pages = jobs.len();
    if stage.pages() && matches!(scope, Scope::Everything) {
        problems.extend(shared.render_root(out).err());
        problems.extend(shared.render_not_found(out).err());
        problems.extend(sitemap::write(catalogue, &shared.sitemap_paths(), out).err());
        pages += 2;
    }
    if problems.is_empty() {
        Ok(RenderStats { pages })
    } else {
        problems.sort_by_key(|p| p.to_string());
        problems.dedup();
        Err(problems)
    }
}

/// Writes the parts of a feed into `folder`.
fn write_parts(
    out: &dyn SiteWriter,
    folder: &str,
    parts: Vec<(String, Vec<u8>)>,
) -> Result<(), Diagnostic> {
    parts
        .iter()
        .try_for_each(|(name, bytes)| out.write_page(&format!("{folder}/{name}"), bytes))
}

/// The language-independent part of a page's path: `products/x/`, or "" for the home page.
fn twin_path(catalogue: &Catalogue, job: Job) -> String {
    match job {
        Job::Home => String::new(),
        Job::Products { page } => paged("products/", page),
        Job::Product(i) => format!("products/{}/", catalogue.products[i].slug),
        Job::Producer { index, page } => paged(
            &format!("producers/{}/", catalogue.producers[index].slug),
            page,
        ),
        Job::Category { index, page } => paged(
            &format!("categories/{}/", catalogue.config.categories[index].slug),
            page,
        ),
        Job::FreePage(i) => format!("{}/", catalogue.pages[i].slug),
        Job::Tags => "tags/".to_owned(),
        Job::Tag { index, page } => paged(&format!("tags/{}/", catalogue.tags[index].0), page),
        Job::Brochure {
            selection,
            part: Some(part),
        } => {
            let chosen = selection.map(|i| &catalogue.config.brochures[i]);
            brochure::part_path(catalogue, chosen, part)
        }
        Job::Brochure {
            selection: None, ..
        } => "brochure/".to_owned(),
        Job::Brochure {
            selection: Some(index),
            ..
        } => format!("brochure/{}/", catalogue.config.brochures[index].slug),
        Job::Inquiry => "inquiry/".to_owned(),
    }
}

fn paged(first: &str, page: usize) -> String {
    if page <= 1 {
        first.to_owned()
    } else {
        format!("{first}page/{page}/")
    }
}

fn page_count(items: usize) -> usize {
    items.div_ceil(CARDS_PER_PAGE).max(1)
}

/// Links between the pages of a paginated list.
#[derive(Debug, Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    /// The first and last page and those near the current one, in order.
    pages: Vec<PageLink>,
}

/// One numbered page in the pagination.
#[derive(Debug, Serialize)]
struct PageLink {
    number: usize,
    url: String,
    /// Whether pages were left out between this one and the one before.
    after_gap: bool,
}

/// Pages linked on either side of the current one. Linking every page made each products list
/// page grow with the catalogue: 12.6 KB of links at 10,000 products (209 pages a language),
/// 25.0 KB at 20,000; with a window the links stay under 1 KB, and every page is still reached
/// without JavaScript through "next" and "previous".
const PAGE_WINDOW: usize = 2;

fn pagination(lang: &str, first: &str, current: usize, items: usize) -> Option<Pagination> {
    let total = page_count(items);
    if total <= 1 {
        return None;
    }
    let url = |page: usize| format!("{lang}/{}", paged(first, page));
    Some(Pagination {
        current,
        total,
        previous: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages: shown_pages(current, total)
            .into_iter()
            .scan(0, |last, number| {
                let after_gap = *last != 0 && number > *last + 1;
                *last = number;
                Some(PageLink {
                    number,
                    url: url(number),
                    after_gap,
                })
            })
            .collect(),
    })
}

/// The page numbers the pagination links: the first, the last and those within
/// `PAGE_WINDOW` of `current`, in order.
fn shown_pages(current: usize, total: usize) -> Vec<usize> {
    (1..=total)
        .filter(|&page| page == 1 || page == total || page.abs_diff(current) <= PAGE_WINDOW)
        .collect()
}

/// The files of each language that list every product, besides its pages.
#[derive(Debug, Clone, Copy)]
enum List {
    /// The Atom feed of the newest products.
    Atom,
    /// The Google Merchant Center feed.
    Google,
    /// The Meta catalogue feed.
    Meta,
    /// The products page's search index.
    SearchIndex,
    /// The inquiry list's product data.
    InquiryItems,
}

/// One piece of rendering, in one language.
#[derive(Clone, Copy)]
enum Work<'a> {
    List(&'a str, List),
    Page(&'a str, Job),
}

/// The lists, the slowest (the index of search) first.
const LISTS: [List; 5] = [
    List::SearchIndex,
    List::Atom,
    List::Google,
    List::Meta,
    List::InquiryItems,
];

/// Interface data every page template receives as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    lang: &'a str,
    title: String,
    description: String,
    publisher: PublisherView<'a>,
    publisher_whatsapp_url: Option<String>,
    publisher_email_url: Option<String>,
    edition: Option<String>,
    categories: Vec<CategoryLink>,
    pages: Vec<Link>,
    /// Whether any product has a tag, so themes can link the tag list.
    has_tags: bool,
    t: &'static Labels,
    /// The versioned names of the theme's styles and scripts: `site.assets["style.css"]`.
    assets: &'a Assets,
}

/// The publisher as templates read it: `site.publisher.name`, `.email`, `.whatsapp`.
#[derive(Serialize)]
struct PublisherView<'a> {
    name: &'a str,
    email: Option<&'a str>,
    whatsapp: Option<&'a str>,
}

impl<'a> PublisherView<'a> {
    fn of(publisher: &'a crate::config::Publisher) -> Self {
        PublisherView {
            name: &publisher.name,
            email: publisher.email.as_deref(),
            whatsapp: publisher.whatsapp.as_ref().map(|phone| phone.as_str()),
        }
    }
}

impl<'a> Shared<'a> {
    fn new(
        catalogue: &'a Catalogue,
        images: &'a ImageSet,
        templates: &'a Templates,
        assets: &'a Assets,
        codes: Option<&'a CodeCache>,
    ) -> Self {
        let mut products_by_category = vec![Vec::new(); catalogue.config.categories.len()];
        for (index, product) in catalogue.products.iter().enumerate() {
            products_by_category[product.category].push(index);
        }
        let theme_image = ShareImage {
            url: format!(
                "{}/{}",
                catalogue.config.base_url,
                crate::theme::SHARE_IMAGE
            ),
            width: crate::theme::SHARE_IMAGE_SIZE.0,
            height: crate::theme::SHARE_IMAGE_SIZE.1,
        };
        let any_language = LangContext {
            catalogue,
            images,
            lang: catalogue.config.default_language(),
            root: String::new(),
        };
        let fallback_image = catalogue
            .products
            .iter()
            .filter(|p| p.featured)
            .chain(&catalogue.products)
            .find_map(|p| any_language.share_image(p))
            .unwrap_or_else(|| theme_image.clone());
        let first_image =
            |members: &[usize]| first_share_image(&any_language, &catalogue.products, members);
        let category_images = products_by_category
            .iter()
            .map(|m| first_image(m))
            .collect();
        let tag_images = catalogue.tags.iter().map(|(_, m)| first_image(m)).collect();
        let mut shared = Shared {
            catalogue,
            images,
            templates,
            assets,
            codes,
            products_by_category,
            all_products: (0..catalogue.products.len()).collect(),
            fallback_image,
            theme_image,
            category_images,
            tag_images,
            per_lang: BTreeMap::new(),
        };
        let per_lang: Vec<(String, LangShared)> = catalogue
            .config
            .languages
            .par_iter()
            .map(|lang| (lang.clone(), shared.lang_shared(lang)))
            .collect();
        shared.per_lang = per_lang.into_iter().collect();
        shared
    }

    fn lang_shared(&self, lang: &'a str) -> LangShared {
        let view = self.lang_context(lang);
        let site = self.site_view(&view);
        let mut context = Context::new();
        context.insert("site", &site);
        LangShared {
            list_items: OnceLock::new(),
            context,
            categories: site.categories,
            filters: Filters {
                index_url: view.url(&format!(
                    "products/{}/{}",
                    search_index::SEARCH_DIR,
                    search_index::SEARCH_INDEX_FILE
                )),
                certifications: self.certification_choices(&view),
                curation: curation_choices(lang),
                availability: availability_choices(lang),
                card_sizes: views::Placement::Card.sizes(),
            },
        }
    }

    /// The inquiry list's product file of `lang`.
    fn list_items(&self, lang: &'a str) -> &ListItems {
        self.per_lang[lang].list_items.get_or_init(|| {
            let view = self.lang_context(lang);
            let bytes = serde_json::to_vec(&inquiry::items(&view)).unwrap_or_default();
            let version = blake3::hash(&bytes).to_hex();
            let url = view.url(&format!(
                "inquiry/{}?v={}",
                inquiry::ITEMS_FILE,
                &version[..10]
            ));
            ListItems { bytes, url }
        })
    }

    /// The certifications some product has, in a fixed order.
    fn certification_choices(&self, view: &LangContext) -> Vec<Choice> {
        let kinds: std::collections::BTreeSet<_> = self
            .catalogue
            .products
            .iter()
            .flat_map(|p| p.certifications.iter().map(|c| c.kind))
            .collect();
        kinds
            .into_iter()
            .map(|kind| Choice {
                value: kind.as_str().to_owned(),
                label: view.certification(kind, None).label,
            })
            .collect()
    }

    /// A fresh context for a page in `lang`, with `site` in it.
    fn base_context(&self, lang: &str) -> Context {
        self.per_lang[lang].context.clone()
    }

    fn jobs(&self) -> Vec<Job> {
        let c = self.catalogue;
        let mut jobs = vec![Job::Home];
        jobs.extend((1..=page_count(c.products.len())).map(|page| Job::Products { page }));
        jobs.extend((0..c.products.len()).map(Job::Product));
        for (index, producer) in c.producers.iter().enumerate() {
            jobs.extend(
                (1..=page_count(producer.products.len())).map(|page| Job::Producer { index, page }),
            );
        }
        for (index, products) in self.products_by_category.iter().enumerate() {
            jobs.extend((1..=page_count(products.len())).map(|page| Job::Category { index, page }));
        }
        jobs.extend((0..c.pages.len()).map(Job::FreePage));
        if !c.tags.is_empty() {
            jobs.push(Job::Tags);
        }
        for (index, (_, products)) in c.tags.iter().enumerate() {
            jobs.extend((1..=page_count(products.len())).map(|page| Job::Tag { index, page }));
        }
        for selection in std::iter::once(None).chain((0..c.config.brochures.len()).map(Some)) {
            jobs.push(Job::Brochure {
                selection,
                part: None,
            });
            let chosen = selection.map(|i| &c.config.brochures[i]);
            jobs.extend(
                brochure::parts(c, chosen)
                    .into_iter()
                    .map(|part| Job::Brochure {
                        selection,
                        part: Some(part),
                    }),
            );
        }
        jobs.push(Job::Inquiry);
        jobs
    }

    /// Every page but the inquiry list, which shows nothing of its own to a search engine.
    fn sitemap_paths(&self) -> Vec<String> {
        self.jobs()
            .into_iter()
            .filter(|job| !matches!(job, Job::Inquiry))
            .map(|job| twin_path(self.catalogue, job))
            .collect()
    }

    fn lang_context(&self, lang: &'a str) -> LangContext<'a> {
        LangContext {
            catalogue: self.catalogue,
            images: self.images,
            lang,
            root: String::new(),
        }
    }

    fn site_view(&self, view: &LangContext<'a>) -> SiteView<'a> {
        let config = &self.catalogue.config;
        SiteView {
            lang: view.lang,
            title: view.plain(&config.title),
            description: view.plain(&config.description),
            publisher: PublisherView::of(&config.publisher),
            publisher_whatsapp_url: config.publisher.whatsapp.as_ref().map(views::whatsapp_link),
            publisher_email_url: config.publisher.email.as_deref().map(views::mailto_link),
            edition: config.edition.map(|date| date.spelled(view.lang)),
            categories: view.category_links(&self.products_by_category),
            pages: self
                .catalogue
                .pages
                .iter()
                .map(|page| Link {
                    name: view.plain(&page.title),
                    url: view.url(&format!("{}/", page.slug)),
                })
                .collect(),
            has_tags: !self.catalogue.tags.is_empty(),
            t: Labels::for_lang(view.lang),
            assets: self.assets,
        }
    }

    /// Writes one of a language's files that list every product.
    fn write_list(
        &self,
        lang: &'a str,
        list: List,
        out: &dyn SiteWriter,
    ) -> Result<(), Diagnostic> {
        // A feed reader resolves nothing relative: photos inside texts get absolute addresses.
        let view = LangContext {
            root: format!("{}/", self.catalogue.config.base_url),
            ..self.lang_context(lang)
        };
        let feeds = format!("{lang}/{}", merchant::FEEDS_DIR);
        match list {
            List::Atom => out.write_page(
                &format!("{lang}/{}", feed::FEED_FILE),
                feed::atom(self.catalogue, &view).as_bytes(),
            ),
            List::Google => write_parts(out, &feeds, merchant::google(&view)),
            List::Meta => write_parts(out, &feeds, merchant::meta(&view)),
            // Made here, beside the pages, and dropped once written: made before the pages for
            // both languages at once, the index and its files were the peak of a build's memory
            // (10,000 products: 277 MB against 180 MB while pages were rendered, RSS sampled
            // every 0.25 s), and the files were then kept to the end.
            List::SearchIndex => {
                let index = search_index::build(&self.lang_context(lang), &self.catalogue.products);
                let files = search_shards::files(&index, search_shards::Limits::from_env());
                drop(index);
                for (name, bytes) in &files {
                    let dir = search_index::SEARCH_DIR;
                    out.write_page(&format!("{lang}/products/{dir}/{name}"), bytes)?;
                }
                Ok(())
            }
            List::InquiryItems => out.write_page(
                &format!("{lang}/inquiry/{}", inquiry::ITEMS_FILE),
                &self.list_items(lang).bytes,
            ),
        }
    }

    fn render_job(
        &self,
        lang: &'a str,
        job: Job,
        out: &dyn SiteWriter,
        contexts: &mut Contexts,
    ) -> Result<(), Diagnostic> {
        let shared = &self.per_lang[lang].context;
        contexts.with(lang, shared, |context| {
            self.render_page(lang, job, out, context)
        })
    }

    /// Renders one page into `context`, which holds the language's shared values.
    fn render_page(
        &self,
        lang: &'a str,
        job: Job,
        out: &dyn SiteWriter,
        context: &mut PageContext,
    ) -> Result<(), Diagnostic> {
        let path = twin_path(self.catalogue, job);
        let mut meta = PageMeta::new(&self.catalogue.config, lang, &path);
        let view = LangContext {
            root: meta.root.clone(),
            ..self.lang_context(lang)
        };
        meta.image = Some(self.fallback_image.clone());
        let template = match job {
            Job::Home => self.home(&view, &mut meta, context),
            Job::Products { page } => self.all_products(&view, page, &mut meta, context),
            Job::Product(i) => self.product(&view, i, &mut meta, context),
            Job::Producer { index, page } => self.producer(&view, index, page, &mut meta, context),
            Job::Category { index, page } => self.category(&view, index, page, &mut meta, context),
            Job::FreePage(i) => self.free_page(&view, i, &mut meta, context),
            Job::Tags => self.tag_list(&view, &mut meta, context),
            Job::Tag { index, page } => self.tag(&view, index, page, &mut meta, context),
            Job::Brochure { selection, part } => {
                self.brochure(&view, selection, part, &mut meta, context)
            }
            Job::Inquiry => self.inquiry(&view, &mut meta, context),
        };
        if let Job::Brochure {
            selection: None,
            part: None,
        } = job
        {
            // The cover's code opens the catalogue's home page.
            let home = format!("{}/{}", self.catalogue.config.base_url, view.url(""));
            self.write_code(&home, &format!("{lang}/{path}{QR_FILE}"), out)?;
        }
        if let (Job::Product(_), Some(url)) = (job, &meta.canonical) {
            self.write_code(url, &format!("{lang}/{path}{QR_FILE}"), out)?;
        }
        meta.set_document_title(&view.plain(&self.catalogue.config.title));
        context.insert("page", &meta);
        let html = self.templates.render(template, context.context())?;
        out.write_page(&format!("{lang}/{path}index.html"), html.as_bytes())
    }

    /// Places the QR code of `url` at `relative`: linked from the code cache when there is
    /// one, else drawn (also when the cache cannot be written: the build does not fail for it).
    fn write_code(
        &self,
        url: &str,
        relative: &str,
        out: &dyn SiteWriter,
    ) -> Result<(), Diagnostic> {
        if let Some(file) = self.codes.and_then(|codes| codes.file(url).ok()) {
            return out.link_file(&file, relative);
        }
        out.write_page(relative, qr::svg(url).unwrap_or_default().as_bytes())
    }

    fn home(
        &self,
        view: &LangContext,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let featured: Vec<ProductCard> = self
            .catalogue
            .products
            .iter()
            .filter(|p| p.featured)
            .take(FEATURED_ON_HOME)
            .map(|p| view.product_card(p))
            .collect();
        meta.title = view.plain(&self.catalogue.config.title);
        // Search results show it under the home page's title (Lighthouse SEO asks for it).
        meta.description = view.plain(&self.catalogue.config.description);
        meta.is_home = true;
        context.insert("featured", &featured);
        context.insert("producer_count", &self.catalogue.producers.len());
        context.insert("product_count", &self.catalogue.products.len());
        "index.html"
    }

    fn product(
        &self,
        view: &LangContext,
        index: usize,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let product = &self.catalogue.products[index];
        let data = view.product(product);
        meta.title = data.card.name.text.clone();
        // Link previews (WhatsApp shows the description) name the price first.
        meta.description = match (&data.card.price, &data.card.unit) {
            (Some(price), Some(unit)) => {
                format!("{price} / {}. {}", unit.text, data.card.summary.text)
            }
            (Some(price), None) => format!("{price}. {}", data.card.summary.text),
            _ => data.card.summary.text.clone(),
        };
        meta.og_type = "product";
        meta.image = Some(
            view.share_image(product)
                .or_else(|| self.logo_image(&data.producer.logo))
                .unwrap_or_else(|| self.theme_image.clone()),
        );
        meta.breadcrumbs = vec![home_crumb(view), data.category.clone()];
        meta.json_ld = Some(meta::product_json_ld(
            &data,
            product,
            &self.catalogue.config,
            meta,
        ));
        context.insert("product", &data);
        "product.html"
    }

    fn producer(
        &self,
        view: &LangContext,
        index: usize,
        page: usize,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let producer = &self.catalogue.producers[index];
        let data = view.producer(producer);
        let cards = self.cards(view, &producer.products, page);
        meta.title = paged_title(&data.card.name, page, view.lang);
        meta.description = data.summary.text.clone();
        if let Some(logo) = self.logo_image(&data.card.logo) {
            meta.image = Some(logo);
        }
        meta.breadcrumbs = vec![home_crumb(view)];
        meta.json_ld = Some(meta::producer_json_ld(
            &data,
            meta,
            &self.catalogue.config.base_url,
        ));
        context.insert("producer", &data);
        context.insert("products", &cards);
        context.insert(
            "pagination",
            &pagination(
                view.lang,
                &format!("producers/{}/", producer.slug),
                page,
                producer.products.len(),
            ),
        );
        "producer.html"
    }

    fn category(
        &self,
        view: &LangContext,
        index: usize,
        page: usize,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let category = &self.catalogue.config.categories[index];
        let members = &self.products_by_category[index];
        let link = &self.per_lang[view.lang].categories[index];
        meta.title = paged_title(&link.name, page, view.lang);
        meta.description = format!(
            "{} — {}",
            link.name,
            view.plain(&self.catalogue.config.title)
        );
        if let Some(image) = &self.category_images[index] {
            meta.image = Some(image.clone());
        }
        meta.breadcrumbs = vec![home_crumb(view)];
        context.insert("category", link);
        context.insert("products", &self.cards(view, members, page));
        context.insert(
            "pagination",
            &pagination(
                view.lang,
                &format!("categories/{}/", category.slug),
                page,
                members.len(),
            ),
        );
        "category.html"
    }

    fn all_products(
        &self,
        view: &LangContext,
        page: usize,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let labels = Labels::for_lang(view.lang);
        let every = &self.all_products;
        meta.title = paged_title(labels.all_products, page, view.lang);
        meta.description = format!(
            "{} — {}",
            labels.all_products,
            view.plain(&self.catalogue.config.title)
        );
        meta.breadcrumbs = vec![home_crumb(view)];
        context.insert("products", &self.cards(view, every, page));
        context.insert("product_count", &every.len());
        context.insert("filters", &self.per_lang[view.lang].filters);
        context.insert(
            "pagination",
            &pagination(view.lang, "products/", page, every.len()),
        );
        "products.html"
    }

    fn tag_list(
        &self,
        view: &LangContext,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let labels = Labels::for_lang(view.lang);
        let tags: Vec<TagLink> = self
            .catalogue
            .tags
            .iter()
            .map(|(tag, products)| TagLink {
                name: tag_name(tag),
                url: view.url(&format!("tags/{tag}/")),
                count: products.len(),
            })
            .collect();
        meta.title = labels.tags.to_owned();
        meta.description = format!(
            "{} — {}",
            labels.tags,
            view.plain(&self.catalogue.config.title)
        );
        meta.breadcrumbs = vec![home_crumb(view)];
        context.insert("tags", &tags);
        "tags.html"
    }

    fn tag(
        &self,
        view: &LangContext,
        index: usize,
        page: usize,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let (slug, members) = &self.catalogue.tags[index];
        let labels = Labels::for_lang(view.lang);
        let name = tag_name(slug);
        meta.title = paged_title(&format!("#{name}"), page, view.lang);
        meta.description = format!(
            "{} #{name} ({}) — {}",
            labels.products_tagged,
            members.len(),
            view.plain(&self.catalogue.config.title)
        );
        if let Some(image) = &self.tag_images[index] {
            meta.image = Some(image.clone());
        }
        meta.breadcrumbs = vec![
            home_crumb(view),
            Link {
                name: labels.tags.to_owned(),
                url: view.url("tags/"),
            },
        ];
        context.insert(
            "tag",
            &TagLink {
                name,
                url: view.url(&format!("tags/{slug}/")),
                count: members.len(),
            },
        );
        context.insert("products", &self.cards(view, members, page));
        context.insert(
            "pagination",
            &pagination(view.lang, &format!("tags/{slug}/"), page, members.len()),
        );
        "tag.html"
    }

    fn brochure(
        &self,
        view: &LangContext,
        selection: Option<usize>,
        part: Option<brochure::Part>,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let config = &self.catalogue.config;
        let chosen = selection.map(|i| &config.brochures[i]);
        meta.breadcrumbs = vec![home_crumb(view)];
        context.insert("selection", &chosen.map(|s| &s.slug));
        context.insert("home_url", &format!("{}/{}", config.base_url, view.url("")));
        if part.is_some() {
            // A part leads back to the index of its brochure.
            meta.breadcrumbs.push(Link {
                name: brochure::page_title(config, view.lang, chosen),
                url: view.url(&twin_path(
                    self.catalogue,
                    Job::Brochure {
                        selection,
                        part: None,
                    },
                )),
            });
        }
        let (brochure, title) = match part {
            Some(part) => (
                brochure::build_part(
                    view,
                    chosen,
                    part,
                    &self.products_by_category[part.category],
                ),
                brochure::part_page_title(config, view.lang, chosen, part),
            ),
            None if brochure::is_split(self.catalogue, chosen) => {
                let index = brochure::index(view, chosen);
                meta.title = brochure::page_title(config, view.lang, chosen);
                meta.description = self.brochure_description(view, index.product_count);
                context.insert("brochure_index", &index);
                return "brochure-index.html";
            }
            None => (
                brochure::build(view, chosen),
                brochure::page_title(config, view.lang, chosen),
            ),
        };
        meta.title = title;
        meta.description = self.brochure_description(view, brochure.product_count);
        context.insert("brochure", &brochure);
        "brochure.html"
    }

    /// `12 products — <the catalogue's title>`.
    fn brochure_description(&self, view: &LangContext, count: usize) -> String {
        let labels = Labels::for_lang(view.lang);
        format!(
            "{count} {} — {}",
            if count == 1 {
                labels.product_one
            } else {
                labels.products_count
            },
            view.plain(&self.catalogue.config.title)
        )
    }

    fn inquiry(
        &self,
        view: &LangContext,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let labels = &Labels::for_lang(view.lang).list;
        meta.title = labels.title.to_owned();
        meta.description = labels.intro.to_owned();
        meta.breadcrumbs = vec![home_crumb(view)];
        let items = self.list_items(view.lang).url.clone();
        let settings = inquiry::PageSettings::new(view, items);
        context.insert("list_settings", &settings.to_script_json());
        "inquiry.html"
    }

    fn free_page(
        &self,
        view: &LangContext,
        index: usize,
        meta: &mut PageMeta,
        context: &mut PageContext,
    ) -> &'static str {
        let page = &self.catalogue.pages[index];
        let title = view.text(&page.title);
        let body = view
            .rich_text(&page.body)
            .unwrap_or_else(|| view.text(&page.body));
        meta.title = title.text.clone();
        meta.description = view.plain(&self.catalogue.config.description);
        meta.breadcrumbs = vec![home_crumb(view)];
        context.insert("title", &title);
        context.insert("body", &body);
        "page.html"
    }

    /// A logo as a link-preview image: its largest fallback copy.
    fn logo_image(&self, logo: &Option<views::ImageView>) -> Option<ShareImage> {
        let logo = logo.as_ref()?;
        let largest = logo.fallback.last()?;
        Some(ShareImage {
            url: format!("{}/{}", self.catalogue.config.base_url, largest.url),
            width: largest.width,
            height: largest.height,
        })
    }

    fn cards(&self, view: &LangContext, products: &[usize], page: usize) -> Vec<ProductCard> {
        products
            .iter()
            .skip((page - 1) * CARDS_PER_PAGE)
            .take(CARDS_PER_PAGE)
            .map(|&i| view.product_card(&self.catalogue.products[i]))
            .collect()
    }

    /// The root `index.html`: lets a visitor choose a language, and works without JavaScript.
    fn render_root(&self, out: &dyn SiteWriter) -> Result<(), Diagnostic> {
        let config = &self.catalogue.config;
        let choices: Vec<RootChoice> = config
            .languages
            .iter()
            .map(|lang| {
                let view = self.lang_context(lang);
                RootChoice {
                    lang: lang.clone(),
                    name: language_name(lang).to_owned(),
                    url: format!("{lang}/"),
                    title: view.plain(&config.title),
                    description: view.plain(&config.description),
                    label: Labels::for_lang(lang).choose_language,
                }
            })
            .collect();
        let default = config.default_language();
        let mut meta = PageMeta::root(config);
        let site_title = self.lang_context(default).plain(&config.title);
        meta.title.clone_from(&site_title);
        meta.set_document_title(&site_title);
        meta.image = Some(self.fallback_image.clone());
        let mut context = self.base_context(default);
        context.insert("choices", &choices);
        context.insert("page", &meta);
        let html = self.templates.render("root.html", &context)?;
        out.write_page("index.html", html.as_bytes())
    }

    /// `404.html` in the default language, with root-relative links only.
    fn render_not_found(&self, out: &dyn SiteWriter) -> Result<(), Diagnostic> {
        let config = &self.catalogue.config;
        let lang = config.default_language();
        let mut meta = PageMeta::not_found(config, lang);
        meta.title = Labels::for_lang(lang).not_found_title.to_owned();
        let view = self.lang_context(lang);
        meta.set_document_title(&view.plain(&config.title));
        meta.description = view.plain(&config.description);
        let mut context = self.base_context(lang);
        context.insert("page", &meta);
        let html = self.templates.render("404.html", &context)?;
        out.write_page("404.html", html.as_bytes())
    }

    /// The manifests, offline pages and service worker (see `offline`). The offline page is
    /// served at any address, so its links are root-relative like the 404 page's.
    fn write_offline(&self, out: &dyn SiteWriter) -> Result<(), Diagnostic> {
        let config = &self.catalogue.config;
        let mut languages = Vec::new();
        for lang in &config.languages {
            let view = self.lang_context(lang);
            let mut meta = PageMeta::not_found(config, lang);
            meta.title = Labels::for_lang(lang).offline.title.to_owned();
            meta.noindex = true;
            meta.set_document_title(&view.plain(&config.title));
            let mut context = self.base_context(lang);
            context.insert("page", &meta);
            let shared = &self.per_lang[lang.as_str()];
            languages.push(offline::Language {
                lang,
                title: view.plain(&config.title),
                description: view.plain(&config.description),
                offline_page: self
                    .templates
                    .render("offline.html", &context)?
                    .into_bytes(),
                search_index: &shared.filters.index_url,
                list_items: &self.list_items(lang).url,
            });
        }
        offline::write(&languages, self.assets, out)
    }
}

/// A tag as a link, with how many products carry it.
#[derive(Debug, Serialize)]
struct TagLink {
    name: String,
    url: String,
    count: usize,
}

/// The link-preview image of a list: that of its first product with a photo.
fn first_share_image(
    view: &LangContext,
    products: &[Product],
    members: &[usize],
) -> Option<ShareImage> {
    members.iter().find_map(|&i| view.share_image(&products[i]))
}

/// The curation statuses a visitor can filter by, in the page's language.
fn curation_choices(lang: &str) -> Vec<Choice> {
    CurationStatus::ALL
        .into_iter()
        .map(|status| Choice {
            value: status.as_str().to_owned(),
            label: status.label().pick(lang).to_owned(),
        })
        .collect()
}

/// The availability statuses a visitor can filter by, in the page's language.
fn availability_choices(lang: &str) -> Vec<Choice> {
    AvailabilityStatus::ALL
        .into_iter()
        .map(|status| Choice {
            value: status.as_str().to_owned(),
            label: status.label().pick(lang).to_owned(),
        })
        .collect()
}

#[derive(Serialize)]
struct RootChoice {
    lang: String,
    name: String,
    url: String,
    title: String,
    description: String,
    label: &'static str,
}

/// The first step of every breadcrumb trail: the home page in the page's language.
fn home_crumb(view: &LangContext) -> Link {
    Link {
        name: Labels::for_lang(view.lang).home.to_owned(),
        url: view.url(""),
    }
}

fn paged_title(name: &str, page: usize, lang: &str) -> String {
    if page <= 1 {
        name.to_owned()
    } else {
        format!("{name} — {} {page}", Labels::for_lang(lang).page)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pagination_links_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(super::shown_pages(1, 3), [1, 2, 3]);
        assert_eq!(super::shown_pages(1, 417), [1, 2, 3, 417]);
        assert_eq!(
            super::shown_pages(200, 417),
            [1, 198, 199, 200, 201, 202, 417]
        );
        assert_eq!(super::shown_pages(417, 417), [1, 415, 416, 417]);
        let links = super::pagination("id", "products/", 5, super::CARDS_PER_PAGE * 20)
            .expect("20 pages")
            .pages;
        let numbers: Vec<(usize, bool)> = links.iter().map(|l| (l.number, l.after_gap)).collect();
        assert_eq!(
            numbers,
            [
                (1, false),
                (3, true),
                (4, false),
                (5, false),
                (6, false),
                (7, false),
                (20, true)
            ]
        );
        assert_eq!(links[1].url, "id/products/page/3/");
    }
}
