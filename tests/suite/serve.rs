//! `etalase serve`: partial rebuilds give the same site as a full build, and the running
//! server rebuilds on save, tells open pages to reload, shows broken content as an overlay
//! naming the file and line, and clears it once the file is fixed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::*;
use etalase::render::{is_list_file, Scope, Stage};
use etalase::serve::{Changes, Failure, Files, MemorySite, Rebuilt, Session, SiteFile};
use etalase::Purpose;
use scraper::Html;

const PRODUCT: &str = "content/products/onde-onde-isi-10";

fn changes(paths: &[&str]) -> Changes {
    Changes {
        paths: paths.iter().map(PathBuf::from).collect(),
        unknown: false,
    }
}

/// The bytes of every file of a served site, by path.
fn contents(files: &Files) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(path, file)| {
            let bytes = match file {
                SiteFile::Generated(bytes) => bytes.to_vec(),
                SiteFile::OnDisk(source) => std::fs::read(source).expect("a served file"),
            };
            (path.clone(), bytes)
        })
        .collect();
    all.sort();
    all
}

/// Starts a session, applies `edit`, rebuilds, and checks the result against a session
/// started afresh on the edited catalogue. Returns how many products and pages the rebuild
/// rendered (`None`: everything).
fn rebuild_after(edit: impl Fn(&Catalogue), changed: &[&str]) -> (Option<usize>, usize) {
    rebuild_copy_after(&Catalogue::copy("basic"), edit, changed)
}

fn rebuild_copy_after(
    catalogue: &Catalogue,
    edit: impl Fn(&Catalogue),
    changed: &[&str],
) -> (Option<usize>, usize) {
    let rebuilt = rebuilt_after(catalogue, edit, changed);
    (rebuilt.products, rebuilt.pages)
}

/// Like [`rebuild_copy_after`], with all the rebuild told, its warnings checked against the
/// fresh session's too.
fn rebuilt_after(catalogue: &Catalogue, edit: impl Fn(&Catalogue), changed: &[&str]) -> Rebuilt {
    let (mut session, first) = Session::start(catalogue.root());
    first.result.expect("the fixture builds");
    let before = contents(&session.files());
    edit(catalogue);
    let rebuilt = session
        .rebuild(&changes(changed))
        .result
        .expect("the edited fixture builds");
    assert_eq!(rebuilt.photos_processed, 0, "no photo changed");
    let (fresh, outcome) = Session::start(catalogue.root());
    let fresh_warnings = outcome.result.expect("a fresh build").warnings;
    assert_eq!(
        rebuilt.warnings, fresh_warnings,
        "the rebuild warns otherwise than a fresh build"
    );
    let after = contents(&session.files());
    assert_ne!(after, before, "the edit changed nothing in the site");
    let expected = contents(&fresh.files());
    let differing: Vec<&String> = after
        .iter()
        .zip(&expected)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| &a.0)
        .collect();
    assert_eq!(
        after.len(),
        expected.len(),
        "the rebuilt site has other files than a full build"
    );
    assert!(
        differing.is_empty(),
        "after a rebuild these files differ from a full build: {differing:?}"
    );
    rebuilt
}

/// Pages of one product in both languages. The products page names the search index's entry
/// at a fixed address, so a text edit does not render it (issue 22).
const PRODUCT_AND_INDEX_PAGES: usize = 2;

#[test]
fn editing_a_products_text_renders_its_own_pages_only_and_matches_a_full_build() {
    let rendered = rebuild_after(
        |c| {
            c.write(
                &format!("{PRODUCT}/id.md"),
                "Onde-onde baru, kini isi kacang merah.\n",
            )
        },
        &["content/products/onde-onde-isi-10/id.md"],
    );
    assert_eq!(rendered, (Some(1), PRODUCT_AND_INDEX_PAGES));
}

#[test]
fn a_text_edit_reads_only_the_edited_product_again() {
    let rebuilt = rebuilt_after(
        &Catalogue::copy("basic"),
        |c| c.write(&format!("{PRODUCT}/id.md"), "Isi kacang hijau pilihan.\n"),
        &["content/products/onde-onde-isi-10/id.md"],
    );
    assert_eq!(rebuilt.entries_read, Some(1));
}

