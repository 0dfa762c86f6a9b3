#!/usr/bin/env bash
# Photo-pipeline benchmark: times `etalase build` on a synthetic catalogue with
# photos (65 producers, 300 products, 3 photos each: 900 photo-like 3000x2250
# JPEGs of about 1 MB), cold, warm and after a one-product text edit; then
# etalase against Hugo on a 20-product subset (60 photos). Prints medians and
# Markdown rows for docs/benchmarks.md (also saved in $BENCH_DIR/run/rows.md).
#
# Usage: bench/run-photos.sh
# Environment (all optional; see bench/README.md, "Photo benchmark"):
#   RUNS_COLD=3 RUNS_WARM=5 RUNS_EDIT=5   timed etalase runs on the full catalogue
#   RUNS_HUGO=3                           timed cold runs of each tool on the subset
#   RUNS_HUGO_WARM=3                      timed warm runs of each tool on the subset
#   SKIP_BUILD=1                          use the existing target/release binaries
#                                         instead of running cargo build --release
#   ETALASE_BIN=path                      time this etalase binary instead of
#                                         target/release/etalase
#   SKIP_FULL=1 / SKIP_HUGO=1             leave out the full catalogue / the subset
#   HUGO_WEBP=1                           Hugo also writes WebP variants (6 per photo)
#   BENCH_DIR=/tmp/etalase-photo-bench    work folder (catalogues, sites, caches)
#   REPORT_ONLY=1                         print the last run's summary and rows again
#                                         (from $BENCH_DIR/run), running nothing
set -euo pipefail

RUNS_COLD="${RUNS_COLD:-3}"
RUNS_WARM="${RUNS_WARM:-5}"
RUNS_EDIT="${RUNS_EDIT:-5}"
RUNS_HUGO="${RUNS_HUGO:-3}"
RUNS_HUGO_WARM="${RUNS_HUGO_WARM:-3}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SKIP_FULL="${SKIP_FULL:-0}"
SKIP_HUGO="${SKIP_HUGO:-0}"
HUGO_WEBP="${HUGO_WEBP:-0}"
REPORT_ONLY="${REPORT_ONLY:-0}"
ETALASE_BIN="${ETALASE_BIN:-}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/etalase-photo-bench}"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_NAME=".etalase-cache" # etalase's photo cache, inside the catalogue folder
FULL_ARGS=(--producers 65 --products 300 --photos-per-product 3)
SUBSET_ARGS=(--producers 5 --products 20 --photos-per-product 3)
FULL_CAT="$BENCH_DIR/catalogue-65x300-p3"
SUBSET_CAT="$BENCH_DIR/catalogue-5x20-p3"
RUN="$BENCH_DIR/run" # this invocation's sites, caches and timings
TRASH="$BENCH_DIR/trash" # deleted at the very end, after every timed run
BIN="$RUN/bin/etalase" # a private copy, so a concurrent cargo build cannot swap it mid-run
GENERATOR="$REPO/target/release/examples/synth-catalogue"
LOG="$RUN/build.log"
ROWS="$RUN/rows.md"
TIMES="$RUN/time.txt"
FULL_WARM_OUT="$RUN/etalase/full-warm"

die() {
    echo "run-photos: $*" >&2
    exit 1
}

