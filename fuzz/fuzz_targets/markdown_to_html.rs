//! Any text through the Markdown path (front matter split, HTML, summary, search words, links):
//! never a panic, and the HTML never holds a script-capable element, an event handler or a
//! script-running URL.
#![no_main]

use etalase::markdown;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/safety.rs"]
mod safety;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let split = markdown::split_front_matter(text);
    let photo_key = |name: &str| {
        name.len()
            .is_multiple_of(2)
            .then(|| format!("content/x/{name}"))
    };
    let html = markdown::to_html(split.body, &photo_key);
    let problems = safety::fragment_problems(&html);
    assert!(problems.is_empty(), "{problems:?} in {html:?}");
    let _ = markdown::summary(split.body, 160);
    let _ = markdown::words(split.body);
    let _ = markdown::links(split.body);
    let _ = markdown::images_without_alt(split.body);
    let _ = markdown::local_images(split.body);
});
