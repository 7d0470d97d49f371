//! The course book: it builds, stays offline, its links resolve, its chapters follow the
//! progression, and its embedded exercises are exactly what `generate` produces.

use clientele::book::{self, math, preprocess};
use clientele::catalog::catalog;
use clientele::generate::generate;
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The first-year progression of the unit, in teaching order. It comes from the table
/// « The progression of the "Gestion de clientèles" unit » of `shared/CURRICULUM.md`
/// (rows 1 to 7), copied here so that the test does not depend on that file.
const FIRST_YEAR: &[&str] = &["S41", "S431", "S821", "S432", "S522", "S442", "S531"];

/// The whole progression (both years), same source; S531 is split over the two years.
const PROGRESSION: &[&str] = &[
    "S41", "S431", "S821", "S432", "S522", "S442", "S531", "S822", "S443", "S445", "S521", "S523",
    "S512", "S531",
];

struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

/// The real book, built once for all the tests of this file (without the JavaScript and
/// CSS assets when they are not there yet).
fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("livre");
        let result = book::build_with(Path::new("book"), &out, true);
        let built = result.unwrap_or_else(|e| panic!("le livre ne se construit pas : {e}"));
        assert!(built.pages > 5, "{} pages", built.pages);
        Built { _dir: dir, out }
    })
}

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                found.push(p);
            }
        }
    }
    found.sort();
    found
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 3 <= b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

fn html_unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Every `<script type="application/json">` payload of a page.
fn embedded_data(html: &str) -> Vec<&str> {
    let open = "<script type=\"application/json\">";
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len()..];
        let end = after.find("</script>").expect("script fermé");
        found.push(&after[..end]);
        rest = &after[end..];
    }
    found
}

#[test]
fn the_book_builds_without_leftover_directives() {
    let b = built();
    let pages = files_with_ext(&b.out, "html");
    assert!(b.out.join("index.html").is_file());
    assert!(b.out.join("annee-2/s511-prix-documents.html").is_file());
    for page in &pages {
        let html = read(page);
        assert!(!html.contains("{{#"), "{{# reste dans {}", page.display());
        // Formulas are MathML, never left as LaTeX source.
        assert!(!html.contains("$$"), "$$ reste dans {}", page.display());
    }
    let s41 = read(&b.out.join("annee-1/s41-mercatique.html"));
    assert!(s41.contains("<math display=\"block\">"));
    assert!(s41.contains("<mfrac>"));
}

