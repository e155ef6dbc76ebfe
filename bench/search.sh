#!/usr/bin/env bash
# The portal's search page with 10,000 articles in each language: p50 and p95 latency and requests per second of
# /sq/kerko and /en/search for kinds of query — a word in almost every article, a word in one in five, several words,
# typos (the broadened, trigram path), a typo beside a real word, filters, filters alone, deep pages, words found
# nowhere, English — next to a baseline measured in the same run: the page before reporting in the same language
# (/sq/raporto, /en/raporto), which goes through the same filters, layout and message bundles and asks the database
# one small query (the categories); the runs recorded before 2026-11-29's last used the built-in "About us" page, which
# now redirects to the editors' about page, and before 2026-11-29 09:50 the English kinds were divided by the Albanian
# baseline. Each kind is a set of queries taken in turn (with and without diacritics, different words, pages and
# filters; common.sh's $PATHS), so that no one query's plan or cached pages stand for all. The ratio p95 / baseline
# p95 is what to compare between machines and commits.
# Goal: p95 < 30 ms.
#
#   ./mvnw -DskipTests package && bench/search.sh
#   JAR=/path/to/other/raporto.jar bench/search.sh      # the same measurement of another build
#
# Starts $JAR (default target/raporto.jar) on its own data directory, then generates ARTICLES articles, each in
# Albanian and English (so twice as many rows), directly in the embedded PostgreSQL: titles, summaries and Markdown
# bodies drawn from a vocabulary of each language with a few words far more common than the rest, a topic phrase in
# most titles, mixed types, audiences and topics, all published; then VACUUM ANALYZE. Checks that every query finds
# what it should, warms up, measures with wrk, then starts the application again logging its SQL, captures the
# statements it sends for a common word, a word in one article in five, a typo and a word with a filter, and prints their EXPLAIN
# (ANALYZE, BUFFERS).
#
# Settings: ARTICLES (default 10000 per language), DURATION (default 8s per measurement), WARMUP (default 60s: on two
# cores the JIT compiler works for minutes), CONNECTIONS (default "1 4"). About 7 minutes on two cores.
# Installs wrk and PostgreSQL's client from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

ARTICLES=${ARTICLES:-10000}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-1 4}

need wrk wrk
need psql postgresql-client

work=$(mktemp -d)
app_pid=""
trap cleanup EXIT

start_with_database "$work/app.log"

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

