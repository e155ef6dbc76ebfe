#!/usr/bin/env bash
# The portal's search page with 10,000 articles in each language: p50 and p95 latency and requests per second of
# /sq/kerko and /en/search for several queries — with and without diacritics, a typo (which takes the broadened,
# trigram path), several words, filters, a word found nowhere — next to a baseline measured in the same run: the
# "About us" page (/sq/rreth-nesh), which goes through the same filters, layout and message bundles but asks the
# database nothing. The ratio p95 / baseline p95 is what to compare between machines and commits. Goal: p95 < 30 ms.
#
#   ./mvnw -DskipTests package && bench/search.sh
#
# Starts target/raporto.jar on its own data directory, then generates ARTICLES articles, each in Albanian and English
# (so twice as many rows), directly in the embedded PostgreSQL: titles, summaries and Markdown bodies drawn from a
# vocabulary of each language with a few words far more common than the rest, a topic phrase in most titles, mixed
# types, audiences and topics, all published; then VACUUM ANALYZE. Checks that each query finds what it should, warms
# up, measures with wrk, and prints EXPLAIN (ANALYZE, BUFFERS) of the full-text and the trigram statements at the end.
#
# Settings: ARTICLES (default 10000 per language), DURATION (default 10s per measurement), WARMUP (default 90s: on two
# cores the JIT compiler works for minutes), CONNECTIONS (default "1 4"). About 6 minutes on two cores.
# Installs wrk and PostgreSQL's client from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-90s}
CONNECTIONS=${CONNECTIONS:-1 4}

need wrk wrk
need psql postgresql-client

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

app_port=$(free_port)
db_port=$(free_port)
start_app "$work/app.log" --raporto.data-dir="$work/data" --raporto.database.embedded.port="$db_port"
base="http://127.0.0.1:$app_port"
export PGPASSWORD
PGPASSWORD=$(cat "$work/data/keys/database.password")
sql() { psql -h 127.0.0.1 -p "$db_port" -U postgres -d raporto -qAtX -v ON_ERROR_STOP=1 "$@"; }

echo "Generating $ARTICLES articles in each language"
started=$(date +%s)
sql -v articles="$ARTICLES" >/dev/null <<'SQL'
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SELECT setseed(0.27);

CREATE TEMPORARY TABLE bench_vocabulary (language text PRIMARY KEY, words text[], phrases text[]);
INSERT INTO bench_vocabulary VALUES
('sq', string_to_array('fëmijë fëmijët prindër prindërit mësues nxënës shkollë internet rrjet telefon lojë lojëra llogari fjalëkalim '
    || 'privatësi siguri sigurt rrezik ndihmë raportim raporto mesazh mesazhe foto video profil mik miq shok shoqe familje '
    || 'bisedë flisni dëgjoni ndihmoni kujdes këshillë këshilla hapat çështje çështja ngacmim bullizëm bullizmi joshje mashtrim '
    || 'mashtrime urrejtje ekran kohë gjumë mirëqenie shëndet emocione frikë turp besim sekret sekrete ndjenja vendim rregulla '
    || 'cilësime aplikacion platformë komunitet policia linja numri ndihmës mbrojtje mbroni mbrojmë të në për me dhe që si '
    || 'kur ku pse çfarë është janë kanë duhet mund shumë pak gjithmonë kurrë sot nesër javë muaj vit fillim fund pyetje '
    || 'përgjigje udhëzues manual material klasë mësim orë detyrë grup tregoni shikoni ruani bllokoni fshini ndryshoni', ' '),
 ARRAY['Bullizmi në internet', 'Si të përballoni bullizmin', 'Joshja e fëmijëve në internet', 'Sekstingu dhe zhvatja seksuale',
       'Privatësia e fëmijëve', 'Lojërat në internet', 'Mashtrimet në internet', 'Koha para ekranit', 'Gjuha e urrejtjes',
       'Raportimi i përmbajtjeve të dëmshme', 'Mirëqenia dixhitale', 'Siguria e fëmijëve në internet']),
('en', string_to_array('children child parents parent teachers pupils school internet network phone game games account password '
    || 'privacy safety safe risk help reporting report message messages photo video profile friend friends family chat talk '
    || 'listen support careful advice tips steps issue harassment bullying cyberbullying grooming scam scams hate screen time '
    || 'sleep wellbeing health feelings fear shame trust secret secrets decision rules settings app platform community police '
    || 'helpline number protection protect the a to in for with and that how when where why what is are have should can very '
    || 'little always never today tomorrow week month year start end question answer guide manual material class lesson hour '
    || 'homework group tell look save block delete change online offline stranger image share sharing', ' '),
 ARRAY['Cyberbullying', 'How to deal with bullying', 'Grooming of children online', 'Sexting and sextortion', 'Children''s privacy',
       'Gaming online', 'Scams online', 'Screen time', 'Hate speech', 'Reporting harmful content', 'Digital wellbeing',
       'Keeping children safe online']);

