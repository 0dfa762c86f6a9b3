//! The order the photo jobs run in and how their files reach the workers. The biggest photo
//! goes first, so the last jobs to finish are small ones and no core idles long at the end;
//! and a reader thread brings the files of the next few jobs into memory while the workers
//! decode and encode, so a worker seldom waits on the disk. Jobs that will not read their
//! file (their photo is in the cache) run last and are not read ahead.

use std::cmp::Reverse;
use std::fs::{self, File};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

/// Files read ahead of the workers, per worker: the next photo of each worker is in memory
/// while it works on the current one. A 3000×2250 JPEG (1.4 MB) takes about 0.17 s of CPU;
/// read from this machine's disk with the page cache dropped, 0.05–0.1 s.
const READ_AHEAD_PER_WORKER: usize = 2;

/// The reader reads files in pieces of this size and keeps none of them.
const READ_PIECE: usize = 256 << 10;

/// The reader stops at this many bytes of one file: bigger photos are refused by the size
/// limit anyway, and the job reads what it needs itself.
const READ_AHEAD_MAX_FILE: u64 = 64 << 20;

/// Runs `work` on every item on rayon's threads, the item whose file (`path`) is biggest
/// first, while a reader thread reads the files of the items about to start. An item whose
/// `path` is `None` will not read a file: it runs after the others and nothing is read for it.
/// The results come back in the order of `items`, whatever order they ran in.
pub fn biggest_first<T, R>(
    items: &[T],
    path: impl Fn(&T) -> Option<&Path> + Sync,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let paths: Vec<Option<&Path>> = items.iter().map(&path).collect();
    let order = order_by_size(paths.iter().map(|p| p.map_or(0, file_size)));
    let workers = rayon::current_num_threads().max(1);
    let ahead = workers * READ_AHEAD_PER_WORKER;
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(items.len()));
    let (wanted, requests) = mpsc::channel::<&Path>();
    std::thread::scope(|scope| {
        scope.spawn(move || read_ahead(requests));
        for &i in order.iter().take(ahead) {
            if let Some(file) = paths[i] {
                let _ = wanted.send(file);
            }
        }
        let (order, next, results, paths, work) = (&order, &next, &results, &paths, &work);
        rayon::scope(|pool| {
            for _ in 0..workers {
                let wanted = wanted.clone();
                pool.spawn(move |_| loop {
                    let started = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(started) else {
                        break;
                    };
                    if let Some(file) = order.get(started + ahead).and_then(|&later| paths[later]) {
                        let _ = wanted.send(file);
                    }
                    let result = work(&items[i]);
                    if let Ok(mut results) = results.lock() {
                        results.push((i, result));
                    }
                });
            }
        });
        // The reader ends when the last sender is gone.
        drop(wanted);
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_unstable_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Indexes of `sizes`, biggest first; equal sizes keep their order, so every run of the
/// same catalogue starts its jobs in the same order.
fn order_by_size(sizes: impl Iterator<Item = u64>) -> Vec<usize> {
    let mut order: Vec<(u64, usize)> = sizes.enumerate().map(|(i, size)| (size, i)).collect();
    order.sort_by_key(|&(size, i)| (Reverse(size), i));
    order.into_iter().map(|(_, i)| i).collect()
}

/// A file's size; 0 when it cannot be read (its job then says why).
fn file_size(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |meta| meta.len())
}

/// Reads each requested file and throws the bytes away: the kernel keeps them in its page
/// cache, where the job's own reads find them. Errors are left for the job to report.
fn read_ahead(requests: mpsc::Receiver<&Path>) {
    let mut piece = vec![0; READ_PIECE];
    for path in requests {
        let Ok(file) = File::open(path) else {
            continue;
        };
        let mut file = file.take(READ_AHEAD_MAX_FILE);
        while matches!(file.read(&mut piece), Ok(n) if n > 0) {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn biggest_files_go_first_and_ties_keep_their_order() {
        assert_eq!(order_by_size([5, 9, 5, 1, 9].into_iter()), [1, 4, 0, 2, 3]);
    }

    #[test]
    fn items_without_a_file_run_after_the_others_and_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.jpg");
        fs::write(&big, vec![1u8; 5000]).unwrap();
        let items = vec![None, Some(big.clone()), None];
        let started = Mutex::new(Vec::new());
        // One worker, so the order the jobs start in is the order they are handed out.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let ran = pool.install(|| {
            biggest_first(
                &items,
                |item| item.as_deref(),
                |item| {
                    started.lock().unwrap().push(item.clone());
                    item.is_some()
                },
            )
        });
        assert_eq!(ran, [false, true, false], "results in the items' order");
        assert_eq!(
            started.into_inner().unwrap(),
            [Some(big), None, None],
            "the item with a file first, the others after it in their order"
        );
    }

    #[test]
    fn every_item_runs_once_and_missing_files_are_left_to_the_job() {
        let dir = tempfile::tempdir().unwrap();
        let mut items = Vec::new();
        for (i, size) in [10usize, 3000, 700, 0].iter().enumerate() {
            let path = dir.path().join(format!("{i}.jpg"));
            fs::write(&path, vec![7u8; *size]).unwrap();
            items.push(path);
        }
        items.push(dir.path().join("missing.jpg"));
        let ran = biggest_first(
            &items,
            |p| Some(p.as_path()),
            |p| (p.clone(), fs::read(p).map(|b| b.len()).ok()),
        );
        let expected: Vec<_> = items
            .iter()
            .zip([Some(10usize), Some(3000), Some(700), Some(0), None])
            .map(|(p, size)| (p.clone(), size))
            .collect();
        assert_eq!(ran, expected, "each item once, in the items' order");
    }
}