#[test]
fn a_warning_an_edit_brings_is_told_as_a_full_read_would_tell_it() {
    let rebuilt = rebuilt_after(
        &Catalogue::copy("basic"),
        |c| {
            c.replace(
                &format!("{PRODUCT}/product.yaml"),
                ", en: Onde-onde Box of 10 }",
                " }",
            )
        },
        &["content/products/onde-onde-isi-10/product.yaml"],
    );
    assert_eq!(rebuilt.entries_read, Some(1));
    let about_name = rebuilt
        .warnings
        .iter()
        .filter(|w| w.field.as_deref() == Some("name"))
        .count();
    assert_eq!(about_name, 1, "{:?}", rebuilt.warnings);
}

#[test]
fn after_a_broken_save_the_fix_reads_the_whole_catalogue_and_matches_a_full_build() {
    let catalogue = Catalogue::copy("basic");
    let (mut session, first) = Session::start(catalogue.root());
    first.result.expect("the fixture builds");
    let yaml = format!("{PRODUCT}/product.yaml");
    let changed = changes(&["content/products/onde-onde-isi-10/product.yaml"]);
    catalogue.replace(&yaml, "amount: 35000", "amount: tiga puluh ribu");
    let broken = session.rebuild(&changed).result;
    assert!(matches!(broken, Err(Failure::Content(_))), "{broken:?}");
    catalogue.replace(&yaml, "amount: tiga puluh ribu", "amount: 36000");
    let fixed = session.rebuild(&changed).result.expect("the fix builds");
    assert_eq!(fixed.entries_read, None);
    let (fresh, outcome) = Session::start(catalogue.root());
    outcome.result.expect("a fresh build");
    assert!(contents(&session.files()) == contents(&fresh.files()));
}

#[test]
fn with_cards_of_its_own_a_theme_gets_the_lists_rendered_after_a_text_edit() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        "templates/partials/product-card.html",
        "<p class=\"card-summary\">{{ card.summary.text }}</p>\n",
    );
    let (products, pages) = rebuild_copy_after(
        &catalogue,
        |c| c.write(&format!("{PRODUCT}/id.md"), "Ringkasan baru untuk kartu.\n"),
        &["content/products/onde-onde-isi-10/id.md"],
    );
    assert_eq!(products, Some(1));
    assert!(pages > PRODUCT_AND_INDEX_PAGES, "{pages} pages");
}

#[test]
fn editing_a_price_renders_its_pages_and_lists_only_and_matches_a_full_build() {
    let (products, pages) = rebuild_after(
        |c| c.replace(&format!("{PRODUCT}/product.yaml"), "35000", "37500"),
        &["content/products/onde-onde-isi-10/product.yaml"],
    );
    assert_eq!(products, Some(1));
    assert!(pages > PRODUCT_AND_INDEX_PAGES, "{pages} pages");
}

#[test]
fn moving_a_product_to_another_category_renders_everything_and_matches_a_full_build() {
    let (products, _) = rebuild_after(
        |c| {
            c.replace(
                &format!("{PRODUCT}/product.yaml"),
                "category: makanan-minuman",
                "category: batik",
            )
        },
        &["content/products/onde-onde-isi-10/product.yaml"],
    );
    assert_eq!(products, None);
}

#[test]
fn moving_a_product_to_another_producer_reads_the_whole_catalogue_again() {
    let rebuilt = rebuilt_after(
        &Catalogue::copy("basic"),
        |c| {
            c.replace(
                &format!("{PRODUCT}/product.yaml"),
                "producer: onde-onde-bu-sri",
                "producer: batik-sekar-jagad",
            )
        },
        &["content/products/onde-onde-isi-10/product.yaml"],
    );
    assert_eq!(rebuilt.entries_read, None);
}

#[test]
fn editing_the_product_whose_photo_previews_every_page_renders_everything() {
    let (products, _) = rebuild_after(
        |c| {
            c.replace(
                "content/products/batik-tulis-surya/product.yaml",
                "min_order: 10",
                "min_order: 12",
            )
        },
        &["content/products/batik-tulis-surya/product.yaml"],
    );
    assert_eq!(products, None);
}

#[test]
fn changing_a_template_renders_everything_and_matches_a_full_build() {
    let (products, _) = rebuild_after(
        |c| {
            let theme = repo_root().join("themes/default/templates");
            let card = std::fs::read_to_string(theme.join("partials/price.html")).unwrap();
            c.write(
                "templates/partials/price.html",
                format!("<span class=\"resmi\">Harga resmi:</span> {card}"),
            )
        },
        &["templates/partials/price.html"],
    );
    assert_eq!(products, None);
}

