#!/usr/bin/env bash
# etalase against its peers (issue 21): times etalase, Zola and Hugo building equivalent
# sites from the same synthetic catalogue (bench/synth_catalogue.rs; the peer sites are
# written by bench/zola/convert.py and bench/hugo/convert.py) and prints a Markdown table
# with each generator's figure and etalase ÷ the fastest peer.
#
# Workloads (WORKLOADS, any of them, in this order):
#   photos  cold: 300 products × 3 photos of 3000×2250, no cache, a new output folder;
#           wall, CPU (user + sys) and CPU ÷ wall per generator (RUNS_COLD runs, median)
#   warm    the same catalogue, caches kept, output folder removed before each run
#           (RUNS_WARM runs after one warm-up, median)
#   scale   10,000 products of 1,000 producers, no photos, a new output folder each run
#           (RUNS_SCALE runs after one warm-up, median): wall, peak RSS, bytes and files
#           written, bytes per product
#
# Usage: bench/peers.sh
# Environment (all optional; see bench/README.md, "Against Zola and Hugo"):
#   WORKLOADS="photos warm scale"   which workloads to run
#   RUNS=N                          sets RUNS_COLD, RUNS_WARM and RUNS_SCALE at once
#   RUNS_COLD=1 RUNS_WARM=5 RUNS_SCALE=3
#   PRODUCERS=1000 PRODUCTS=10000   the scale catalogue (PRODUCTS=100000 works; a peer that
#                                   fails or runs out of memory is reported, and the run goes on)
#   PHOTO_PRODUCERS=65 PHOTO_PRODUCTS=300 PHOTOS_PER_PRODUCT=3 PHOTO_SIZE=3000x2250
#   HUGO=path ZOLA=path             the peer binaries (default: `hugo` and `zola` on PATH);
#                                   HUGO=none or ZOLA=none leaves a peer out
#   PEER_TIMEOUT=seconds            stop a build that takes longer (0: no limit; default 0)
#   BENCH_DIR=/dev/shm/etalase-peers  catalogues, peer sites, outputs (tmpfs by default)
#   SKIP_BUILD=1                    use the existing target/release binaries
#   ETALASE_BIN=path                time this etalase binary instead of target/release/etalase
set -euo pipefail

if [[ -n "${RUNS:-}" ]]; then
    RUNS_COLD="${RUNS_COLD:-$RUNS}" RUNS_WARM="${RUNS_WARM:-$RUNS}" RUNS_SCALE="${RUNS_SCALE:-$RUNS}"
fi
RUNS_COLD="${RUNS_COLD:-1}"
RUNS_WARM="${RUNS_WARM:-5}"
RUNS_SCALE="${RUNS_SCALE:-3}"
WORKLOADS="${WORKLOADS:-photos warm scale}"
PRODUCERS="${PRODUCERS:-1000}"
PRODUCTS="${PRODUCTS:-10000}"
PHOTO_PRODUCERS="${PHOTO_PRODUCERS:-65}"
PHOTO_PRODUCTS="${PHOTO_PRODUCTS:-300}"
PHOTOS_PER_PRODUCT="${PHOTOS_PER_PRODUCT:-3}"
PHOTO_SIZE="${PHOTO_SIZE:-3000x2250}"
PEER_TIMEOUT="${PEER_TIMEOUT:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
ETALASE_BIN="${ETALASE_BIN:-}"
if [[ -z "${BENCH_DIR:-}" ]]; then
    if [[ -d /dev/shm && -w /dev/shm ]]; then BENCH_DIR=/dev/shm/etalase-peers; else BENCH_DIR="${TMPDIR:-/tmp}/etalase-peers"; fi
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
GENERATOR="$TARGET/release/examples/synth-catalogue"
CACHE_NAME=".etalase-cache" # etalase's photo cache, inside the catalogue folder
RUN="$BENCH_DIR/run"         # this invocation's outputs, logs and timings
TRASH="$BENCH_DIR/trash"     # emptied between workloads, never just before a timed run
BIN="$RUN/bin/etalase"       # a private copy, so a concurrent cargo build cannot swap it
LOG="$RUN/build.log"
RESULTS="$RUN/results.txt"   # "workload generator metric value" lines, for the table
GENERATORS=(etalase zola hugo)