# name|language|expected-text|paths...: each kind of query measured is a set of pages taken in turn, each checked first
# for what it must show, and compared with the page before reporting in the same language. Words: "femije",
# "prinder", "internet"… are in 70–100 % of the Albanian articles (in 10–40 % of their titles and summaries),
# "bullizem", "mashtrim"… in 40 % (4 % of titles and summaries).
queries=(
    "baseline|sq|RAPORTO!|/sq/raporto"
    "sq common word|sq|rezultate|/sq/kerko?q=femije /sq/kerko?q=f%C3%ABmij%C3%AB /sq/kerko?q=prinder /sq/kerko?q=prind%C3%ABrit /sq/kerko?q=internet /sq/kerko?q=shkoll%C3%AB /sq/kerko?q=mesues /sq/kerko?q=telefon /sq/kerko?q=rrjet /sq/kerko?q=n%C3%ABx%C3%ABn%C3%ABs"
    "sq rarer word|sq|rezultate|/sq/kerko?q=bullizem /sq/kerko?q=bulliz%C3%ABm /sq/kerko?q=mashtrim /sq/kerko?q=urrejtje /sq/kerko?q=ngacmim /sq/kerko?q=privat%C3%ABsi /sq/kerko?q=fjal%C3%ABkalim /sq/kerko?q=joshje /sq/kerko?q=sekret /sq/kerko?q=policia"
    "sq several words|sq|rezultate|/sq/kerko?q=siguria+e+femijeve+ne+internet /sq/kerko?q=si+t%C3%AB+mbrojm%C3%AB+f%C3%ABmij%C3%ABt /sq/kerko?q=bullizmi+ne+shkolle /sq/kerko?q=prind%C3%ABrit+dhe+m%C3%ABsuesit /sq/kerko?q=fjalekalim+llogari /sq/kerko?q=mashtrimet+ne+internet"
    "sq typo|sq|ashtu siç janë shkruar|/sq/kerko?q=bulizem /sq/kerko?q=privatsi /sq/kerko?q=mashtrm /sq/kerko?q=ngacmin /sq/kerko?q=fjalkalim /sq/kerko?q=shkolel /sq/kerko?q=telefn /sq/kerko?q=interent"
    "sq typo + word|sq|ashtu siç janë shkruar|/sq/kerko?q=bulizem+femije /sq/kerko?q=privatsi+internet /sq/kerko?q=fjalkalim+llogari /sq/kerko?q=mashtrm+telefon"
    "sq word + filters|sq|rezultat|/sq/kerko?q=femije&audience=PARENTS&type=GUIDE /sq/kerko?q=internet&audience=TEACHERS /sq/kerko?q=shkolle&type=NEWS /sq/kerko?q=bullizem&topic=cyberbullying /sq/kerko?q=telefon&audience=TEENS_13_17&type=FAQ /sq/kerko?q=femije&type=PARTNER"
    "sq filters only|sq|artikuj|/sq/kerko?topic=grooming /sq/kerko?topic=privacy&type=GUIDE /sq/kerko?audience=PARENTS /sq/kerko?type=NEWS /sq/kerko?topic=scams&audience=TEACHERS"
    "sq deep page|sq|Faqja|/sq/kerko?q=internet&page=5 /sq/kerko?q=femije&page=37 /sq/kerko?q=bullizem&page=12 /sq/kerko?q=prinder&page=100 /sq/kerko?q=shkolle&page=64 /sq/kerko?topic=grooming&page=80 /sq/kerko?q=mashtrim&page=41"
    "sq found nowhere|sq|Nuk gjetëm asgjë|/sq/kerko?q=zzqxj /sq/kerko?q=kvbrt /sq/kerko?q=xhwq /sq/kerko?q=qqqzz+wwxx /sq/kerko?q=pllqq"
    "baseline|en|RAPORTO!|/en/raporto"
    "en word|en|results|/en/search?q=cyberbullying /en/search?q=children /en/search?q=grooming /en/search?q=privacy /en/search?q=password /en/search?q=scams"
    "en words|en|results|/en/search?q=online+safety /en/search?q=keep+children+safe+online /en/search?q=report+harmful+content /en/search?q=privacy+settings"
    "en typo|en|as they were typed|/en/search?q=cyberbulying /en/search?q=groming /en/search?q=pasword /en/search?q=privasy /en/search?q=chidren"
)
for entry in "${queries[@]}"; do
    IFS='|' read -r name _ expected paths <<<"$entry"
    for path in $paths; do
        html=$(curl -fsS "$base$path")
        grep -q "$expected" <<<"$html" || { echo "$name: $path does not show \"$expected\"" >&2; tail -40 "$work/app.log" >&2; exit 1; }
    done
done

write_measure_lua "$work/measure.lua"
echo "Warming up for $WARMUP"
PATHS=$(for entry in "${queries[@]}"; do IFS='|' read -r _ _ _ paths <<<"$entry"; printf '%s ' "$paths"; done) \
    wrk -t2 -c4 -d"$WARMUP" -s "$work/measure.lua" "$base" >/dev/null

results="$work/results"
: >"$results"
measure_header query language
for connections in $CONNECTIONS; do
    for entry in "${queries[@]}"; do
        IFS='|' read -r name language _ paths <<<"$entry"
        PATHS="$paths" measure "$name" "$language" "$connections" "$base"
    done
done

# The plans of the statements the search sends, as it sends them: the application started again logging its SQL and
# its parameters, the same request twice (the second one counts), and every statement of it explained after the
# settings its transaction made.
kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
start_with_database "$work/plans.log" \
    --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG --logging.level.org.springframework.jdbc.core.StatementCreatorUtils=TRACE
for path in "/sq/kerko?q=femije" "/sq/kerko?q=bullizem" "/sq/kerko?q=bulizem" "/sq/kerko?q=shkolle&type=NEWS"; do
    curl -fsS -o /dev/null "$base$path"
    from=$(wc -l <"$work/plans.log")
    curl -fsS -o /dev/null "$base$path"
    tail -n +"$((from + 1))" "$work/plans.log" | SKIP='content_topic|site_setting' logged_statements | explained >"$work/explain.sql"
    echo
    echo "Statements for $path (each run once before, in the same session, so that its caches are warm):"
    { cat "$work/explain.sql"; echo "SELECT 'warm';"; cat "$work/explain.sql"; } | PGTZ=UTC sql | sed '1,/^warm$/d'
done

echo
jar=${JAR:-target/raporto.jar}
commit=$([ -z "${JAR:-}" ] && git rev-parse --short HEAD 2>/dev/null || basename "$jar")
echo "| $(date -u +%Y-%m-%d) | $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg) | $commit | $ARTICLES articles per language, generated in $((generated - started)) s |"
echo "| query | language | c | p50 ms | p95 ms | req/s | p95 / baseline | failed |"
echo "|---|---|---|---|---|---|---|---|"
results_table