#[test]
fn serve_shows_the_pages_first_and_holds_requests_for_what_the_lists_stage_writes() {
    let catalogue = Catalogue::copy("basic");
    let loaded = etalase::load_with(catalogue.root(), Purpose::Build).expect("the fixture");
    let written = |stage| {
        let site = MemorySite::default();
        etalase::write_site(&loaded, &site, &Scope::Everything, stage).expect("it renders");
        contents(&site.into_files())
    };
    let (pages, lists, all) = (
        written(Stage::Pages),
        written(Stage::Lists),
        written(Stage::All),
    );
    let held: Vec<&String> = pages
        .iter()
        .map(|(path, _)| path)
        .filter(|path| is_list_file(path))
        .collect();
    assert!(held.is_empty(), "pages held back as lists: {held:?}");
    let unheld: Vec<&String> = lists
        .iter()
        .map(|(path, _)| path)
        .filter(|path| !is_list_file(path))
        .collect();
    assert!(unheld.is_empty(), "lists not held back: {unheld:?}");
    for list in ["id/products/search/index.json", "en/atom.xml", "sw.js"] {
        assert!(lists.iter().any(|(path, _)| path == list), "{list}");
    }
    let mut both = [pages, lists].concat();
    both.sort();
    assert!(both == all, "the two stages together differ from a build");
}

// ------------------------------------------------------------------ the running server

/// `etalase serve` running on a catalogue; killed when dropped.
struct Server {
    child: Child,
    /// Where it said it serves.
    address: SocketAddr,
    port: u16,
    log: Receiver<String>,
    /// The lines read from `log` so far.
    seen: Vec<String>,
}

impl Server {
    fn start(catalogue: &Catalogue) -> Server {
        // A port nobody uses right now; serve moves to the next one if it is taken meanwhile.
        let (probe, port) = etalase::serve::bind(LOOPBACK, free_port_guess()).expect("a free port");
        drop(probe);
        Server::start_on(catalogue, port)
    }

    fn start_on(catalogue: &Catalogue, port: u16) -> Server {
        Server::spawn(catalogue.root(), &["--port", &port.to_string()], &[])
    }

    /// Runs `etalase serve --root ROOT ARGS…` and waits until it says where it serves.
    fn spawn(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_etalase"))
            .args(["serve", "--root"])
            .arg(root)
            .args(args)
            .env("LANG", "C")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start etalase serve");
        let log = forward_lines(child.stderr.take().expect("stderr"));
        let mut server = Server {
            child,
            address: SocketAddr::new(LOOPBACK, 0),
            port: 0,
            log,
            seen: Vec::new(),
        };
        let line = server.wait_for_line(|l| {
            (l.starts_with("serving ") || l.starts_with("menyajikan ")) && l.contains(" http://")
        });
        server.address = address_in(&line);
        server.port = server.address.port();
        server
    }