die() {
    echo "peers: $*" >&2
    exit 1
}

for var in RUNS_COLD RUNS_WARM RUNS_SCALE PRODUCERS PRODUCTS PHOTO_PRODUCERS PHOTO_PRODUCTS PHOTOS_PER_PRODUCT; do
    [[ "${!var}" =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer (got '${!var}')"
done
[[ "$PEER_TIMEOUT" =~ ^[0-9]+$ ]] || die "PEER_TIMEOUT must be a number of seconds (got '$PEER_TIMEOUT')"
[[ "$PHOTO_SIZE" =~ ^[1-9][0-9]*x[1-9][0-9]*$ ]] || die "PHOTO_SIZE must be WIDTHxHEIGHT (got '$PHOTO_SIZE')"
for workload in $WORKLOADS; do
    [[ "$workload" =~ ^(photos|warm|scale)$ ]] || die "unknown workload '$workload' in WORKLOADS (photos, warm, scale)"
done
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
    die "GNU time is required at /usr/bin/time: run 'apt-get install time'"
fi
command -v python3 >/dev/null || die "python3 is required (for the peer site converters)"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
has() { [[ " $WORKLOADS " == *" $1 "* ]]; }

# --- the generators ----------------------------------------------------------

# Finds a peer: the variable's path, else the command on PATH. Prints nothing when absent.
find_peer() {
    local name="$1" given="$2"
    if [[ "$given" == none ]]; then
        return
    elif [[ -n "$given" ]]; then
        if [[ -x "$given" ]]; then echo "$given"; else echo "peers: ${name^^}=$given is not an executable file: $name left out" >&2; fi
    else
        command -v "$name" || true
    fi
}

peer_version() {
    case "$1" in
    zola) "$ZOLA" --version 2>/dev/null | awk '{ print "Zola " $2 }' ;;
    hugo) "$HUGO" version 2>/dev/null | awk '{ v = $2; sub(/^v/, "", v); sub(/[-+].*/, "", v); print "Hugo " v ($0 ~ /extended/ ? " extended" : "") }' ;;
    esac
}

present() {
    case "$1" in
    etalase) return 0 ;;
    zola) [[ -n "$ZOLA" ]] ;;
    hugo) [[ -n "$HUGO" ]] ;;
    esac
}

label() {
    case "$1" in
    etalase) echo etalase ;;
    zola) echo "${ZOLA_VERSION:-Zola}" ;;
    hugo) echo "${HUGO_VERSION:-Hugo}" ;;
    esac
}

build_etalase() {
    if [[ "$SKIP_BUILD" == 1 ]]; then
        echo "== SKIP_BUILD=1: using the existing release binaries in $TARGET/release"
    else
        echo "== building etalase and the generator (release)"
        (cd "$REPO" && cargo build --release --locked && cargo build --release --locked --example synth-catalogue)
    fi
    local source="${ETALASE_BIN:-$TARGET/release/etalase}"
    [[ -x "$source" ]] || die "no binary at $source"
    [[ -x "$GENERATOR" ]] || die "no generator at $GENERATOR (cargo build --release --example synth-catalogue)"
    mkdir -p "$(dirname "$BIN")"
    cp "$source" "$BIN"
}

# --- catalogues and peer sites -------------------------------------------------

# Moves a path into the trash folder: a rename, so no deletion runs before a timed build.
discard() {
    local path="$1"
    [[ -e "$path" ]] || return 0
    mkdir -p "$TRASH"
    mv "$path" "$(mktemp -d "$TRASH/XXXXXX")/"
}

empty_trash() { rm -rf "${TRASH:?}"; }