#[test]
fn prose_has_french_no_break_spaces() {
    let b = built();
    // Code, scripts and formulas keep what their authors typed.
    let verbatim =
        Regex::new(r"(?s)<script.*?</script>|<code.*?</code>|<pre.*?</pre>|<math.*?</math>")
            .unwrap();
    let mut checked = 0;
    for page in files_with_ext(&b.out, "html") {
        let html = read(&page);
        let prose = verbatim.replace_all(&html, "");
        for bad in [" €", " %", "« ", " »", " ;"] {
            if let Some(at) = prose.find(bad) {
                let from = prose[..at]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                panic!(
                    "{} : espace ordinaire dans « {bad} » : …{}",
                    page.display(),
                    &prose[from..at + bad.len()]
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 5);
    let s531 = read(&b.out.join("annee-1/s531-effort-commercial.html"));
    assert!(
        s531.contains("19\u{202f}500\u{a0}€"),
        "séparateur de milliers"
    );
}

#[test]
fn nothing_is_loaded_from_the_network() {
    let b = built();
    let attr =
        Regex::new(r#"(?i)\b(?:src|href|srcset|action|data|poster)\s*=\s*["']?\s*(?:https?:)?//"#)
            .unwrap();
    let css_url =
        Regex::new(r#"(?i)(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?\s*(?:https?:)?//)"#)
            .unwrap();
    for page in files_with_ext(&b.out, "html") {
        let html = read(&page);
        if let Some(m) = attr.find(&html) {
            let around = &html[m.start()..(m.start() + 120).min(html.len())];
            panic!("{} charge une ressource externe : {around}", page.display());
        }
        assert!(!css_url.is_match(&html), "{}", page.display());
        assert!(!html.contains("MathJax"), "{}", page.display());
        assert!(!html.to_lowercase().contains("<link rel=\"preconnect\""));
    }
    for css in files_with_ext(&b.out, "css") {
        let text = read(&css);
        assert!(
            !css_url.is_match(&text),
            "{} charge une ressource externe",
            css.display()
        );
    }
    // The fonts are shipped with the book.
    assert!(!files_with_ext(&b.out, "woff2").is_empty());
}

#[test]
fn internal_links_resolve() {
    let b = built();
    let link = Regex::new(r#"\b(?:href|src)\s*=\s*"([^"]*)""#).unwrap();
    let base = Regex::new(r#"<base href="([^"]*)""#).unwrap();
    let id = Regex::new(r#"\b(?:id|name)\s*=\s*"([^"]*)""#).unwrap();
    let mut ids: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut ids_of = |page: &Path| -> BTreeSet<String> {
        ids.entry(page.to_path_buf())
            .or_insert_with(|| {
                id.captures_iter(&read(page))
                    .map(|c| html_unescape(&c[1]))
                    .collect()
            })
            .clone()
    };
    let mut checked = 0;
    for page in files_with_ext(&b.out, "html") {
        let html = read(&page);
        let dir = match base.captures(&html) {
            Some(c) if c[1].starts_with('/') => b.out.join(c[1].trim_start_matches('/')),
            _ => page.parent().unwrap().to_path_buf(),
        };
        for c in link.captures_iter(&html) {
            let target = html_unescape(&c[1]);
            if target.is_empty()
                || target.starts_with("mailto:")
                || target.starts_with("javascript:")
                || target.starts_with("data:")
            {
                continue;
            }
            assert!(
                !target.contains("://"),
                "{} : lien externe {target}",
                page.display()
            );
            let (path, fragment) = match target.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (target.as_str(), None),
            };
            let path = path.split('?').next().unwrap();
            let file = if path.is_empty() {
                page.clone()
            } else {
                let decoded = percent_decode(path);
                // A root-relative link (404.html sets <base href="/">) starts at the book's root.
                let mut f = match decoded.strip_prefix('/') {
                    Some(from_root) => b.out.join(from_root),
                    None => dir.join(&decoded),
                };
                if f.is_dir() {
                    f = f.join("index.html");
                }
                f
            };
            assert!(
                file.is_file(),
                "{} : le lien « {target} » ne mène à aucun fichier",
                page.display()
            );
            if let Some(frag) = fragment.filter(|f| !f.is_empty()) {
                if file.extension().is_some_and(|x| x == "html") {
                    let frag = percent_decode(frag);
                    assert!(
                        ids_of(&file).contains(&frag),
                        "{} : l'ancre « #{frag} » n'existe pas dans {}",
                        page.display(),
                        file.display()
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} liens vérifiés seulement");
}

/// The chapters listed in SUMMARY.md, in order.
fn summary_chapters() -> Vec<String> {
    summary_entries().into_iter().map(|e| e.file).collect()
}

/// One chapter line of SUMMARY.md.
struct Entry {
    file: String,
    /// The `# …` part it is listed in ("Première année", "Deuxième année"…).
    part: String,
    /// Listed under another chapter (a complement) rather than at the top level.
    nested: bool,
}

fn summary_entries() -> Vec<Entry> {
    let summary = read(Path::new("book/src/SUMMARY.md"));
    let link = Regex::new(r"^(\s*)(?:- )?\[[^\]]*\]\(([^)]+\.md)\)").unwrap();
    let mut part = String::new();
    let mut entries = Vec::new();
    for line in summary.lines() {
        if let Some(title) = line.strip_prefix("# ") {
            part = title.trim().to_string();
        } else if let Some(c) = link.captures(line) {
            entries.push(Entry {
                file: c[2].to_string(),
                part: part.clone(),
                nested: !c[1].is_empty(),
            });
        }
    }
    entries
}

/// The savoir code a chapter's `# CODE — Titre` heading starts with, if any.
fn chapter_code(text: &str) -> Option<String> {
    let heading = text.lines().find(|l| l.starts_with("# "))?;
    let code = heading[2..].split_whitespace().next()?;
    CODES.contains(&code).then(|| code.to_string())
}

/// Words of lesson: formulas, code blocks, HTML lines and directives left out.
fn lesson_words(markdown: &str) -> usize {
    let mut words = 0;
    let mut fenced = false;
    let mut display_math = false;
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if let Some(rest) = t.strip_prefix("$$") {
            // A one-line $$…$$ block, or the start or end of a longer one.
            if !rest.contains("$$") {
                display_math = !display_math;
            }
            continue;
        }
        if fenced || display_math || t.starts_with('<') || t.starts_with("{{#") {
            continue;
        }
        let mut inline_math = false;
        let mut prose = String::new();
        for ch in t.chars() {
            if ch == '$' {
                inline_math = !inline_math;
            } else if !inline_math {
                prose.push(ch);
            }
        }
        words += prose
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
    }
    words
}

/// The `#`/`##` sections of a chapter whose heading starts with a savoir code, with the
/// words of lesson under each (up to the next coded heading of the same or a higher level).
fn coded_sections(text: &str) -> Vec<(String, usize)> {
    let heading = Regex::new(r"^(#{1,2}) (S\d{2,3})\b").unwrap();
    let mut found: Vec<(String, usize, String)> = Vec::new();
    for line in text.lines() {
        if let Some(c) = heading.captures(line) {
            if CODES.contains(&&c[2]) {
                found.push((c[2].to_string(), c[1].len(), String::new()));
                continue;
            }
        }
        if let Some(last) = found.last_mut() {
            last.2.push_str(line);
            last.2.push('\n');
        }
    }
    found
        .into_iter()
        .map(|(code, _, body)| (code, lesson_words(&body)))
        .collect()
}

#[test]
fn chapters_follow_the_progression() {
    let entries = summary_entries();
    let mut first = Vec::new();
    let mut second = Vec::new();
    for e in &entries {
        let path = Path::new("book/src").join(&e.file);
        assert!(path.is_file(), "SUMMARY.md cite {}, absent", e.file);
        let in_year = ["annee-1/", "annee-2/", "td/"]
            .iter()
            .any(|d| e.file.starts_with(d));
        if !in_year {
            continue;
        }
        let text = read(&path);
        let heading = text
            .lines()
            .find(|l| l.starts_with("# "))
            .unwrap_or_else(|| panic!("{} n'a pas de titre", e.file));
        let code = chapter_code(&text)
            .unwrap_or_else(|| panic!("{} : « {heading} » ne commence pas par un code", e.file));
        assert!(
            heading.starts_with(&format!("# {code} — ")),
            "{} : « {heading} »",
            e.file
        );
        let name = Path::new(&e.file).file_name().unwrap().to_str().unwrap();
        assert!(
            name.to_uppercase().starts_with(&format!("{code}-")),
            "{} : le titre « {heading} » ne commence pas par le code du fichier",
            e.file
        );
        let scheduled = !e.nested && PROGRESSION.contains(&code.as_str());
        match (e.file.split('/').next().unwrap(), scheduled) {
            ("annee-1", true) => {
                assert_eq!(e.part, "Première année", "{}", e.file);
                first.push(code);
            }
            ("annee-2", true) => {
                assert_eq!(e.part, "Deuxième année", "{}", e.file);
                second.push(code);
            }
            ("td", _) => assert_eq!(e.part, "Travaux dirigés", "{}", e.file),
            _ => assert!(
                !PROGRESSION.contains(&code.as_str()) || e.nested,
                "{} : {code} est un chapitre de la progression",
                e.file
            ),
        }
    }
    // Each year's chapters in the order of the progression (a chapter not yet written may
    // be absent, but never out of place).
    let (year1, year2) = PROGRESSION.split_at(FIRST_YEAR.len());
    assert_eq!(year1, FIRST_YEAR);
    for (codes, order) in [(&first, year1), (&second, year2)] {
        let mut at = 0;
        for c in codes {
            let pos = order[at..]
                .iter()
                .position(|p| p == c)
                .unwrap_or_else(|| panic!("ordre des chapitres {codes:?}, attendu {order:?}"));
            at += pos + 1;
        }
    }
    assert_eq!(first, FIRST_YEAR, "chapitres de première année");
    // Every chapter file of a year or of the TD part is in the book.
    let listed: BTreeSet<String> = entries.iter().map(|e| e.file.clone()).collect();
    for dir in ["annee-1", "annee-2", "td", "annexes"] {
        let Ok(files) = std::fs::read_dir(Path::new("book/src").join(dir)) else {
            continue;
        };
        for e in files.flatten() {
            let name = format!("{dir}/{}", e.file_name().to_str().unwrap());
            if name.ends_with(".md") {
                assert!(listed.contains(&name), "{name} n'est pas dans SUMMARY.md");
            }
        }
    }
}

/// Every savoir code of CURRICULUM.md's tables, in the programme's order (copied from
/// `shared/CURRICULUM.md`, « The three blocks of the programme that the book covers »).
const CODES: &[&str] = &[
    "S41", "S42", "S421", "S422", "S423", "S424", "S425", "S43", "S431", "S432", "S44", "S441",
    "S442", "S443", "S444", "S445", "S446", "S51", "S511", "S512", "S513", "S52", "S521", "S522",
    "S523", "S53", "S531", "S532", "S533", "S534", "S81", "S811", "S812", "S813", "S82", "S821",
    "S822", "S823", "S824", "S825", "S826", "S827",
];

#[test]
fn every_savoir_code_has_its_section() {
    let mut written = BTreeSet::new();
    for file in summary_chapters() {
        for (code, _) in coded_sections(&read(&Path::new("book/src").join(&file))) {
            written.insert(code);
        }
    }
    let missing: Vec<&str> = CODES
        .iter()
        .copied()
        .filter(|c| !written.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes sans section dans le livre : {missing:?}"
    );
}

/// Words of lesson required: the progression's chapters and the TD chapter 1 500 (S521 and
/// S512, the longest of the second year, 3 000); every other section 600, a complement
/// savoir as well as a block's introduction (a three-character code such as S42), which
/// the book's issue holds to the same 600 words of lesson as any savoir section.
fn required_words(code: &str, scheduled: bool) -> usize {
    match code {
        "S521" | "S512" if scheduled => 3000,
        _ if scheduled => 1500,
        // A complement savoir (S425) or a block's introduction (S42): the same 600.
        _ => 600,
    }
}

#[test]
fn chapters_have_substantive_lessons() {
    let mut report = String::from("mots de leçon par section :\n");
    let mut short = Vec::new();
    for e in summary_entries() {
        let text = read(&Path::new("book/src").join(&e.file));
        let sections = coded_sections(&text);
        let chapter = chapter_code(&text);
        for (i, (code, words)) in sections.iter().enumerate() {
            let scheduled = i == 0
                && !e.nested
                && chapter.as_deref() == Some(code.as_str())
                && (PROGRESSION.contains(&code.as_str()) || e.part == "Travaux dirigés");
            // A chapter's count is its whole text; a section's, its own part.
            let words = if scheduled {
                lesson_words(&text)
            } else {
                *words
            };
            let need = required_words(code, scheduled);
            report.push_str(&format!("  {:<48} {code:<5} {words:>6} / {need}\n", e.file));
            if words < need {
                short.push(format!("{} {code} : {words} mots, {need} attendus", e.file));
            }
        }
    }
    println!("{report}");
    assert!(short.is_empty(), "{}\n{report}", short.join("\n"));
}

#[test]
fn every_catalog_type_is_embedded_and_every_directive_exists() {
    let directive = Regex::new(r"\{\{#exercice\s+([^\s}]+)").unwrap();
    let mut embedded = BTreeSet::new();
    for md in files_with_ext(Path::new("book/src"), "md") {
        for c in directive.captures_iter(&read(&md)) {
            let id = c[1].to_string();
            assert!(
                catalog().find(&id).is_some(),
                "{} : type inconnu {id}",
                md.display()
            );
            embedded.insert(id);
        }
    }
    for t in &catalog().types {
        assert!(
            embedded.contains(&t.id),
            "le type {} n'est intégré nulle part dans le livre",
            t.id
        );
    }
}

/// Each type is practised where its savoir is taught: in a chapter, or a `##` section,
/// whose heading starts with one of the type's savoir codes.
#[test]
fn every_type_is_embedded_with_its_savoir() {
    let directive = Regex::new(r"^\{\{#exercice\s+([^\s}]+)").unwrap();
    let heading = Regex::new(r"^(#{1,2}) (S\d{2,3})\b").unwrap();
    let mut at_home = BTreeSet::new();
    for file in summary_chapters() {
        let (mut chapter, mut section) = (String::new(), String::new());
        for line in read(&Path::new("book/src").join(&file)).lines() {
            if let Some(h) = heading.captures(line) {
                if &h[1] == "#" {
                    chapter = h[2].to_string();
                }
                section = h[2].to_string();
            }
            if let Some(d) = directive.captures(line) {
                let t = catalog().find(&d[1]).unwrap();
                if t.savoirs.iter().any(|s| *s == chapter || *s == section) {
                    at_home.insert(t.id.clone());
                }
            }
        }
    }
    for t in &catalog().types {
        assert!(
            at_home.contains(&t.id),
            "{} ({:?}) n'est intégré dans aucun chapitre de ses savoirs",
            t.id,
            t.savoirs
        );
    }
}

#[test]
fn embedded_data_is_well_formed_and_cannot_close_its_script() {
    let b = built();
    let mut ids = BTreeSet::new();
    for page in files_with_ext(&b.out, "html") {
        let html = read(&page);
        for data in embedded_data(&html) {
            assert!(
                !data.contains('<') && !data.contains('>'),
                "{}",
                page.display()
            );
            let v: Value = serde_json::from_str(data).unwrap();
            let id = v["id"].as_str().unwrap();
            assert_eq!(v["variants"].as_array().unwrap().len(), 20, "{id}");
            let first = &v["variants"][0];
            let inst = generate(id, 1, &BTreeMap::new()).unwrap();
            assert_eq!(first["code"], inst.code.as_str());
            assert_eq!(
                first["questions"][0]["answer"],
                inst.questions[0].answer.to_string()
            );
            if page.file_name().unwrap() != "print.html" {
                assert!(
                    html.contains(&format!(
                        "<div class=\"clientele-exercice\" data-exercice=\"{id}\">"
                    )),
                    "{id}"
                );
            }
            ids.insert(id.to_string());
        }
    }
    assert_eq!(ids.len(), catalog().types.len());
}

#[test]
fn a_directive_yields_the_generated_variants() {
    let html = preprocess::expand(
        "Avant.\n\n{{#exercice prix/marges variantes=3 graine=5}}\n\nAprès.\n",
        "book/src/x.md",
    )
    .unwrap();
    assert!(html.contains("<div class=\"clientele-exercice\" data-exercice=\"prix/marges\">\n<script type=\"application/json\">"));
    assert!(html.contains("<noscript><p>Activez JavaScript pour faire cet exercice dans la page, ou générez-le avec <code>clientele generate prix/marges</code>.</p></noscript>\n</div>"));
    let data = embedded_data(&html);
    assert_eq!(data.len(), 1);
    let v: Value = serde_json::from_str(data[0]).unwrap();
    assert_eq!(v["id"], "prix/marges");
    assert_eq!(
        v["title"],
        catalog().find("prix/marges").unwrap().titre.as_str()
    );
    assert_eq!(v["savoirs"], serde_json::json!(["S513", "S443"]));
    let variants = v["variants"].as_array().unwrap();
    assert_eq!(variants.len(), 3);
    for (k, var) in variants.iter().enumerate() {
        let seed = 5 + k as u64;
        let inst = generate("prix/marges", seed, &BTreeMap::new()).unwrap();
        assert_eq!(var["seed"], seed);
        assert_eq!(var["code"], inst.code.as_str());
        let params = var["params"].as_object().unwrap();
        for (name, value) in &inst.params {
            match value.as_number() {
                Some(d) => assert_eq!(params[name.as_ref()], d.to_string()),
                None => assert!(
                    !params.contains_key(name.as_ref()),
                    "{name} n'est pas numérique"
                ),
            }
        }
        assert!(var["statement_html"].as_str().unwrap().starts_with('<'));
        assert!(var["solution_html"].as_str().unwrap().contains("<strong>"));
        let qs = var["questions"].as_array().unwrap();
        assert_eq!(qs.len(), inst.questions.len());
        for (q, expected) in qs.iter().zip(&inst.questions) {
            assert_eq!(q["key"], expected.key);
            assert_eq!(q["label"], expected.label);
            assert_eq!(q["answer"], expected.answer.to_string());
            assert_eq!(q["tolerance"], expected.tolerance.to_string());
            assert_eq!(q["points"], expected.points.to_string());
            assert_eq!(q["unit"], serde_json::to_value(expected.unit).unwrap());
            match &expected.formula {
                Some(f) => assert_eq!(q["formula"], f.as_ref()),
                None => assert!(q["formula"].is_null()),
            }
            let mistakes = q["mistakes"].as_array().unwrap();
            assert_eq!(mistakes.len(), expected.mistakes.len());
            for (m, e) in mistakes.iter().zip(&expected.mistakes) {
                assert_eq!(m["answer"], e.answer.to_string());
                assert_eq!(m["note"], e.note);
                assert_eq!(m["message"], e.message.as_ref());
            }
            assert!(q["prompt_html"].as_str().unwrap().starts_with("<p>"));
            assert!(q["step_html"].is_string());
        }
    }
}

#[test]
fn charts_pass_through_as_svg() {
    // financement/emprunt draws its tables as SVG charts in the solution.
    let html = preprocess::expand("{{#exercice financement/emprunt variantes=5}}", "f.md").unwrap();
    let v: Value = serde_json::from_str(embedded_data(&html)[0]).unwrap();
    let any_svg = v["variants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|var| var["solution_html"].as_str().unwrap().contains("<svg"));
    assert!(any_svg);
}

/// A small book in a temporary directory, with one chapter.
fn small_book(chapter: &str, assets: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("src")).unwrap();
    let mut toml = String::from("[book]\ntitle = \"Essai\"\nlanguage = \"fr\"\n\n[build]\ncreate-missing = false\n\n[preprocessor.clientele]\n\n[output.html]\n");
    if assets {
        toml.push_str("additional-js = [\"assets/clientele.js\"]\n");
    }
    std::fs::write(root.join("book.toml"), toml).unwrap();
    std::fs::write(
        root.join("src/SUMMARY.md"),
        "# Sommaire\n\n- [Chapitre](chap.md)\n",
    )
    .unwrap();
    std::fs::write(root.join("src/chap.md"), chapter).unwrap();
    dir
}

#[test]
fn an_unknown_type_fails_with_file_and_line() {
    let dir = small_book("# Titre\n\nTexte.\n{{#exercice prix/xyz}}\n", false);
    let out = dir.path().join("sortie");
    let err = book::build_with(dir.path(), &out, false).unwrap_err();
    assert!(
        err.contains("chap.md ligne 4 : type d'exercice inconnu « prix/xyz »"),
        "{err}"
    );
    let dir = small_book("# Titre\n\n$$\\frac{1}{$$\n", false);
    let err = book::build_with(dir.path(), &dir.path().join("sortie"), false).unwrap_err();
    assert!(
        err.contains("chap.md ligne 3 : formule LaTeX invalide"),
        "{err}"
    );
    let dir = small_book("# Titre\n\n{{#exercice prix/tva variantes=500}}\n", false);
    let err = book::build_with(dir.path(), &dir.path().join("sortie"), false).unwrap_err();
    assert!(
        err.contains("chap.md ligne 3 : option « variantes »"),
        "{err}"
    );
}

#[test]
fn missing_assets_are_a_clear_error_unless_allowed() {
    let dir = small_book("# Titre\n", true);
    let out = dir.path().join("sortie");
    let err = book::build_with(dir.path(), &out, false).unwrap_err();
    assert!(err.contains("assets/clientele.js"), "{err}");
    assert!(err.contains(book::NO_ASSETS_ENV), "{err}");
    book::build_with(dir.path(), &out, true).unwrap();
    assert!(!read(&out.join("chap.html")).contains("clientele.js"));
}

#[test]
fn the_output_directory_is_never_a_user_directory() {
    let dir = small_book("# Titre\n\n$x^2$\n", false);
    let root = dir.path();
    // Not the source itself, nor a directory that contains it.
    assert!(book::build_with(root, root, false)
        .unwrap_err()
        .contains("dossier source"));
    assert!(book::build_with(root, root.parent().unwrap(), false).is_err());
    let err = book::build_with(root, &root.join("src/sortie"), false).unwrap_err();
    assert!(err.contains("chapitres"), "{err}");
    // Not a non-empty directory of someone else's files.
    let other = root.join("mes-fichiers");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "important").unwrap();
    let err = book::build_with(root, &other, false).unwrap_err();
    assert!(err.contains("n'est pas vide"), "{err}");
    assert_eq!(read(&other.join("notes.txt")), "important");
    // A previous build may be replaced.
    let out = root.join("sortie");
    book::build_with(root, &out, false).unwrap();
    assert!(read(&out.join("chap.html")).contains("<math display=\"inline\"><msup>"));
    book::build_with(root, &out, false).unwrap();
    assert!(out.join(book::MARKER).is_file());
}

#[test]
fn latex_becomes_mathml() {
    let m = math::to_mathml(
        r"\frac{\text{Marge unitaire}}{\text{Coût d'achat HT}} \times 100",
        true,
    )
    .unwrap();
    assert!(
        m.starts_with("<math display=\"block\">") && m.ends_with("</math>"),
        "{m}"
    );
    assert!(
        m.contains("<mfrac>") && m.contains("<mtext>Coût d'achat HT</mtext>") && m.contains('×'),
        "{m}"
    );
    let m = math::to_mathml(r"\sigma = \sqrt{\frac{\sum (x_i - \bar{x})^2}{n}}", false).unwrap();
    assert!(m.starts_with("<math display=\"inline\">"), "{m}");
    for tag in ["<msqrt>", "<msub>", "<msup>", "∑", "<mover>"] {
        assert!(m.contains(tag), "{tag} absent de {m}");
    }
    let m = math::to_mathml(
        r"\text{Clientèle potentielle} = \text{6 200} + \text{Évolution}",
        true,
    )
    .unwrap();
    assert!(
        m.contains("<mtext>Clientèle potentielle</mtext>")
            && m.contains("<mtext>6 200</mtext>")
            && m.contains("Évolution"),
        "{m}"
    );
    assert!(math::to_mathml(r"\frac{1}{", false).is_err());
}

#[test]
fn serve_answers_on_loopback_and_refuses_traversal() {
    use std::io::{Read, Write};
    let b = built();
    let server = book::serve::Server::bind(&b.out, 0).unwrap();
    let addr = server.local_addr();
    assert!(addr.ip().is_loopback());
    let handle = std::thread::spawn(move || {
        for _ in 0..2 {
            let (stream, _) = server.accept().unwrap();
            server.handle(stream).unwrap();
        }
    });
    let get = |path: &str| {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut r = String::new();
        s.read_to_string(&mut r).unwrap();
        r
    };
    let page = get("/annee-2/s511-prix-documents.html");
    assert!(page.starts_with("HTTP/1.1 200"), "{}", &page[..60]);
    assert!(page.contains("Content-Type: text/html; charset=utf-8"));
    assert!(page.contains("clientele-exercice"));
    let secret = get("/../../../../etc/passwd");
    assert!(secret.starts_with("HTTP/1.1 404"), "{}", &secret[..60]);
    handle.join().unwrap();
}

#[test]
fn the_index_directive_lists_every_type_by_savoir_with_its_chapters() {
    use clientele::book::index;
    use mdbook_preprocessor::book::{Book, BookItem, Chapter};
    let chapter = |name: &str, content: &str, path: &str| {
        BookItem::Chapter(Chapter::new(name, content.to_string(), path, Vec::new()))
    };
    let book = Book::new_with_items(vec![
        chapter(
            "S513 — Les marges",
            "# S513 — Les marges\n\n{{#exercice prix/marges variantes=3}}\n\n```\n{{#exercice prix/tva}}\n```\n",
            "annee-2/s513-marges.md",
        ),
        chapter(
            "S443 — La fixation du prix",
            "# S443 — La fixation du prix\n\n{{#exercice prix/marges}}\n",
            "annee-2/s443-prix.md",
        ),
    ]);
    let embeds = index::collect(&book);
    let page = Path::new("annexes/index-exercices.md");
    let md = preprocess::expand_page("# Index\n\n{{#index-exercices}}\n", "x.md", &embeds, page)
        .unwrap();
    // Every type appears once under each of its savoirs, codes in the programme's order.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    let mut codes: Vec<String> = catalog()
        .types
        .iter()
        .flat_map(|t| t.savoirs.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    codes.sort();
    let shown: Vec<&str> = headings
        .iter()
        .map(|h| h[3..].split_whitespace().next().unwrap())
        .collect();
    assert_eq!(shown, codes);
    let rows: usize = catalog().types.iter().map(|t| t.savoirs.len()).sum();
    assert_eq!(md.matches("\n| ").count() - headings.len(), rows);
    // Titles come from the chapters' headings; links are relative to the index page and
    // name every embedding chapter, but not a directive shown in a code block.
    assert!(md.contains("## S513 — Les marges"), "{md}");
    let marges = md.lines().find(|l| l.contains("`prix/marges`")).unwrap();
    assert!(
        marges.ends_with("[S513](../annee-2/s513-marges.md), [S443](../annee-2/s443-prix.md) |"),
        "{marges}"
    );
    let tva = md.lines().find(|l| l.contains("`prix/tva`")).unwrap();
    assert!(tva.ends_with("hors du livre |"), "{tva}");
    // Without the book around it, the directive is a clear error, not a silent blank.
    let e = preprocess::expand("a\n\n{{#index-exercices}}\n", "book/src/x.md").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("{{#index-exercices}}"), "{}", e.message);
}

#[test]
fn an_unknown_directive_fails_with_file_and_line() {
    let dir = small_book("# Titre\n\nTexte.\n\n{{#exercise prix/tva}}\n", false);
    let err = book::build_with(dir.path(), &dir.path().join("sortie"), false).unwrap_err();
    assert!(
        err.contains("chap.md ligne 5 : directive inconnue « {{#exercise prix/tva}} »"),
        "{err}"
    );
    let dir = small_book("# Titre\n\n{{#index-exercice}}\n", false);
    let err = book::build_with(dir.path(), &dir.path().join("sortie"), false).unwrap_err();
    assert!(err.contains("ligne 3 : directive inconnue"), "{err}");
    // In code, a directive is only shown.
    let src = "`{{#index-exercices}}` et `{{#autre}}`\n";
    assert_eq!(preprocess::expand(src, "f.md").unwrap(), src);
}

#[test]
fn the_book_index_page_links_every_catalog_type() {
    let html = read(&built().out.join("annexes/index-exercices.html"));
    for t in &catalog().types {
        assert!(html.contains(&format!("<code>{}</code>", t.id)), "{}", t.id);
    }
    assert!(!html.contains("hors du livre"));
}

/// A glossary term as French dictionaries order it: accents, case, hyphens and
/// apostrophes ignored (« Écart type » between « EBE » and « Écrémage »).
fn collation_key(term: &str) -> String {
    let mut key = String::new();
    for c in term.to_lowercase().chars() {
        match c {
            'à' | 'â' | 'ä' => key.push('a'),
            'é' | 'è' | 'ê' | 'ë' => key.push('e'),
            'î' | 'ï' => key.push('i'),
            'ô' | 'ö' => key.push('o'),
            'ù' | 'û' | 'ü' => key.push('u'),
            'ç' => key.push('c'),
            'œ' => key.push_str("oe"),
            'æ' => key.push_str("ae"),
            '-' | '\'' | ' ' => key.push(' '),
            c if c.is_ascii_alphanumeric() => key.push(c),
            _ => {}
        }
    }
    key
}

#[test]
fn the_glossary_is_in_french_order_and_every_term_has_a_link() {
    let text = read(Path::new("book/src/annexes/glossaire.md"));
    let entry = Regex::new(r"^- \*\*([^*]+)\*\* — .+\. Voir \[").unwrap();
    let terms: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("- "))
        .map(|l| {
            entry
                .captures(l)
                .unwrap_or_else(|| panic!("entrée mal formée : {l}"))
                .get(1)
                .unwrap()
                .as_str()
        })
        .collect();
    assert!((80..=120).contains(&terms.len()), "{} termes", terms.len());
    for pair in terms.windows(2) {
        assert!(
            collation_key(pair[0]) < collation_key(pair[1]),
            "« {} » devrait venir après « {} »",
            pair[0],
            pair[1]
        );
    }
    assert_eq!(collation_key("Écart type"), "ecart type");
}