-- A word from the vocabulary, the first ones far more often than the last (random()^2).
-- A word from the vocabulary, the first ones far more often than the last (random()^2), in a vocabulary of 3,000
-- words: the real ones first, then a long tail of made-up ones (computed, not stored: an array that large would be
-- read from TOAST on every pick), as a real vocabulary has.
CREATE FUNCTION pg_temp.words(vocabulary text[], n integer) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg(CASE WHEN i < array_length(vocabulary, 1) THEN vocabulary[i + 1]
                          ELSE (ARRAY['ka', 're', 'mi', 'to', 'lu', 'se', 'no', 'va', 'di', 'po'])[1 + i % 10]
                               || (ARRAY['ren', 'tal', 'mos', 'kir', 'bel', 'dun', 'par', 'sik', 'lom', 'ves'])[1 + (i / 10) % 10]
                               || (ARRAY['a', 'i', 'o', 'e', 'u', 'ta', 'ri', 'mo', 'ne', 'sa'])[1 + (i / 100) % 10] END, ' ')
    FROM (SELECT floor(power(random(), 2) * 3000)::int AS i FROM generate_series(1, n)) picks
$$;

INSERT INTO content_article (id, translation_group, language, type, slug, title, summary, body, audiences, topics, featured, status,
    publish_at, published_at, author_name, created_at, updated_at)
SELECT gen_random_uuid(), g.translation_group, v.language, g.type, 'a-' || g.n,
       left(CASE WHEN g.r_phrase < 0.7 THEN v.phrases[1 + g.n % array_length(v.phrases, 1)] || ': ' ELSE '' END
            || initcap(pg_temp.words(v.words, 4 + g.n % 5)), 200),
       left(initcap(pg_temp.words(v.words, 18 + g.n % 12)) || '.', 500),
       '## ' || initcap(pg_temp.words(v.words, 5)) || E'\n\n' || pg_temp.words(v.words, 120 + g.n % 80) || E'.\n\n- **'
           || pg_temp.words(v.words, 6) || E'**\n- [' || pg_temp.words(v.words, 3) || '](https://example.org/' || g.n || E')\n\n'
           || pg_temp.words(v.words, 150 + g.n % 150) || '.',
       g.audiences, g.topics, false, 'PUBLISHED', g.published_at - interval '1 hour', g.published_at, 'Bench', g.published_at, g.published_at
FROM (
    SELECT n, gen_random_uuid() AS translation_group, random() AS r_phrase,
           (ARRAY['GUIDE', 'GUIDE', 'GUIDE', 'GUIDE', 'NEWS', 'NEWS', 'FAQ', 'FAQ', 'RESOURCE', 'MANUAL'])[1 + n % 10] AS type,
           ARRAY[(ARRAY['PARENTS', 'CHILDREN_6_9', 'CHILDREN_10_12', 'TEENS_13_17', 'TEACHERS', 'PARENTS'])[1 + n % 6],
                 (ARRAY['TEACHERS', 'PARENTS', 'TEENS_13_17', 'PROFESSIONALS', 'PROFESSIONALS', 'TEACHERS'])[1 + (n / 6) % 6]] AS audiences,
           ARRAY[(ARRAY['cyberbullying', 'grooming', 'sexting', 'privacy', 'gaming', 'scams', 'screen-time', 'hate-speech', 'reporting',
                        'wellbeing'])[1 + n % 10]] AS topics,
           now() - interval '1095 days' * random() AS published_at
    FROM generate_series(1, :articles) n
) g
CROSS JOIN bench_vocabulary v;
SQL
generated=$(date +%s)
sql -c "VACUUM (ANALYZE) content_article" -c "CHECKPOINT"
echo "Generated in $((generated - started)) s; $(sql -c "SELECT count(*) FROM content_article") articles; database $(sql -c "SELECT pg_size_pretty(pg_database_size('raporto'))")"

# name path expected-text: the pages measured, each checked first for what it must show.
queries=(
    "baseline|/sq/rreth-nesh|Rreth nesh"
    "sq femije|/sq/kerko?q=femije|rezultate"
    "sq fëmijë|/sq/kerko?q=f%C3%ABmij%C3%AB|rezultate"
    "sq bullizem|/sq/kerko?q=bullizem|rezultate"
    "sq bulizem (typo)|/sq/kerko?q=bulizem|ashtu siç janë shkruar"
    "sq 5 words|/sq/kerko?q=siguria+e+femijeve+ne+internet|rezultate"
    "sq femije+filters|/sq/kerko?q=femije&audience=PARENTS&type=GUIDE|rezultate"
    "sq topic only|/sq/kerko?topic=grooming|artikuj"
    "sq page 5|/sq/kerko?q=internet&page=5|Faqja 5 nga"
    "sq nothing|/sq/kerko?q=zzqxj|Nuk gjetëm asgjë"
    "en cyberbullying|/en/search?q=cyberbullying|results"
    "en online safety|/en/search?q=online+safety|results"
)
for entry in "${queries[@]}"; do
    IFS='|' read -r name path expected <<<"$entry"
    html=$(curl -fsS "$base$path")
    grep -q "$expected" <<<"$html" || { echo "$name: $path does not show \"$expected\"" >&2; tail -40 "$work/app.log" >&2; exit 1; }