# Generates a catalogue (and its peer sites) unless it is there with a marker that matches
# the arguments, the generator's source and the converters' sources.
ensure_catalogue() {
    local cat="$1"
    shift
    local wanted
    wanted="$* seed=1 sources=$(cat "$REPO/bench/synth_catalogue.rs" "$REPO"/bench/peer_catalogue.py \
        "$REPO"/bench/zola/convert.py "$REPO"/bench/hugo/convert.py | sha256sum | cut -d' ' -f1)"
    if [[ -d "$cat" && -f "$cat.args" && "$(cat "$cat.args")" == "$wanted" ]]; then
        echo "== reusing catalogue $cat and its peer sites"
    else
        echo "== generating catalogue $cat"
        discard "$cat"
        discard "$cat.zola"
        discard "$cat.hugo"
        rm -f "$cat.args"
        /usr/bin/time -f 'generator: %e s wall, %M KB peak RSS' "$GENERATOR" "$@" --out "$cat"
        python3 "$REPO/bench/zola/convert.py" "$cat" "$cat.zola"
        python3 "$REPO/bench/hugo/convert.py" "$cat" "$cat.hugo" --webp
        echo "$wanted" >"$cat.args"
    fi
    # Read every input once, so each timed run finds them in the page cache.
    find "$cat" "$cat.zola" "$cat.hugo" -type f -not -path "*/$CACHE_NAME/*" -not -path "*/processed_images/*" \
        -not -path "*/resources/_gen/*" -exec cat {} + >/dev/null
}

# Each generator's photo cache: etalase's in the catalogue, Zola's processed images in its
# site's static/ folder, Hugo's resized images in its site's resources/.
cache_of() {
    case "$1" in
    etalase) echo "$2/$CACHE_NAME" ;;
    zola) echo "$2.zola/static/processed_images" ;;
    hugo) echo "$2.hugo/resources" ;;
    esac
}

# --- timing -------------------------------------------------------------------

# Runs one build of generator $1 on catalogue $2 into the (absent) folder $3 under GNU
# time, and prints "wall user sys rss_kb", or "failed <reason>" when the build failed.
timed_build() {
    local gen="$1" cat="$2" out="$3" times="$RUN/time.txt"
    local cmd=()
    case "$gen" in
    etalase) cmd=("$BIN" build --root "$cat" --output "$out") ;;
    zola) cmd=("$ZOLA" --root "$cat.zola" build --output-dir "$out") ;;
    hugo) cmd=("$HUGO" --quiet --source "$cat.hugo" --destination "$out" --cacheDir "$RUN/hugo-cache") ;;
    esac
    if [[ "$PEER_TIMEOUT" != 0 ]]; then
        cmd=(timeout --signal=KILL "$PEER_TIMEOUT" "${cmd[@]}")
    fi
    sync # flush earlier writes so they are not billed to this run
    local status=0
    /usr/bin/time -f '%e %U %S %M' -o "$times" "${cmd[@]}" >"$LOG" 2>&1 || status=$?
    if ((status != 0)); then
        local reason="exit status $status"
        ((status == 137)) && reason="killed (out of memory or PEER_TIMEOUT)"
        echo "   $(label "$gen") failed ($reason); last lines of its log:" >&2
        tail -n 8 "$LOG" | sed 's/^/     /' >&2
        cp "$LOG" "$RUN/failed-$gen.log"
        echo "failed $reason"
        return
    fi
    tail -n 1 "$times"
}

# Records one figure: a "workload gen metric value" line in $RESULTS.
record() { echo "$1 $2 $3 $4" >>"$RESULTS"; }

# Records a run's wall time, CPU time (user + sys), CPU ÷ wall and peak RSS (MB).
record_times() {
    local workload="$1" gen="$2" wall user sys rss
    read -r wall user sys rss <<<"$3"
    record "$workload" "$gen" wall "$wall"
    record "$workload" "$gen" cpu "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
    record "$workload" "$gen" cores "$(awk -v u="$user" -v s="$sys" -v w="$wall" 'BEGIN { printf "%.2f", (w > 0) ? (u + s) / w : 0 }')"
    record "$workload" "$gen" rss "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')"
}