for var in RUNS_COLD RUNS_WARM RUNS_EDIT RUNS_HUGO RUNS_HUGO_WARM; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer (got '${!var}')"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# sed -n 1p rather than head -n 1: head exits early, and with pipefail the
# SIGPIPE that sort then gets on a long list would stop the script.
minimum() { sort -g | sed -n 1p; }
maximum() { sort -g | tail -n 1; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
human() { awk -v b="$1" 'BEGIN { if (b >= 1e9) printf "%.2f GB", b / 1e9; else if (b >= 1e6) printf "%.1f MB", b / 1e6; else printf "%.1f KB", b / 1e3 }'; }

install_tools() {
    local missing=()
    command -v hugo >/dev/null 2>&1 || missing+=(hugo)
    { [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e' true >/dev/null 2>&1; } || missing+=(time)
    ((${#missing[@]} == 0)) && return
    [[ "$(id -u)" == 0 ]] || die "missing ${missing[*]}: run 'apt-get install -y ${missing[*]}'"
    echo "== installing ${missing[*]} (apt-get)"
    apt-get install -y "${missing[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
}

build() {
    if [[ "$SKIP_BUILD" == 1 ]]; then
        echo "== SKIP_BUILD=1: using the existing target/release binaries"
    else
        echo "== building etalase and the generator (release)"
        (cd "$REPO" && cargo build --release && cargo build --release --example synth-catalogue)
    fi
    local source="${ETALASE_BIN:-$REPO/target/release/etalase}"
    [[ -x "$source" ]] || die "no binary at $source"
    [[ -x "$GENERATOR" ]] || die "no generator at $GENERATOR (cargo build --release --example synth-catalogue)"
    mkdir -p "$(dirname "$BIN")"
    cp "$source" "$BIN"
}

# Moves a path into the trash folder (a rename: cheap, and no deletion before
# the timed runs; see "Disk caveat" in bench/README.md).
discard() {
    local path="$1"
    [[ -e "$path" ]] || return 0
    mkdir -p "$TRASH"
    mv "$path" "$(mktemp -d "$TRASH/XXXXXX")/"
}

# Generates a catalogue unless it is there with a marker that matches the
# arguments and the generator's source.
ensure_catalogue() {
    local cat="$1"
    shift
    local wanted
    wanted="$* seed=1 generator=$(sha256sum "$REPO/bench/synth_catalogue.rs" | cut -d' ' -f1)"
    if [[ -d "$cat" && -f "$cat.args" && "$(cat "$cat.args")" == "$wanted" ]]; then
        echo "== reusing catalogue $cat"
    else
        echo "== generating catalogue $cat"
        discard "$cat"
        rm -f "$cat.args"
        /usr/bin/time -f 'generator: %e s wall, %M KB peak RSS' "$GENERATOR" "$@" --out "$cat"
        echo "$wanted" >"$cat.args"
    fi
    # Read every input once, so each timed run finds them in the page cache.
    find "$cat" -type f -not -path "*/$CACHE_NAME/*" -exec cat {} + >/dev/null
}

photo_count() { find "$1/content/products" -name '*.jpg' | wc -l; }

# Runs a command under GNU time and appends "wall_s rss_kb user_s sys_s" to
# $TIMES.<series> unless the series is "-". Output goes to $LOG.
timed() {
    local series="$1" label="$2"
    shift 2
    sync # flush earlier writes so they are not billed to this run
    if ! /usr/bin/time -f '%e %M %U %S' -o "$TIMES" "$@" >"$LOG" 2>&1; then
        echo "run-photos: failed ($label): $*" >&2
        tail -n 20 "$LOG" >&2
        exit 1
    fi
    local wall rss user sys
    read -r wall rss user sys < <(tail -n 1 "$TIMES")
    printf '   %-24s %7.2f s  %6s MB   (user %.2f s, sys %.2f s)\n' "$label" "$wall" "$(mb "$rss")" "$user" "$sys"
    if [[ "$series" != - ]]; then
        echo "$wall $rss $user $sys" >>"$RUN/times.$series"
    fi
}

etalase_build() {
    local series="$1" label="$2" cat="$3" out="$4"
    timed "$series" "$label" "$BIN" build --root "$cat" --output "$out"
}

# Cold etalase build: the catalogue's photo cache is moved aside first, and the
# output folder is new.
etalase_cold() {
    local series="$1" label="$2" cat="$3" out="$4"
    discard "$cat/$CACHE_NAME"
    etalase_build "$series" "$label" "$cat" "$out"
}

# Cold Hugo build: new --cacheDir and destination, and the site's resources/
# (where Hugo keeps resized images, resources/_gen) moved aside.
hugo_cold() {
    local series="$1" label="$2" site="$3" n="$4"
    discard "$site/resources"
    mkdir -p "$RUN/hugo/cache-$n"
    timed "$series" "$label" hugo --quiet --source "$site" --destination "$RUN/hugo/out-cold-$n" --cacheDir "$RUN/hugo/cache-$n"
}

media_bytes() { if [[ -d "$1/media" ]]; then du -sb "$1/media" | cut -f1; else echo 0; fi; }
image_bytes() { find "$1" -type f \( -name '*.jpg' -o -name '*.jpeg' -o -name '*.webp' -o -name '*.png' -o -name '*.avif' \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# Sizes of the 960-px variants (file names containing the given pattern),
# per format: count, median, max and one example.
variant_sizes() {
    local dir="$1" pattern="$2" ext sizes
    for ext in webp jpg; do
        sizes="$(find "$dir" -type f -name "*${pattern}*.$ext" -printf '%s\n' | sort -n)"
        if [[ -z "$sizes" ]]; then
            echo "   960-px $ext variants: none (no file matching *${pattern}*.$ext)"
            continue
        fi
        local example
        example="$(find "$dir" -type f -name "*${pattern}*.$ext" | sort | sed -n 1p)"
        printf '   960-px %-4s variants: %d files, median %s, max %s; e.g. %s (%s bytes)\n' "$ext" \
            "$(wc -l <<<"$sizes")" "$(human "$(median <<<"$sizes")")" "$(human "$(tail -n 1 <<<"$sizes")")" \
            "${example#"$dir"/}" "$(stat -c %s "$example")"
    done
}

fs_type() {
    local fs
    fs="$(stat -f -c %T "$BENCH_DIR")"
    [[ "$fs" == ext2/ext3 ]] && fs=ext4 # stat reports ext4 as ext2/ext3
    echo "$fs"
}

commit_id() {
    local commit
    commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo uncommitted)"
    if [[ "$commit" != uncommitted && -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]]; then
        commit="$commit-dirty"
    fi
    echo "$commit"
}

# The statistics of a series: wall median, min and max (s), peak RSS median
# (MB = 1024 KiB), user and sys medians (s).
stats() {
    local f="$RUN/times.$1"
    printf '%s %s %s %s %s %s\n' "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f1 "$f" | minimum)" \
        "$(cut -d' ' -f1 "$f" | maximum)" "$(mb "$(cut -d' ' -f2 "$f" | median)")" \
        "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | median)"
}

# Appends a scenario's line to the summary and its row to $ROWS.
row() {
    local series="$1" scenario="$2" photos="$3" bytes="$4" notes="$5"
    local med lo hi rss user sys runs
    read -r med lo hi rss user sys < <(stats "$series")
    med="$(printf '%.2f' "$med")" # the median of an even count can have more decimals
    runs="$(wc -l <"$RUN/times.$series")"
    printf '%-52s median %6.2f s (min %.2f, max %.2f), peak RSS %5s MB, user %.2f s, sys %.2f s\n' \
        "$scenario" "$med" "$lo" "$hi" "$rss" "$user" "$sys" >>"$RUN/summary.txt"
    [[ "$runs" == 1 ]] && runs="1 run" || runs="$runs runs"
    echo "| $(date +%F) | $COMMIT | $scenario | $med | $lo–$hi | $rss | $photos | $bytes | nproc=$(nproc), $runs, fs=$FS; $notes |" >>"$ROWS"
}

cache_note() {
    if [[ -d "$1/$CACHE_NAME" ]]; then
        echo "cache $(human "$(du -sb "$1/$CACHE_NAME" | cut -f1)")"
    else
        echo "no $CACHE_NAME written"
    fi
}

# --- full catalogue: cold, warm, one text edit -----------------------------

EDITED="" # id.md being edited, restored on exit
restore_edit() {
    if [[ -n "$EDITED" && -f "$RUN/id.md.orig" ]]; then
        cp -p "$RUN/id.md.orig" "$EDITED"
    fi
}

full_catalogue() {
    local photos i out warm slug
    photos="$(photo_count "$FULL_CAT")"
    echo
    echo "== full catalogue: $FULL_CAT ($photos photos)"
    echo "-- cold: cache moved aside, new output folder each run"
    for i in $(seq 1 "$RUNS_COLD"); do
        out="$RUN/etalase/full-cold-$i"
        etalase_cold full-cold "cold $i" "$FULL_CAT" "$out"
    done
    row full-cold "etalase cold build, 300 products" "$photos" "$(media_bytes "$out")" "$(cache_note "$FULL_CAT")"

    echo "-- warm: cache kept, nothing changed, same output folder"
    warm="$FULL_WARM_OUT"
    # The first build fills the output folder (cache warm, output new: reported
    # as a one-run row) and the second the spare folder etalase keeps beside
    # it (not counted).
    etalase_build full-warm-new "warm cache, new output" "$FULL_CAT" "$warm"
    etalase_build - "warm-up" "$FULL_CAT" "$warm"
    row full-warm-new "etalase build with the cache kept, new output folder" "$photos" "$(media_bytes "$warm")" "the first build into the warm-run folder"
    for i in $(seq 1 "$RUNS_WARM"); do
        etalase_build full-warm "warm $i" "$FULL_CAT" "$warm"
    done
    row full-warm "etalase rebuild, nothing changed" "$photos" "$(media_bytes "$warm")" "cache kept"

    slug="$(find "$FULL_CAT/content/products" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | sed -n 1p)"
    EDITED="$FULL_CAT/content/products/$slug/id.md"
    cp -p "$EDITED" "$RUN/id.md.orig"
    echo "-- one text edit: a sentence appended to content/products/$slug/id.md before each run"
    for i in $(seq 1 "$RUNS_EDIT"); do
        printf '\nCatatan uji suntingan nomor %d.\n' "$i" >>"$EDITED"
        etalase_build full-edit "edit $i" "$FULL_CAT" "$warm"
        cp -p "$RUN/id.md.orig" "$EDITED"
        if ! grep -rqs "Catatan uji suntingan nomor $i\." "$warm/id/products/$slug/"; then
            echo "run-photos: warning: the edited sentence is not in $warm/id/products/$slug/" >&2
        fi
    done
    EDITED=""
    row full-edit "etalase rebuild after editing one product's text" "$photos" "$(media_bytes "$warm")" "cache kept"
}

# --- subset: etalase versus Hugo ---------------------------------------------

subset() {
    local photos i site hugo_version hugo_notes
    photos="$(photo_count "$SUBSET_CAT")"
    site="$RUN/hugo/site"
    hugo_version="$(hugo version | awk '{ print $2 }')"
    echo
    echo "== subset: $SUBSET_CAT ($photos photos) against $hugo_version"
    local webp_flag=()
    [[ "$HUGO_WEBP" == 1 ]] && webp_flag=(--webp)
    python3 "$REPO/bench/hugo/convert.py" "$SUBSET_CAT" "$site" "${webp_flag[@]}"
    hugo_notes="JPEG q80 at 480/960/1600, box filter"
    [[ "$HUGO_WEBP" == 1 ]] && hugo_notes="JPEG and WebP q80 at 480/960/1600, box filter"
    echo "-- cold, alternating: etalase (cache moved aside, new output) and Hugo (new resources/, --cacheDir, destination)"
    for i in $(seq 1 "$RUNS_HUGO"); do
        etalase_cold sub-etalase-cold "etalase cold $i" "$SUBSET_CAT" "$RUN/etalase/subset-cold-$i"
        hugo_cold sub-hugo-cold "hugo cold $i" "$site" "$i"
    done
    row sub-etalase-cold "etalase cold build, 20-product subset" "$photos" \
        "$(media_bytes "$RUN/etalase/subset-cold-$RUNS_HUGO")" "$(cache_note "$SUBSET_CAT")"
    row sub-hugo-cold "Hugo $hugo_version cold build, 20-product subset" "$photos" \
        "$(image_bytes "$RUN/hugo/out-cold-$RUNS_HUGO")" "$hugo_notes; image bytes of the whole output (variants published once per language)"

    echo "-- warm: etalase (cache kept, same output) and Hugo (resources/ kept, same destination)"
    etalase_build - "etalase warm-up" "$SUBSET_CAT" "$RUN/etalase/subset-warm"
    etalase_build - "etalase warm-up" "$SUBSET_CAT" "$RUN/etalase/subset-warm"
    timed - "hugo warm-up" hugo --quiet --source "$site" --destination "$RUN/hugo/out-warm" --cacheDir "$RUN/hugo/cache-$RUNS_HUGO"
    for i in $(seq 1 "$RUNS_HUGO_WARM"); do
        etalase_build sub-etalase-warm "etalase warm $i" "$SUBSET_CAT" "$RUN/etalase/subset-warm"
        timed sub-hugo-warm "hugo warm $i" hugo --quiet --source "$site" --destination "$RUN/hugo/out-warm" --cacheDir "$RUN/hugo/cache-$RUNS_HUGO"
    done
    row sub-etalase-warm "etalase rebuild, 20-product subset" "$photos" "$(media_bytes "$RUN/etalase/subset-warm")" "cache kept"
    row sub-hugo-warm "Hugo $hugo_version rebuild, 20-product subset" "$photos" "$(image_bytes "$RUN/hugo/out-warm")" "resources/_gen kept; $hugo_notes"
}

ratio() {
    local e h
    e="$(stats "$1" | cut -d' ' -f1)"
    h="$(stats "$2" | cut -d' ' -f1)"
    awk -v e="$e" -v h="$h" 'BEGIN {
        if (h <= 0 || e <= 0) print "n/a"
        else if (e <= h) printf "%.3f (Hugo takes %.1fx as long as etalase)", e / h, h / e
        else printf "%.3f (etalase takes %.1fx as long as Hugo)", e / h, e / h
    }'
}

report() {
    echo
    echo "== summary ($(date +%F), commit $COMMIT, nproc=$(nproc), fs=$FS, binary sha256 ${BIN_SHA:0:12})"
    cat "$RUN/summary.txt"
    if [[ "$SKIP_HUGO" != 1 ]]; then
        echo "cold, subset: etalase/Hugo = $(ratio sub-etalase-cold sub-hugo-cold)"
        echo "warm, subset: etalase/Hugo = $(ratio sub-etalase-warm sub-hugo-warm)"
        echo "Hugo: $(hugo version | awk '{ print $2 }')$(hugo version | grep -q extended && echo ' (extended edition)')"
    fi
    if [[ "$SKIP_FULL" != 1 ]]; then
        echo "960-px variants in the full site ($FULL_WARM_OUT/media, target: WebP under 90 KB):"
        variant_sizes "$FULL_WARM_OUT/media" -960
    fi
    if [[ "$SKIP_HUGO" != 1 ]]; then
        echo "960-px variants in Hugo's subset site (for comparison):"
        variant_sizes "$RUN/hugo/out-warm" _960x0_
    fi
    echo
    echo "Rows for docs/benchmarks.md (also in $ROWS):"
    echo "| date | commit | scenario | median (s) | min–max (s) | peak RSS median (MB) | photos | media bytes | notes |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    cat "$ROWS"
}

main() {
    if [[ "$REPORT_ONLY" == 1 ]]; then
        [[ -s "$RUN/rows.md" ]] || die "no earlier run in $RUN"
        COMMIT="$(commit_id) (now)"
        BIN_SHA="$(sha256sum "$BIN" | cut -d' ' -f1)"
        FS="$(fs_type)"
        [[ -f "$RUN/times.full-cold" ]] || SKIP_FULL=1
        [[ -f "$RUN/times.sub-hugo-cold" ]] || SKIP_HUGO=1
        report
        return
    fi
    install_tools
    mkdir -p "$BENCH_DIR"
    discard "$RUN" # the previous invocation's sites and caches; deleted at the end
    mkdir -p "$RUN"
    trap restore_edit EXIT
    build
    COMMIT="$(commit_id)"
    BIN_SHA="$(sha256sum "$BIN" | cut -d' ' -f1)"
    FS="$(fs_type)"
    : >"$ROWS"
    : >"$RUN/summary.txt"
    [[ "$SKIP_FULL" == 1 ]] || ensure_catalogue "$FULL_CAT" "${FULL_ARGS[@]}"
    [[ "$SKIP_HUGO" == 1 ]] || ensure_catalogue "$SUBSET_CAT" "${SUBSET_ARGS[@]}"
    [[ "$SKIP_FULL" == 1 ]] || full_catalogue
    [[ "$SKIP_HUGO" == 1 ]] || subset
    report
    # Deletions last, after every timed run: cold outputs, moved-aside caches
    # and Hugo resources, earlier invocations. The warm sites stay for
    # inspection and for bench/page-weight.py.
    echo
    echo "== cleaning up (after the timed runs)"
    rm -rf "$RUN"/etalase/*-cold-* "$RUN"/hugo/out-cold-* "${TRASH:?}"
    local kept=()
    for site in etalase/full-warm etalase/subset-warm hugo/out-warm; do
        [[ -d "$RUN/$site" ]] && kept+=("$site")
    done
    echo "kept: $RUN (warm sites: ${kept[*]}; last build log: $LOG)"
}

main "$@"