done

cat >"$work/measure.lua" <<'LUA'
-- Every answer must be 200.
local threads = {}
failures = 0
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
    if status ~= 200 then failures = failures + 1 end
end
function done(summary, latency, requests)
    local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
    io.write(string.format("RESULT %.2f %.2f %.2f %d %d %.1f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, summary.requests, failed, summary.requests / summary.duration * 1e6))
end
LUA
cat >"$work/warmup.lua" <<'LUA'
local paths = {}
for path in os.getenv("PATHS"):gmatch("%S+") do table.insert(paths, path) end
local i = 0
function request()
    i = i + 1
    return wrk.format("GET", paths[i % #paths + 1])
end
LUA

echo "Warming up for $WARMUP"
PATHS=$(for entry in "${queries[@]}"; do IFS='|' read -r _ path _ <<<"$entry"; printf '%s ' "$path"; done) \
    wrk -t2 -c4 -d"$WARMUP" -s "$work/warmup.lua" "$base" >/dev/null

results="$work/results"
: >"$results"
printf '%-20s %2s %9s %9s %9s %9s %7s %9s %7s\n' query c "p50 ms" "p95 ms" "p99 ms" "req/s" ratio requests failed
for connections in $CONNECTIONS; do
    for entry in "${queries[@]}"; do
        IFS='|' read -r name path _ <<<"$entry"
        out=$(wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"$DURATION" --timeout 10s --latency -s "$work/measure.lua" "$base$path")
        read -r p50 p95 p99 requests failed rps < <(awk '/^RESULT/ {print $2, $3, $4, $5, $6, $7}' <<<"$out")
        if [ "$name" = baseline ]; then baseline=$p95; fi
        ratio=$(awk -v a="$p95" -v b="$baseline" 'BEGIN {printf "%.1f", a / b}')
        printf '%-20s %2s %9s %9s %9s %9s %7s %9s %7s\n' "$name" "$connections" "$p50" "$p95" "$p99" "$rps" "$ratio" "$requests" "$failed"
        printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$connections" "$p50" "$p95" "$rps" "$ratio" >>"$results"
    done
done

# The plans of ContentSearch's statements for a common word (full text) and a typo (trigrams), as the pages sent them.
published="a.language = 'sq' AND a.status = 'PUBLISHED' AND (a.publish_at IS NULL OR a.publish_at <= now()) AND (a.unpublish_at IS NULL OR a.unpublish_at > now())"
echo
echo "Full text, \"femije\":"
sql -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH q AS MATERIALIZED (SELECT to_tsquery('simple', content_fold('femije:*')) AS exact),
matches AS MATERIALIZED (SELECT a.id, a.published_at, ts_rank_cd('{0.01, 0.05, 0.3, 1.0}', a.search_head, q.exact) AS rank
    FROM content_article a CROSS JOIN q WHERE $published AND a.search_document @@ q.exact),
top AS (SELECT * FROM matches ORDER BY rank DESC, published_at DESC, id LIMIT 10)
SELECT a.id, a.title, a.summary, left(a.body, 20000), (SELECT count(*) FROM matches) FROM top JOIN content_article a ON a.id = top.id"
echo
echo "Trigrams, \"bulizem\":"
sql -c "SET pg_trgm.word_similarity_threshold = 0.45" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH q AS MATERIALIZED (SELECT to_tsquery('simple', content_fold('bulizem:*')) AS exact, to_tsquery('simple', content_fold('bulizem:*')) AS any),
matches AS MATERIALIZED (SELECT a.id, a.published_at, a.search_document @@ q.exact AS exact, ts_rank_cd('{0.01, 0.05, 0.3, 1.0}', a.search_head, q.any) AS rank,
    greatest(word_similarity('bulizem', content_fold(a.title)), word_similarity('bulizem', content_fold(a.summary))) AS similarity
    FROM content_article a CROSS JOIN q
    WHERE $published AND (a.search_document @@ q.any OR 'bulizem' <% content_fold(a.title) OR 'bulizem' <% content_fold(a.summary))),
top AS (SELECT * FROM matches ORDER BY exact DESC, rank DESC, similarity DESC, published_at DESC, id LIMIT 10)
SELECT a.id, a.title, (SELECT count(*) FROM matches) FROM top JOIN content_article a ON a.id = top.id"

echo
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB | $(git rev-parse --short HEAD 2>/dev/null || echo -) | $ARTICLES articles per language, generated in $((generated - started)) s |"
cat "$results"