show_run() {
    local gen="$1" what="$2" wall user sys rss
    read -r wall user sys rss <<<"$3"
    printf '   %-22s %-10s %8.2f s wall  %8.2f s CPU  %6.0f MB peak\n' "$(label "$gen")" "$what" \
        "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
}

# Checks that a built site has the product page of `slug` with its title, its price and
# (when the catalogue has photos) an image; warns otherwise.
check_site() {
    local gen="$1" out="$2" cat="$3" slug page title
    slug="$(find "$cat/content/products" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | sed -n 1p)"
    case "$gen" in
    zola) page="$out/products/$slug/index.html" ;; # Zola's default language is at the root
    *) page="$out/id/products/$slug/index.html" ;;
    esac
    title="$(sed -n 's/^name: { id: "\(.*\)", en: .*/\1/p' "$cat/content/products/$slug/product.yaml" | sed 's/&/\&amp;/g')"
    local missing=()
    [[ -f "$page" ]] || { echo "   warning: $(label "$gen"): no product page at ${page#"$out"/}" >&2; return; }
    grep -qF "$title" "$page" || missing+=("the title '$title'")
    if grep -q '^price:' "$cat/content/products/$slug/product.yaml"; then
        grep -q 'Rp ' "$page" || missing+=("the price")
    fi
    if grep -q '^photos:' "$cat/content/products/$slug/product.yaml"; then
        grep -q '<img' "$page" || missing+=("an image")
    fi
    if ((${#missing[@]})); then
        echo "   warning: $(label "$gen"): ${page#"$out"/} lacks ${missing[*]}" >&2
    else
        echo "   checked $(label "$gen"): ${page#"$out"/} has the title, price and photos"
    fi
}

written() {
    local bytes files
    read -r bytes files < <(find "$1" -type f -printf '%s\n' | awk '{ s += $1; n++ } END { print s + 0, n + 0 }')
    echo "$bytes $files"
}

# --- workloads ------------------------------------------------------------------

PHOTO_CAT=""
photo_catalogue() {
    PHOTO_CAT="$BENCH_DIR/catalogue-${PHOTO_PRODUCERS}x${PHOTO_PRODUCTS}-p${PHOTOS_PER_PRODUCT}-${PHOTO_SIZE}"
    ensure_catalogue "$PHOTO_CAT" --producers "$PHOTO_PRODUCERS" --products "$PHOTO_PRODUCTS" \
        --photos-per-product "$PHOTOS_PER_PRODUCT" --photo-size "$PHOTO_SIZE"
}

workload_photos() {
    local i gen out result
    echo
    echo "== photos, cold: $PHOTO_PRODUCTS products × $PHOTOS_PER_PRODUCT photos of $PHOTO_SIZE, caches moved aside, new output"
    for i in $(seq 1 "$RUNS_COLD"); do
        for gen in "${GENERATORS[@]}"; do
            present "$gen" || continue
            discard "$(cache_of "$gen" "$PHOTO_CAT")"
            out="$RUN/photos-$gen-$i"
            result="$(timed_build "$gen" "$PHOTO_CAT" "$out")"
            if [[ "$result" == failed* ]]; then
                record photos "$gen" failed "${result#failed }"
                continue
            fi
            show_run "$gen" "cold $i" "$result"
            record_times photos "$gen" "$result"
            ((i == 1)) && check_site "$gen" "$out" "$PHOTO_CAT"
        done
    done
    discard "$RUN"/photos-*
    empty_trash
}

workload_warm() {
    local i gen out result
    echo
    echo "== photos, warm: caches kept, output folder removed before each run ($RUNS_WARM runs after a warm-up)"
    for gen in "${GENERATORS[@]}"; do
        present "$gen" || continue
        out="$RUN/warm-$gen"
        # The warm-up fills the cache when the cold workload did not run.
        result="$(timed_build "$gen" "$PHOTO_CAT" "$out")"
        if [[ "$result" == failed* ]]; then
            record warm "$gen" failed "${result#failed }"
            continue
        fi
        show_run "$gen" "warm-up" "$result"
        for i in $(seq 1 "$RUNS_WARM"); do
            # The output folder (and the spare etalase keeps beside it) is removed before
            # each run, so every run writes a fresh site from a warm cache. On tmpfs the
            # removal costs nothing the next run pays for.
            rm -rf "$out" "$RUN/.warm-$gen.spare"
            result="$(timed_build "$gen" "$PHOTO_CAT" "$out")"
            if [[ "$result" == failed* ]]; then
                record warm "$gen" failed "${result#failed }"
                break
            fi
            show_run "$gen" "warm $i" "$result"
            record_times warm "$gen" "$result"
        done
    done
}

workload_scale() {
    local cat i gen out result bytes files
    cat="$BENCH_DIR/catalogue-${PRODUCERS}x${PRODUCTS}"
    ensure_catalogue "$cat" --producers "$PRODUCERS" --products "$PRODUCTS"
    echo
    echo "== scale: $PRODUCTS products of $PRODUCERS producers, no photos, new output each run ($RUNS_SCALE runs after a warm-up)"
    for gen in "${GENERATORS[@]}"; do
        present "$gen" || continue
        for i in $(seq 0 "$RUNS_SCALE"); do
            out="$RUN/scale-$gen-$i"
            result="$(timed_build "$gen" "$cat" "$out")"
            if [[ "$result" == failed* ]]; then
                record scale "$gen" failed "${result#failed }"
                break
            fi
            if ((i == 0)); then
                show_run "$gen" "warm-up" "$result"
                check_site "$gen" "$out" "$cat"
                continue
            fi
            show_run "$gen" "run $i" "$result"
            record_times scale "$gen" "$result"
            read -r bytes files < <(written "$out")
            record scale "$gen" bytes "$bytes"
            record scale "$gen" files "$files"
            record scale "$gen" per_product "$(awk -v b="$bytes" -v p="$PRODUCTS" 'BEGIN { printf "%.0f", b / p }')"
        done
        # Only the last output of each generator is kept (on tmpfs, outputs are RAM).
        for i in $(seq 0 $((RUNS_SCALE - 1))); do discard "$RUN/scale-$gen-$i"; done
    done
    empty_trash
}

# --- the report -------------------------------------------------------------------

# The median of a metric for one generator, or "failed …", or "" when it did not run.
figure() {
    local workload="$1" gen="$2" metric="$3"
    local failure
    failure="$(awk -v w="$workload" -v g="$gen" '$1 == w && $2 == g && $3 == "failed" { $1 = $2 = $3 = ""; sub(/^ +/, ""); print; exit }' "$RESULTS")"
    if [[ -n "$failure" ]]; then
        echo "failed: $failure"
        return
    fi
    awk -v w="$workload" -v g="$gen" -v m="$metric" '$1 == w && $2 == g && $3 == m { print $4 }' "$RESULTS" | median
}

human_bytes() { awk -v b="$1" 'BEGIN { if (b >= 1e9) printf "%.2f GB", b / 1e9; else if (b >= 1e6) printf "%.1f MB", b / 1e6; else if (b >= 1e3) printf "%.1f KB", b / 1e3; else printf "%d B", b }'; }

format_figure() {
    local metric="$1" value="$2"
    if [[ -z "$value" ]]; then
        echo "—"
        return
    fi
    [[ "$value" == failed* ]] && { echo "$value"; return; }
    case "$metric" in
    wall | cpu) printf '%.2f s' "$value" ;;
    cores) printf '%.2f' "$value" ;;
    rss) printf '%s MB' "$value" ;;
    bytes | per_product) human_bytes "$value" ;;
    files) printf "%'d" "$value" ;;
    esac
}

