//! Writes what the merge decided: each file through a temporary file renamed into place, so a
//! file is never left half-written; nothing at all with `--dry-run`.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use super::merge::{Outcome, Write};
use super::report::Report;
use crate::content::io_reason;
use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// Writes every outcome's files (unless `dry_run`) and adds what happened to `report`.
pub fn apply(root: &Path, outcomes: Vec<Outcome>, dry_run: bool, report: &mut Report) {
    for outcome in outcomes {
        let troubled = !outcome.problems.is_empty() || !outcome.row_problems.is_empty();
        report.file_problems.extend(outcome.problems);
        report.problems.extend(outcome.row_problems);
        report.conflicts.extend(outcome.conflicts);
        if troubled {
            report.rows_skipped += 1;
            continue;
        }
        if !dry_run {
            if let Err(problem) = write_all(root, &outcome.writes) {
                report.file_problems.push(problem);
                continue;
            }
        }
        match outcome.change {
            Some(change) => report.changes.push(change),
            None => report.unchanged += 1,
        }
    }
}

fn write_all(root: &Path, writes: &[Write]) -> Result<(), Diagnostic> {
    // An entry's files share one folder: made once, not once per file.
    let mut folder_made: Option<&Path> = None;
    for write in writes {
        let target = root.join(write.file());
        let failed = |error: std::io::Error| {
            Diagnostic::error(
                write.file(),
                msg::CANNOT_BE_WRITTEN.nested("reason", io_reason(&error)),
            )
        };
        let folder = target.parent().unwrap_or(root);
        if folder_made != write.file().parent() {
            fs::create_dir_all(folder).map_err(failed)?;
            folder_made = write.file().parent();
        }
        let mut temporary = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
        match write {
            Write::Text { text, .. } => temporary.write_all(text.as_bytes()).map_err(failed)?,
            Write::Copy { from, .. } => {
                let mut source = fs::File::open(from).map_err(failed)?;
                std::io::copy(&mut source, &mut temporary).map_err(failed)?;
            }
        }
        temporary
            .persist(&target)
            .map_err(|error| failed(error.error))?;
    }
    Ok(())
}