    /// Waits for a line of the terminal output, up to 30 s (a first build makes photos).
    fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.log.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("etalase serve did not print the expected line");
    }

    fn get(&self, path: &str) -> http::Reply {
        http::get_at(self.address, path)
    }

    /// The page once `ready` holds for it, fetched again for up to 10 s: a save written in
    /// two steps may be seen half-written by one rebuild and whole by the next.
    fn page_when(&self, path: &str, ready: impl Fn(&Html) -> bool) -> Html {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let page = Html::parse_document(&self.get(path).body);
            if ready(&page) || Instant::now() > deadline {
                return page;
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn page(&self, path: &str) -> Html {
        let reply = self.get(path);
        assert_eq!(reply.status, 200, "GET {path}");
        Html::parse_document(&reply.body)
    }

    /// Subscribes to the reload events.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(self.address).expect("connect");
        write!(
            stream,
            "GET /__etalase/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.address
        )
        .expect("send");
        let mut events = Events {
            lines: forward_lines(stream),
        };
        assert_eq!(events.next_event(), "hello");
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port to start looking from, different for concurrent test processes.
fn free_port_guess() -> u16 {
    20_000 + (std::process::id() % 20_000) as u16
}

/// The server-sent events of one connection.
struct Events {
    lines: Receiver<String>,
}

impl Events {
    /// The name of the next event, waiting up to 20 s.
    fn next_event(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(name) = line.strip_prefix("event: ") {
                        return name.trim().to_owned();
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no event came from the server");
    }
}

fn forward_lines(source: impl Read + Send + 'static) -> Receiver<String> {
    let (sender, lines) = channel();
    thread::spawn(move || {
        for line in BufReader::new(source).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    lines
}

/// The default interface of `serve`.
const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// The `HOST:PORT` of the `http://HOST:PORT/` address in a line `serve` printed.
fn address_in(line: &str) -> SocketAddr {
    let url = line.split("http://").nth(1).expect("an address");
    let host_port = url.split('/').next().expect("host and port");
    host_port
        .parse()
        .unwrap_or_else(|_| panic!("an address: {line}"))
}

fn text_of(page: &Html, css: &str) -> String {
    select(page, css)
        .first()
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .unwrap_or_else(|| panic!("no {css} on the page"))
}

#[test]
fn the_server_rebuilds_on_save_reloads_pages_and_shows_broken_content_until_fixed() {
    let catalogue = Catalogue::copy("basic");
    let mut server = Server::start(&catalogue);
    let page_path = "/id/products/onde-onde-isi-10/";

    let page = server.page(page_path);
    let scripts: Vec<_> = select(&page, "script[src='/__etalase/live.js']");
    assert_eq!(
        scripts.len(),
        1,
        "the live-reload script is on served pages"
    );
    assert!(select(&page, "#etalase-errors").is_empty());
    let script = server.get("/__etalase/live.js");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("EventSource"));

    // Saving a change rebuilds the page and signals a reload.
    let mut events = server.events();
    catalogue.replace(
        &format!("{PRODUCT}/product.yaml"),
        "id: \"Onde-onde <b>Isi</b> 10 & \\\"Spesial\\\"\"",
        "id: \"Onde-onde Isi 12\"",
    );
    assert_eq!(events.next_event(), "reload");
    let page = server.page_when(page_path, |p| text_of(p, "h1") == "Onde-onde Isi 12");
    assert_eq!(text_of(&page, "h1"), "Onde-onde Isi 12");

    // Broken content: the server keeps running, and pages show what to fix over the last
    // good build.
    let yaml = format!("{PRODUCT}/product.yaml");
    catalogue.replace(
        &yaml,
        "price: { amount: 35000 }",
        "price: { amount: banyak }",
    );
    let broken_line = line_of(&catalogue.read(&yaml), "amount: banyak");
    assert_eq!(events.next_event(), "reload");
    server.wait_for_line(|l| l.contains("still serving the last good build"));
    let page = server.page_when(page_path, |p| {
        !select(p, "#etalase-errors .file").is_empty()
    });
    assert_eq!(text_of(&page, "h1"), "Onde-onde Isi 12");
    let errors = select(&page, "#etalase-errors li");
    assert!(!errors.is_empty(), "the overlay lists the errors");
    let named: Vec<_> = errors
        .iter()
        .filter(|li| {
            let file = li
                .select(&selector(".file"))
                .next()
                .map(|f| f.text().collect::<String>());
            file.as_deref() == Some(yaml.as_str())
        })
        .collect();
    assert_eq!(named.len(), 1, "one error names {yaml}");
    let line: String = named[0]
        .select(&selector(".line"))
        .next()
        .expect("the error names a line")
        .text()
        .collect();
    assert_eq!(line, broken_line.to_string());
    // The line of the file, with a caret under the value, as the terminal shows it.
    let source: String = named[0]
        .select(&selector("pre.source"))
        .next()
        .expect("the error shows its line of the file")
        .text()
        .collect();
    let caret = format!("{}^^^^^^", " ".repeat("price: { amount: ".len()));
    assert!(
        source.contains(&format!("{broken_line} | price: {{ amount: banyak }}\n"))
            && source.ends_with(&caret),
        "{source}"
    );
    let other = Html::parse_document(&server.get("/en/").body);
    assert_eq!(
        select(&other, "#etalase-errors").len(),
        1,
        "every page shows it"
    );

    // Fixing the file clears the overlay.
    catalogue.replace(
        &yaml,
        "price: { amount: banyak }",
        "price: { amount: 36000 }",
    );
    assert_eq!(events.next_event(), "reload");
    let page = server.page_when(page_path, |p| select(p, "#etalase-errors").is_empty());
    assert!(select(&page, "#etalase-errors").is_empty());
    assert!(
        text_of(&page, ".price-line").contains("36"),
        "the fixed price is shown"
    );
}

#[test]
fn the_server_answers_folders_redirects_and_missing_pages_like_a_static_host() {
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let redirect = server.get("/id/products");
    assert_eq!(redirect.status, 301);
    assert!(redirect
        .headers
        .lines()
        .any(|h| h.eq_ignore_ascii_case("location: /id/products/")));
    let missing = server.get("/id/products/tidak-ada/");
    assert_eq!(missing.status, 404);
    let page = Html::parse_document(&missing.body);
    assert_eq!(select(&page, "script[src='/__etalase/live.js']").len(), 1);
    let css = server.get("/style.css");
    assert_eq!(css.status, 200);
    assert!(css
        .headers
        .to_ascii_lowercase()
        .contains("content-type: text/css"));
}

#[test]
fn a_built_site_never_carries_the_live_reload_script() {
    let site = build_fixture("basic");
    for entry in walkdir::WalkDir::new(site.path()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let page = Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
            let live: Vec<_> = select(&page, "script[src*='__etalase']");
            assert!(
                live.is_empty(),
                "{} has the live script",
                entry.path().display()
            );
        }
    }
}

#[test]
fn a_taken_port_makes_the_server_take_the_next_free_one_and_say_so() {
    let catalogue = Catalogue::copy("basic");
    let (taken, port) =
        etalase::serve::bind(LOOPBACK, free_port_guess() + 100).expect("a free port");
    let server = Server::start_on(&catalogue, port);
    assert_ne!(server.port, port);
    let page = server.page("/id/");
    assert!(!select(&page, "h1, .hero").is_empty());
    let said = server
        .seen
        .iter()
        .any(|l| l.contains(&format!("port {port} is in use")));
    assert!(
        said,
        "serve names the port it could not take: {:?}",
        server.seen
    );
    drop(taken);
}

#[test]
fn open_asks_the_desktop_to_open_the_served_address() {
    let catalogue = Catalogue::copy("basic");
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened.txt");
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        // Written beside, then renamed: the test must never read a half-written file.
        format!(
            "#!/bin/sh\necho \"$@\" > {0}.part && mv {0}.part {0}\n",
            opened.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap()
    );
    let server = Server::spawn(
        catalogue.root(),
        &["--open", "--port", &(free_port_guess() + 200).to_string()],
        &[("PATH", path.as_str())],
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !opened.exists() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    let asked = std::fs::read_to_string(&opened).expect("xdg-open was run");
    assert_eq!(asked.trim(), format!("http://127.0.0.1:{}/", server.port));
}

#[test]
fn a_catalogue_broken_from_the_start_is_served_as_its_errors_until_fixed() {
    let catalogue = Catalogue::copy("basic");
    let yaml = format!("{PRODUCT}/product.yaml");
    catalogue.replace(&yaml, "category: makanan-minuman", "category: makanan");
    let server = Server::start(&catalogue);
    let reply = server.get("/id/");
    let page = Html::parse_document(&reply.body);
    let files: Vec<String> = select(&page, "#etalase-errors li .file")
        .iter()
        .map(|f| f.text().collect())
        .collect();
    assert_eq!(files, vec![yaml.clone()]);
    let mut events = server.events();
    catalogue.replace(&yaml, "category: makanan", "category: makanan-minuman");
    assert_eq!(events.next_event(), "reload");
    let page = server.page_when("/id/", |p| select(p, "#etalase-errors").is_empty());
    assert!(select(&page, "#etalase-errors").is_empty());
    assert!(!select(&page, "main").is_empty(), "the home page is served");
}

#[test]
fn the_overlay_speaks_the_editors_language() {
    let catalogue = Catalogue::copy("basic");
    let yaml = format!("{PRODUCT}/product.yaml");
    catalogue.replace(&yaml, "category: makanan-minuman", "category: makanan");
    let port = (free_port_guess() + 300).to_string();
    let server = Server::spawn(catalogue.root(), &["--lang", "id", "--port", &port], &[]);
    let page = Html::parse_document(&server.get("/id/").body);
    let overlay = select(&page, "#etalase-errors");
    assert_eq!(overlay.len(), 1);
    assert_eq!(overlay[0].value().attr("lang"), Some("id"));
    let title = etalase::messages::OVERLAY_TITLE
        .arg("count", 1)
        .render(etalase::messages::Lang::Id);
    assert_eq!(text_of(&page, "#etalase-errors h2"), title);
    let hint: String = select(&page, "#etalase-errors .hint")[0].text().collect();
    assert!(hint.starts_with("petunjuk: "), "{hint}");
}

/// Every wrong value of a file is in the overlay, each with its own line.
#[test]
fn the_overlay_lists_every_wrong_value_of_a_file() {
    let catalogue = Catalogue::copy("basic");
    let yaml = format!("{PRODUCT}/product.yaml");
    catalogue.replace(
        &yaml,
        "price: { amount: 35000 }",
        "price: { amount: banyak }",
    );
    catalogue.replace(&yaml, "unit: { id: kotak, en: box }", "unit: [kotak]");
    catalogue.replace(&yaml, "  status: siap", "  status: [siap]");
    let text = catalogue.read(&yaml);
    let port = (free_port_guess() + 310).to_string();
    let server = Server::spawn(catalogue.root(), &["--port", &port], &[]);
    let page = Html::parse_document(&server.get("/id/").body);
    let lines: Vec<String> = select(&page, "#etalase-errors li")
        .iter()
        .filter(|li| {
            li.select(&selector(".file"))
                .next()
                .is_some_and(|f| f.text().collect::<String>() == yaml)
        })
        .map(|li| {
            li.select(&selector(".line"))
                .next()
                .expect("each names its line")
                .text()
                .collect()
        })
        .collect();
    let expected: Vec<String> = ["amount: banyak", "unit: [kotak]", "status: [siap]"]
        .iter()
        .map(|written| line_of(&text, written).to_string())
        .collect();
    assert_eq!(lines, expected);
}

// ------------------------------------------------------------------ --interface

impl Server {
    /// The lines printed after those read so far, until none comes for a second.
    fn more_lines(&mut self) -> Vec<String> {
        let mut lines = Vec::new();
        while let Ok(line) = self.log.recv_timeout(Duration::from_secs(1)) {
            self.seen.push(line.clone());
            lines.push(line);
        }
        lines
    }
}

/// The live-reload script is on the page, and the events it asks for answer at `address`.
fn assert_live_reload_at(address: SocketAddr, page: &Html) {
    assert_eq!(select(page, "script[src='/__etalase/live.js']").len(), 1);
    let script = http::get_at(address, "/__etalase/live.js").body;
    // The script asks the host that served the page, whichever that is.
    assert!(script.contains("new EventSource(\"/__etalase/events\")"));
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET /__etalase/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .expect("send");
    let mut events = Events {
        lines: forward_lines(stream),
    };
    assert_eq!(events.next_event(), "hello");
}

#[test]
fn interface_binds_the_address_asked_for_and_only_that_one() {
    let catalogue = Catalogue::copy("basic");
    let port = (free_port_guess() + 600).to_string();
    let mut server = Server::spawn(
        catalogue.root(),
        &["--interface", "127.0.0.2", "--port", &port],
        &[],
    );
    assert_eq!(server.address.ip().to_string(), "127.0.0.2");
    let page = server.page("/id/");
    assert_live_reload_at(server.address, &page);
    let default = SocketAddr::new(LOOPBACK, server.port);
    assert!(
        TcpStream::connect(default).is_err(),
        "nothing listens on 127.0.0.1"
    );
    // A loopback address is this computer only: no network announcement.
    let more = server.more_lines();
    assert!(!more.iter().any(|l| l.contains("visible")), "{more:?}");
}

/// The QR code drawn with half blocks (light modules drawn) back as a greyscale bitmap, two
/// pixels a module, and what it says.
fn decode_terminal_qr(lines: &[String]) -> String {
    const SCALE: usize = 4;
    let rows: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    let width = rows[0].len() * SCALE;
    let height = rows.len() * 2 * SCALE;
    let mut pixels = vec![255u8; width * height];
    for (row, chars) in rows.iter().enumerate() {
        assert_eq!(chars.len(), rows[0].len(), "a square code");
        for (column, c) in chars.iter().enumerate() {
            let (upper, lower) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                ' ' => (false, false),
                other => panic!("{other:?} in the code"),
            };
            for (half, light) in [(0, upper), (1, lower)] {
                for dy in 0..SCALE {
                    for dx in 0..SCALE {
                        let y = (row * 2 + half) * SCALE + dy;
                        pixels[y * width + column * SCALE + dx] = if light { 255 } else { 0 };
                    }
                }
            }
        }
    }
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in\n{}", lines.join("\n"));
    grids[0].decode().expect("a readable code").1
}

#[test]
fn every_interface_shows_the_network_address_its_qr_code_and_reloads_there() {
    let catalogue = Catalogue::copy("basic");
    let port = (free_port_guess() + 700).to_string();
    let mut server = Server::spawn(
        catalogue.root(),
        &["--interface", "0.0.0.0", "--port", &port],
        &[],
    );
    // This computer's own browser opens the loopback address.
    assert_eq!(server.address, SocketAddr::new(LOOPBACK, server.port));
    let more = server.more_lines();
    let visible = more
        .iter()
        .position(|l| l.starts_with("listening on 0.0.0.0: the preview is now visible"))
        .unwrap_or_else(|| panic!("no announcement in {more:?}"));
    if more
        .iter()
        .any(|l| l.starts_with("no network address of this computer was found"))
    {
        eprintln!("skipped the network request: this machine has no network address");
        return;
    }
    let shown = more
        .iter()
        .position(|l| l.starts_with("on a phone in the same network, open http://"))
        .unwrap_or_else(|| panic!("no network address in {more:?}"));
    let network = address_in(&more[shown]);
    assert!(!network.ip().is_loopback() && !network.ip().is_unspecified());
    assert_eq!(network.port(), server.port);
    let code = decode_terminal_qr(&more[shown + 1..visible]);
    assert_eq!(code, format!("http://{network}/"));
    // A request from the network reaches the site, and live reload answers there.
    let reply = http::get_at(network, "/id/");
    assert_eq!(reply.status, 200);
    assert_live_reload_at(network, &Html::parse_document(&reply.body));
}

#[test]
fn an_interface_this_computer_does_not_have_is_a_usage_error() {
    let catalogue = Catalogue::copy("basic");
    // TEST-NET-3: documentation only, never an address of this machine.
    let run = etalase_in(
        catalogue.root(),
        ["serve", "--interface", "203.0.113.7", "--port", "1111"],
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr
            .contains("error: cannot listen on 203.0.113.7 at port 1111 or the ones after it: "),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("an --interface address of this computer"));
    let run = etalase_in(catalogue.root(), ["serve", "--interface", "my-laptop"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("--interface"), "{}", run.stderr);
}

/// The offline worker would answer pages from its cache: under `serve`, whose live reload must
/// always show the newest build, the theme's script registers none.
#[test]
fn served_pages_register_no_service_worker() {
    let Some(h) = crate::common::browser::harness() else {
        return;
    };
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let page = h.fresh_profile();
    let url = crate::common::browser::js_string(&format!("http://{}/id/", server.address));
    // Not waiting for the whole load (photos from a busy server): etalase.js has run once it
    // shows the inquiry list's badge.
    page.eval(&format!("location.href = {url}"));
    page.wait_until(&format!(
        "location.href === {url} && !!document.querySelector('[data-list-badge]:not([hidden])')"
    ));
    thread::sleep(Duration::from_millis(500));
    assert_eq!(
        page.eval("navigator.serviceWorker.getRegistrations().then((r) => r.length)"),
        0
    );
}

// ---------------------------------------------------------------- clients that misbehave

/// A client that opens many connections and sends nothing keeps no page from loading: each
/// connection waits on a thread of its own, and idle ones are closed after a while.
#[test]
fn many_silent_connections_keep_no_page_from_loading() {
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let silent: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(server.address).expect("connect"))
        .collect();
    let page = server.page("/id/");
    assert!(!select(&page, "h1, .hero").is_empty());
    let css = server.get("/style.css");
    assert_eq!(css.status, 200);
    drop(silent);
}

/// Sends `line` on a new connection in the background; how many bytes went out before the
/// server stopped reading (the writes fail or wait in vain) or all had.
fn send_in_background(
    address: SocketAddr,
    parts: Vec<Vec<u8>>,
) -> (TcpStream, thread::JoinHandle<usize>) {
    let stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("a second handle");
    writer
        .set_write_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let sending = thread::spawn(move || {
        let mut sent = 0;
        for part in parts {
            if writer.write_all(&part).is_err() {
                break;
            }
            sent += part.len();
        }
        sent
    });
    (stream, sending)
}

/// What the server answered on `stream` before closing it: `Some(status)`, or `None` when it
/// closed the connection (or reset it) without an answer. Panics when it neither answered nor
/// closed within the read timeout.
fn answer_or_close(mut stream: TcpStream) -> Option<u16> {
    let mut reply = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => reply.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("the server neither answered nor closed: {e}"),
        }
    }
    let text = String::from_utf8_lossy(&reply);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
}

/// A request line of 1 MB is refused (431) or its connection closed, not read to its end, and
/// the server goes on answering.
#[test]
fn a_request_line_of_a_megabyte_is_refused_and_the_server_goes_on() {
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let mut line = b"GET /".to_vec();
    line.resize(1024 * 1024, b'a');
    line.extend_from_slice(b" HTTP/1.1\r\nHost: x\r\n\r\n");
    let (stream, sending) = send_in_background(server.address, vec![line]);
    let status = answer_or_close(stream);
    assert!(matches!(status, None | Some(431)), "answered {status:?}");
    sending.join().expect("the sender");
    assert_eq!(server.get("/id/").status, 200);
}

/// A header line that never ends is not kept in memory: the server stops reading it after a
/// few kilobytes (so the sender's writes stop going out long before 64 MB), answers or closes,
/// and goes on answering others.
#[test]
fn an_endless_header_line_is_cut_off_not_kept() {
    const OFFERED: usize = 64 * 1024 * 1024;
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let mut parts = vec![b"GET /id/ HTTP/1.1\r\nHost: x\r\nX-Endless: ".to_vec()];
    parts.extend((0..OFFERED / 65536).map(|_| vec![b'a'; 65536]));
    let (stream, sending) = send_in_background(server.address, parts);
    let status = answer_or_close(stream);
    assert!(matches!(status, None | Some(431)), "answered {status:?}");
    let sent = sending.join().expect("the sender");
    // What went out is what the kernel's buffers took after the server stopped reading.
    assert!(
        sent < OFFERED / 2,
        "the server read {sent} bytes of one header"
    );
    assert_eq!(server.get("/id/").status, 200);
}

/// Two requests sent at once on one kept-alive connection (pipelined, as some clients do)
/// are both answered, in order, and the connection stays open for a third.
#[test]
fn requests_on_one_kept_alive_connection_are_all_answered_in_order() {
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let mut stream = TcpStream::connect(server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let host = server.address;
    write!(
        stream,
        "GET /style.css HTTP/1.1\r\nHost: {host}\r\n\r\nHEAD /id/ HTTP/1.1\r\nHost: {host}\r\n\r\n"
    )
    .expect("send");
    let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
    let css = read_one_answer(&mut reader, false);
    assert_eq!(css.0, 200);
    assert!(css
        .1
        .to_ascii_lowercase()
        .contains("content-type: text/css"));
    let head = read_one_answer(&mut reader, true);
    assert_eq!(head.0, 200);
    assert!(head.2.is_empty(), "HEAD has no body");
    write!(
        stream,
        "GET /nothing-here HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send a third");
    let missing = read_one_answer(&mut reader, false);
    assert_eq!(missing.0, 404);
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).expect("the close");
    assert!(rest.is_empty(), "nothing after the last answer");
}

/// One answer from `reader`: status, head, body (by its Content-Length; none for HEAD).
fn read_one_answer(reader: &mut impl BufRead, head_only: bool) -> (u16, String, Vec<u8>) {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("a head line");
        assert!(!line.is_empty(), "the connection closed before an answer");
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .expect("a Content-Length");
    let mut body = vec![0; if head_only { 0 } else { length }];
    reader.read_exact(&mut body).expect("the body");
    (status, head, body)
}

/// A browser reusing its kept-alive connections for page after page gets every request
/// answered, so every load finishes. Under tiny_http 2 loads in 344 never did; twelve loads
/// catch a fault that rare only now and then, `bench/load-probe.py` counts it
/// (docs/benchmarks.md, "Page loads that never finish").
#[test]
fn a_browser_loading_page_after_page_gets_every_load_finished() {
    let Some(h) = crate::common::browser::harness() else {
        return;
    };
    let catalogue = Catalogue::copy("basic");
    let server = Server::start(&catalogue);
    let page = h.fresh_profile();
    for round in 0..12 {
        let path = ["/id/products/", "/en/products/", "/id/"][round % 3];
        // `goto` waits for `document.readyState === 'complete'`: every photo and script
        // answered.
        page.goto(&format!("http://{}{path}", server.address));
    }
}