# A table row: the metric for every generator, and etalase ÷ the fastest (smallest) peer.
table_row() {
    local workload="$1" metric="$2" title="$3" ratio="${4:-ratio}"
    local row="| $title" gen value best="" ours
    ours="$(figure "$workload" etalase "$metric")"
    for gen in "${GENERATORS[@]}"; do
        if ! present "$gen"; then
            row+=" | absent"
            continue
        fi
        value="$(figure "$workload" "$gen" "$metric")"
        row+=" | $(format_figure "$metric" "$value")"
        if [[ "$gen" != etalase && -n "$value" && "$value" != failed* ]]; then
            if [[ -z "$best" ]] || awk -v a="$value" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$value"; fi
        fi
    done
    if [[ "$ratio" == ratio && -n "$best" && -n "$ours" && "$ours" != failed* ]]; then
        row+=" | $(awk -v a="$ours" -v b="$best" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }') |"
    else
        row+=" | — |"
    fi
    echo "$row"
}

commit_id() {
    local commit
    commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo uncommitted)"
    if [[ "$commit" != uncommitted && -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]]; then
        commit="$commit-dirty"
    fi
    echo "$commit"
}

fs_type() {
    local fs
    fs="$(stat -f -c %T "$BENCH_DIR")"
    [[ "$fs" == ext2/ext3 ]] && fs=ext4 # stat reports ext4 as ext2/ext3
    echo "$fs"
}

