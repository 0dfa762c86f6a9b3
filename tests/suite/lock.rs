//! Two commands at once on one catalogue: the second waits for the first and says whom it
//! waits for; a lock left by a killed process is taken over; builds running together leave the
//! same site and cache a single build does.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use etalase::lock::{CatalogueLock, LOCK_FILE, QUIET_WAIT};

use crate::common::*;

/// Starts `etalase build` of `catalogue` in `locale`, its output piped.
fn start_build(catalogue: &Catalogue, locale: &str) -> Child {
    etalase_command(catalogue.root(), locale)
        .arg("build")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start etalase build")
}

/// Waits for a started command and collects what it did.
fn finished(child: Child) -> Run {
    let output = child.wait_with_output().expect("wait for etalase");
    Run {
        code: output.status.code().expect("etalase exited by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Gives `child` time to reach the lock and announce its wait, and checks it is still waiting.
fn still_waiting_after_its_notice(child: &mut Child) {
    thread::sleep(QUIET_WAIT + Duration::from_secs(2));
    assert!(
        child.try_wait().expect("look at the child").is_none(),
        "the command did not wait for the lock"
    );
}

#[test]
fn a_build_waits_for_the_command_holding_the_catalogue_and_names_it() {
    let catalogue = Catalogue::copy("basic");
    let held = CatalogueLock::acquire(catalogue.root(), "import", &|_| {}).expect("lock");

    let mut build = start_build(&catalogue, "id_ID.UTF-8");
    still_waiting_after_its_notice(&mut build);
    assert!(
        !catalogue.path("output").exists(),
        "the waiting build wrote its site"
    );
    drop(held);
    let run = finished(build);

    assert_eq!(run.code, 0, "{run:#?}");
    let notice = format!(
        "menunggu `etalase import` (proses {}, sudah ",
        std::process::id()
    );
    assert_eq!(run.stderr.matches(&notice).count(), 1, "{}", run.stderr);
    assert!(catalogue.path("output/id/index.html").is_file());
}

#[test]
fn a_lock_held_by_a_killed_process_is_taken_over() {
    let catalogue = Catalogue::copy("basic");
    std::fs::create_dir_all(catalogue.path(".etalase-cache")).unwrap();
    // A real process holds the lock as etalase does (flock on the file), then is killed.
    let mut holder = Command::new("sh")
        .args([
            "-c",
            "exec 9>>\"$1\" && flock -x 9 && echo locked && exec sleep 600",
        ])
        .arg("sh")
        .arg(catalogue.path(LOCK_FILE))
        .stdout(Stdio::piped())
        .spawn()
        .expect("start sh");
    wait_for_line(&mut holder, "locked");

    let mut build = start_build(&catalogue, "C");
    still_waiting_after_its_notice(&mut build);
    holder.kill().expect("kill the holder");
    let _ = holder.wait();
    let killed = Instant::now();
    let run = finished(build);

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr
            .contains("waiting for another etalase command working on this catalogue"),
        "{}",
        run.stderr
    );
    assert!(
        killed.elapsed() < Duration::from_secs(60),
        "the build did not take the lock over"
    );
}

/// Reads the child's stdout until `line`.
fn wait_for_line(child: &mut Child, line: &str) {
    use std::io::{BufRead, BufReader};
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    assert_eq!(
        lines.next().and_then(Result::ok).as_deref(),
        Some(line),
        "the holder did not take the lock"
    );
}

#[test]
fn builds_started_together_leave_the_site_of_one_build() {
    let catalogue = Catalogue::copy("basic");
    let builds: Vec<Child> = (0..3).map(|_| start_build(&catalogue, "C")).collect();
    for build in builds {
        let run = finished(build);
        assert_eq!(run.code, 0, "{run:#?}");
    }
    let together = snapshot(&catalogue.path("output"));
    assert!(stray_files_beside(&catalogue.path("output")).is_empty());

    let alone = Catalogue::copy("basic");
    let run = etalase_in(alone.root(), ["build"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(together, snapshot(&alone.path("output")));
    assert_same_cache(catalogue.root(), alone.root());
}

/// The photo caches of two catalogues hold the same entries.
fn assert_same_cache(one: &Path, other: &Path) {
    let entries = |root: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(".etalase-cache/images"))
            .expect("a photo cache")
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(entries(one), entries(other));
}
