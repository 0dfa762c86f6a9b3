//! Cutting a long list into files a host and its readers take: the sitemap and the shopping
//! feeds of a large catalogue are written as numbered parts, each under a byte budget (and the
//! sitemap's parts under the protocol's 50,000 URLs), with the entries kept in order.

use std::ops::Range;

/// How big one file may be and how many entries it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Bytes of the whole file, its opening and closing lines included.
    pub max_bytes: u64,
    /// Entries in one file.
    pub max_entries: usize,
}

/// The ranges of `sizes` (each entry's bytes, in order) that make the files: consecutive,
/// covering every entry once, each within `budget` together with `frame` (the bytes every file
/// has besides its entries). Always at least one range, so an empty list still gets its file.
/// An entry bigger than the budget alone stands in a file of its own rather than being lost.
pub fn parts(sizes: &[usize], frame: usize, budget: Budget) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut bytes = frame as u64;
    for (index, &size) in sizes.iter().enumerate() {
        let size = size as u64;
        let full = index - start >= budget.max_entries || bytes + size > budget.max_bytes;
        if full && index > start {
            ranges.push(start..index);
            start = index;
            bytes = frame as u64;
        }
        bytes += size;
    }
    ranges.push(start..sizes.len());
    ranges
}

/// The file name of part `number` (from 1) of `name`: the first keeps the name itself, so
/// the address a small catalogue registered stays that of its first part; the next ones are
/// `google-2.xml`, `meta-3.csv`.
pub fn part_name(name: &str, number: usize) -> String {
    if number <= 1 {
        return name.to_owned();
    }
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}-{number}.{extension}"),
        None => format!("{name}-{number}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Budget = Budget {
        max_bytes: 100,
        max_entries: 3,
    };

    #[test]
    fn entries_fill_each_file_up_to_the_bytes_and_the_count() {
        assert_eq!(parts(&[30, 30, 30, 30], 10, SMALL), vec![0..3, 3..4]);
        assert_eq!(parts(&[10; 7], 0, SMALL), vec![0..3, 3..6, 6..7]);
        assert_eq!(parts(&[50, 50, 50], 0, SMALL), vec![0..2, 2..3]);
    }

    #[test]
    fn an_empty_list_has_one_file_and_a_huge_entry_one_of_its_own() {
        assert_eq!(parts(&[], 10, SMALL), vec![0..0]);
        assert_eq!(parts(&[20, 500, 20], 10, SMALL), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn the_first_part_keeps_the_name() {
        assert_eq!(part_name("google.xml", 1), "google.xml");
        assert_eq!(part_name("google.xml", 2), "google-2.xml");
        assert_eq!(part_name("meta.csv", 12), "meta-12.csv");
        assert_eq!(part_name("sitemap.xml", 3), "sitemap-3.xml");
    }
}