report() {
    local gen header="| workload" rule="| ---"
    for gen in "${GENERATORS[@]}"; do
        header+=" | $(label "$gen")"
        rule+=" | ---"
    done
    echo
    echo "== results: $(date -u +%F), commit $(commit_id), nproc=$(nproc), fs=$(fs_type) ($BENCH_DIR), etalase sha256 $(sha256sum "$BIN" | cut -c1-12)"
    for gen in zola hugo; do
        present "$gen" || echo "   $gen: not found (set ${gen^^}=path or put it on PATH): etalase timed without it"
    done
    echo
    echo "$header | etalase ÷ fastest peer |"
    echo "$rule | --- |"
    if has photos; then
        local p="$PHOTO_PRODUCTS products × $PHOTOS_PER_PRODUCT photos, cold"
        table_row photos wall "$p: wall (median of $RUNS_COLD)"
        table_row photos cpu "$p: CPU, user + sys"
        table_row photos cores "$p: CPU ÷ wall (cores busy)" none
        table_row photos rss "$p: peak RSS"
    fi
    if has warm; then
        table_row warm wall "same, warm cache, fresh output: wall (median of $RUNS_WARM)"
        table_row warm cpu "same, warm cache, fresh output: CPU, user + sys"
    fi
    if has scale; then
        local s="$PRODUCTS products, no photos"
        table_row scale wall "$s: wall (median of $RUNS_SCALE)"
        table_row scale cpu "$s: CPU, user + sys"
        table_row scale rss "$s: peak RSS"
        table_row scale bytes "$s: bytes written"
        table_row scale files "$s: files written"
        table_row scale per_product "$s: bytes per product"
    fi
}

main() {
    ZOLA="$(find_peer zola "${ZOLA:-}")"
    HUGO="$(find_peer hugo "${HUGO:-}")"
    ZOLA_VERSION="$([[ -n "$ZOLA" ]] && peer_version zola || true)"
    HUGO_VERSION="$([[ -n "$HUGO" ]] && peer_version hugo || true)"
    for gen in zola hugo; do
        if present "$gen"; then
            echo "== $(label "$gen"): ${gen^^}=$([[ $gen == zola ]] && echo "$ZOLA" || echo "$HUGO")"
        else
            echo "== $gen: not found (set ${gen^^}=path or put it on PATH); etalase is timed without it"
        fi
    done
    if [[ -n "$HUGO" ]] && ! "$HUGO" version | grep -q extended; then
        echo "   warning: this Hugo is not the extended edition: it cannot write WebP, so its build fails" >&2
    fi
    mkdir -p "$BENCH_DIR"
    discard "$RUN" # the previous invocation's outputs
    empty_trash
    mkdir -p "$RUN"
    build_etalase
    : >"$RESULTS"
    if has photos || has warm; then photo_catalogue; fi
    if has photos; then workload_photos; fi
    if has warm; then workload_warm; fi
    if has scale; then workload_scale; fi
    report | tee "$RUN/table.md"
    echo
    echo "(table saved in $RUN/table.md; every run's figures in $RESULTS)"
}

main "$@"
