//! The E5 mock exam as print-ready HTML: the subject (cover page, dossiers, annexes)
//! and the corrigé (barème, worked solutions, marking guidance).

use crate::e5::{Dossier, Subject, TOTAL_POINTS};
use crate::model::Instance;
use crate::num::format;
use crate::render::html::{document_with, escape, markdown, points};
use crate::render::report::expected;
use crate::text::{capitalise, lowercase_first};
use crate::world::Clientele;
use rust_decimal::Decimal;

const CSS: &str = r#"
.couverture h1 { font-size: 18pt; margin: 3mm 0 2mm; }
@media print { .couverture { font-size: 9.5pt; line-height: 1.3; } .couverture h2 { margin: 4mm 0 1.5mm; } .couverture p { margin: 1.5mm 0; } }
.epreuve { border: 1.5px solid #222; padding: 3mm; text-align: center; margin-bottom: 5mm; }
.epreuve .titre { font-size: 13pt; font-weight: bold; }
.dossier-tete { display: flex; justify-content: space-between; align-items: baseline; gap: 4mm; }
.contexte { background: #f4f4f4; border-left: 3px solid #555; padding: 2mm 3mm; margin: 2mm 0 3mm; }
.document { margin-top: 5mm; }
.document h3 { border-bottom: 1px dotted #777; }
.travail { margin: 2mm 0 2mm; font-weight: bold; }
ol.numerote { list-style: none; padding-left: 0; }
ol.numerote li { margin: 1.5mm 0 2.5mm; break-inside: avoid; page-break-inside: avoid; }
.num { font-weight: bold; margin-right: 1.5mm; white-space: nowrap; }
.renvoi { font-style: italic; }
.annexe { margin-top: 5mm; break-inside: avoid; page-break-inside: avoid; }
tr.total td { font-weight: bold; border-top: 2px solid #222; }
.idees li { margin: 1mm 0; }
.solution table, .annexe table { font-size: 9pt; }
.commande { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
"#;

/// "1 h 40", "1 h 15", "1 h".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}\u{a0}min"),
        (h, 0) => format!("{h}\u{a0}h"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}

/// Splits a statement into its text and its tables: each Markdown table (a block of
/// lines starting with `|`) goes to an annex, and a reference takes its place.
fn split_tables(statement: &str, mut next_annex: impl FnMut(String) -> usize) -> String {
    let mut out = Vec::new();
    let mut table: Vec<&str> = Vec::new();
    let flush =
        |table: &mut Vec<&str>, out: &mut Vec<String>, next: &mut dyn FnMut(String) -> usize| {
            if !table.is_empty() {
                let n = next(table.join("\n"));
                out.push(format!("\n*Données : voir annexe {n}.*\n"));
                table.clear();
            }
        };
    for line in statement.lines() {
        if line.trim_start().starts_with('|') {
            table.push(line);
        } else {
            flush(&mut table, &mut out, &mut next_annex);
            out.push(line.to_string());
        }
    }
    flush(&mut table, &mut out, &mut next_annex);
    out.join("\n")
}

struct Annex {
    number: usize,
    title: String,
    table: String,
}

fn number_label(d: &Dossier, n: usize) -> String {
    format!("{}.{n}", d.number)
}

fn cover(s: &Subject) -> String {
    let b = s.business;
    let p = s.product;
    let clientele = match b.clientele {
        Clientele::Professionnels => {
            "composée de professionnels (entreprises, commerces, collectivités)"
        }
        _ => "mixte : des professionnels et des particuliers",
    };
    let mut out = String::from("<section class=\"page couverture\">\n");
    out.push_str(&format!(
        "<div class=\"epreuve\"><div class=\"titre\">BTS — Épreuve E5 : Management et gestion d'activités commerciales</div>\
         <div>Sujet d'entraînement — durée : 5 heures — {TOTAL_POINTS} points (note sur 20) — calculatrice autorisée</div>\
         <div class=\"meta\">Graine {} · tous les noms et chiffres sont fictifs</div></div>\n",
        s.seed
    ));
    out.push_str(&format!("<h1>Étude de cas : {}</h1>\n", escape(&b.nom)));
    out.push_str("<h2>L'entreprise</h2>\n");
    let forme = if b.forme == "EI" {
        "L'entreprise individuelle".to_string()
    } else if b.forme.starts_with(['A', 'E', 'I', 'O', 'U']) {
        format!("L'{}", b.forme)
    } else {
        format!("La {}", b.forme)
    };
    out.push_str(&format!(
        "<p>{} <strong>{}</strong> exerce dans le secteur suivant : {}. Elle est installée à {} ({}). Sa clientèle est {}.</p>\n",
        escape(&forme),
        escape(&b.nom),
        escape(&lowercase_first(&b.secteur)),
        escape(&b.ville),
        escape(&b.code_postal),
        clientele
    ));
    out.push_str(&format!(
        "<p>Produit étudié : <strong>{}</strong>, {} à l'unité « {} », entre {} et {} HT selon les conditions, {} à la TVA au taux de {}. {} dans l'entreprise : {}.</p>\n",
        escape(&p.nom),
        p.genre.agree("vendu", "vendue"),
        escape(&p.unite),
        format::euros(p.prix_ht_min),
        format::euros(p.prix_ht_max),
        p.genre.agree("soumis", "soumise"),
        format::percent(p.tva),
        b.vendeur_genre.agree("Votre interlocuteur", "Votre interlocutrice"),
        escape(&b.vendeur)
    ));
    out.push_str("<h2>La situation</h2>\n");
    let themes: Vec<String> = s
        .dossiers
        .iter()
        .map(|d| lowercase_first(d.template.title))
        .collect();
    out.push_str(&format!(
        "<p>Vous rejoignez le service commercial de {} en appui de l'équipe de vente. La direction prépare son plan d'action commerciale et vous confie {} dossiers : {}. Chaque dossier réunit des documents de l'entreprise ; les tableaux de données sont en annexe.</p>\n",
        escape(&b.nom),
        s.dossiers.len(),
        escape(&crate::text::french_list(&themes))
    ));
    out.push_str("<h2>Les dossiers</h2>\n<table>\n<tr><th>Dossier</th><th>Thème</th><th class=\"nombre\">Temps conseillé</th><th class=\"nombre\">Points</th></tr>\n");
    for d in &s.dossiers {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"nombre\">{}</td><td class=\"nombre\">{}</td></tr>\n",
            d.number,
            escape(d.template.title),
            duration(d.minutes),
            points(d.points)
        ));
    }
    out.push_str(&format!(
        "<tr class=\"total\"><td></td><td>Total</td><td class=\"nombre\">{}</td><td class=\"nombre\">{}</td></tr>\n</table>\n",
        duration(s.total_minutes()),
        points(s.total_points())
    ));
    out.push_str(&format!(
        "<h2>Avant de commencer</h2>\n<p>Le cas est le même d'un dossier à l'autre : l'entreprise, son secteur, son produit étudié (et donc son taux de TVA de {}) et la personne qui vous encadre sont communs à tous les documents. En revanche, chaque document décrit sa propre situation chiffrée (une période, un client, une commande, une action) : sauf indication contraire, n'utilisez dans une question que les chiffres du document auquel elle se rapporte. Arrondissez comme l'indique chaque document.</p>\n\
         {}<p>Les dossiers sont indépendants et peuvent être traités dans l'ordre de votre choix. Les résultats chiffrés doivent être justifiés (formule, calcul, résultat avec son unité) ; les questions ouvertes attendent une réponse rédigée et argumentée.</p>\n\
         <p class=\"meta\">Entraînement : chaque document porte un code (par exemple <span class=\"code\">{}</span>) ; <span class=\"code\">clientele correct CODE</span> corrige ses réponses chiffrées.</p>\n",
        format::percent(p.tva),
        shared_sentence(s),
        escape(&s.dossiers[0].exercises[0].code)
    ));
    out.push_str("</section>\n");
    out
}

/// Says which figures pass from one document to another, if any.
fn shared_sentence(s: &Subject) -> String {
    let mut out = String::new();
    let mut documents = Vec::new();
    for d in &s.dossiers {
        for (k, set) in d.sets.iter().enumerate() {
            if set.contains_key("taux_marque") || set.contains_key("taux_marge") {
                documents.push(format!("{}.{}", d.number, k + 1));
            }
            if set.contains_key("prix_unitaire") {
                if let Some(m) = d.exercises[..k].iter().position(|i| i.id == "prix/marges") {
                    out.push_str(&format!(
                        "<p>Un chiffre est commun à deux documents : le prix unitaire HT de la facture du document {}.{} est le prix de vente HT qui résulte du document {}.{}.</p>\n",
                        d.number,
                        k + 1,
                        d.number,
                        m + 1
                    ));
                }
            }
        }
    }
    if !documents.is_empty() {
        let which = if documents.len() == 1 {
            format!("le document {}", documents[0])
        } else {
            format!("les documents {}", crate::text::french_list(&documents))
        };
        out.insert_str(
            0,
            &format!(
                "<p>L'entreprise applique à ce produit un taux de marque de {} (marge en pourcentage du prix de vente HT) : {} l'utilise.</p>\n",
                format::percent(s.taux_marque),
                which
            ),
        );
    }
    out
}

fn dossier_heading(d: &Dossier) -> String {
    format!(
        "<h2 class=\"dossier-tete\"><span>Dossier {} — {}</span><span class=\"bareme\">{} · temps conseillé {}</span></h2>\n",
        d.number,
        escape(d.template.title),
        points(d.points),
        duration(d.minutes)
    )
}

fn questions_list(d: &Dossier, k: usize, inst: &Instance) -> String {
    let first = d.first_question(k);
    let mut out =
        String::from("<p class=\"travail\">Travail à faire</p>\n<ol class=\"numerote\">\n");
    for (i, q) in inst.questions.iter().enumerate() {
        out.push_str(&format!(
            "<li><span class=\"num\">{}</span>{} <span class=\"bareme\">({})</span></li>\n",
            number_label(d, first + i),
            escape(&q.prompt),
            points(q.points)
        ));
    }
    out.push_str("</ol>\n");
    out
}

/// The subject: cover page, dossiers, annexes.
pub fn subject(s: &Subject) -> String {
    let mut body = cover(s);
    let mut annexes: Vec<Annex> = Vec::new();
    for d in &s.dossiers {
        body.push_str("<section class=\"page\">\n");
        body.push_str(&dossier_heading(d));
        body.push_str(&format!(
            "<div class=\"contexte\">{}</div>\n",
            markdown(&d.context)
        ));
        for (k, inst) in d.exercises.iter().enumerate() {
            body.push_str("<div class=\"document\">\n");
            body.push_str(&format!(
                "<h3>Document {}.{} — {}</h3>\n<p class=\"meta\">Code <span class=\"code\">{}</span></p>\n",
                d.number,
                k + 1,
                escape(inst.title),
                escape(&inst.code)
            ));
            let text = split_tables(&inst.statement, |table| {
                let number = annexes.len() + 1;
                annexes.push(Annex {
                    number,
                    title: format!(
                        "Dossier {}, document {}.{} — {}",
                        d.number,
                        d.number,
                        k + 1,
                        inst.title
                    ),
                    table,
                });
                number
            });
            body.push_str(&markdown(&text));
            body.push_str(&questions_list(d, k, inst));
            body.push_str("</div>\n");
        }
        body.push_str(
            "<div class=\"document\">\n<h3>Analyse et propositions</h3>\n<ol class=\"numerote\">\n",
        );
        for (k, o) in d.open.iter().enumerate() {
            body.push_str(&format!(
                "<li><span class=\"num\">{}</span>{} <span class=\"bareme\">({})</span></li>\n",
                number_label(d, d.open_number(k)),
                escape(o.template.prompt),
                points(o.points)
            ));
        }
        body.push_str("</ol>\n</div>\n</section>\n");
    }
    if !annexes.is_empty() {
        body.push_str("<section class=\"page\">\n<h2>Annexes</h2>\n");
        for a in &annexes {
            body.push_str(&format!(
                "<div class=\"annexe\">\n<h3>Annexe {} — {}</h3>\n{}</div>\n",
                a.number,
                escape(&a.title),
                markdown(&a.table)
            ));
        }
        body.push_str("</section>\n");
    }
    document_with(
        &format!("Sujet d'entraînement E5 — {}", s.business.nom),
        CSS,
        &body,
    )
}

/// The worked solution of an instance with the questions renumbered as in the dossier.
fn renumbered_solution(d: &Dossier, k: usize, inst: &Instance) -> String {
    let first = d.first_question(k);
    let mut sol = inst.solution.clone();
    for (i, q) in inst.questions.iter().enumerate().rev() {
        let old = format!("**{}. {}**", i + 1, capitalise(q.label));
        let new = format!(
            "**Question {} — {}**",
            number_label(d, first + i),
            capitalise(q.label)
        );
        sol = sol.replacen(&old, &new, 1);
    }
    sol
}

/// The corrigé: barème, expected answers, worked solutions, marking guidance.
pub fn answer_key(s: &Subject) -> String {
    let mut body = String::from("<section class=\"page\">\n");
    body.push_str(&format!(
        "<h1>Corrigé et barème — étude de cas {}</h1>\n<p class=\"meta\">Sujet d'entraînement E5, graine {} · {} points, note sur 20 = points ÷ 3</p>\n",
        escape(&s.business.nom),
        s.seed,
        TOTAL_POINTS
    ));
    body.push_str("<h2>Barème</h2>\n<table>\n<tr><th>Dossier</th><th class=\"nombre\">Questions chiffrées</th><th class=\"nombre\">Questions ouvertes</th><th class=\"nombre\">Total</th><th class=\"nombre\">Sur 20</th></tr>\n");
    for d in &s.dossiers {
        let open: Decimal = d.open.iter().map(|o| o.points).sum();
        body.push_str(&format!(
            "<tr><td>{} — {}</td><td class=\"nombre\">{}</td><td class=\"nombre\">{}</td><td class=\"nombre\">{}</td><td class=\"nombre\">{}</td></tr>\n",
            d.number,
            escape(d.template.title),
            points(d.points - open),
            points(open),
            points(d.points),
            format::number(d.points * Decimal::from(20) / Decimal::from(TOTAL_POINTS), 2)
        ));
    }
    body.push_str(&format!(
        "<tr class=\"total\"><td>Total</td><td></td><td></td><td class=\"nombre\">{}</td><td class=\"nombre\">20</td></tr>\n</table>\n",
        points(s.total_points())
    ));
    body.push_str("<p>Les réponses chiffrées se corrigent avec leur code : <span class=\"commande\">clientele correct CODE</span> pour une copie (les questions sont posées dans l'ordre du document), ou pour une classe <span class=\"commande\">clientele devoir creer e5.toml --classe liste.csv</span> puis <span class=\"commande\">clientele devoir corriger e5.toml --classe liste.csv --reponses saisie.csv</span> (partie chiffrée seulement : la note sur 20 qu'il donne porte sur ces seuls points). Un code suivi d'une empreinte (quatre caractères après un second tiret) a un paramètre fixé pour accorder ses chiffres à ceux d'un autre document : corrigez-le avec le <span class=\"code\">--set</span> indiqué dans le tableau. Une réponse juste calculée à partir d'un résultat antérieur faux reçoit ses points (report d'erreur).</p>\n");
    body.push_str("<table>\n<tr><th>Document</th><th>Questions</th><th>Code</th><th>Paramètre fixé</th></tr>\n");
    for (d, k, inst) in s.exercises() {
        let first = d.first_question(k);
        body.push_str(&format!(
            "<tr><td>{}.{} — {}</td><td>{} à {}</td><td class=\"code\">{}</td><td>{}</td></tr>\n",
            d.number,
            k + 1,
            escape(inst.title),
            number_label(d, first),
            number_label(d, first + inst.questions.len() - 1),
            escape(&inst.code),
            if d.sets[k].is_empty() {
                "—".to_string()
            } else {
                format!(
                    "<span class=\"commande\">{}</span>",
                    escape(&crate::e5::set_args(&d.sets[k]))
                )
            }
        ));
    }
    body.push_str("</table>\n</section>\n");
    for d in &s.dossiers {
        body.push_str("<section class=\"page\">\n");
        body.push_str(&dossier_heading(d));
        body.push_str("<table>\n<tr><th>n°</th><th>Question</th><th class=\"nombre\">Réponse attendue</th><th class=\"nombre\">Tolérance</th><th class=\"nombre\">Points</th></tr>\n");
        for (k, inst) in d.exercises.iter().enumerate() {
            let first = d.first_question(k);
            for (i, q) in inst.questions.iter().enumerate() {
                body.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td class=\"nombre\"><strong>{}</strong></td><td class=\"nombre\">±\u{a0}{}</td><td class=\"nombre\">{}</td></tr>\n",
                    number_label(d, first + i),
                    escape(&capitalise(q.label)),
                    escape(&expected(q)),
                    format::number(q.grading_tolerance(), 4),
                    format::number(q.points, 2)
                ));
            }
        }
        for (k, o) in d.open.iter().enumerate() {
            body.push_str(&format!(
                "<tr><td>{}</td><td>Question ouverte (voir ci-dessous)</td><td class=\"nombre\">—</td><td class=\"nombre\">—</td><td class=\"nombre\">{}</td></tr>\n",
                number_label(d, d.open_number(k)),
                format::number(o.points, 2)
            ));
        }
        body.push_str(&format!(
            "<tr class=\"total\"><td></td><td>Total du dossier</td><td></td><td></td><td class=\"nombre\">{}</td></tr>\n</table>\n",
            format::number(d.points, 2)
        ));
        for (k, inst) in d.exercises.iter().enumerate() {
            body.push_str(&format!(
                "<div class=\"document\">\n<h3>Document {}.{} — {} <span class=\"code\">{}</span></h3>\n<div class=\"solution\">\n{}</div>\n</div>\n",
                d.number,
                k + 1,
                escape(inst.title),
                escape(&inst.code),
                markdown(&renumbered_solution(d, k, inst))
            ));
        }
        for (k, o) in d.open.iter().enumerate() {
            body.push_str(&format!(
                "<div class=\"document\">\n<h3>Question {} — {}</h3>\n<p><em>{}</em></p>\n<p>Idées attendues :</p>\n<ul class=\"idees\">\n",
                number_label(d, d.open_number(k)),
                points(o.points),
                escape(o.template.prompt)
            ));
            for idea in o.template.ideas {
                body.push_str(&format!("<li>{}</li>\n", escape(idea)));
            }
            body.push_str(&format!(
                "</ul>\n<p>Notation : {}</p>\n</div>\n",
                escape(o.template.guidance)
            ));
        }
        body.push_str("</section>\n");
    }
    document_with(
        &format!("Corrigé — sujet d'entraînement E5 — {}", s.business.nom),
        CSS,
        &body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_french() {
        assert_eq!(duration(100), "1\u{a0}h\u{a0}40");
        assert_eq!(duration(75), "1\u{a0}h\u{a0}15");
        assert_eq!(duration(60), "1\u{a0}h");
        assert_eq!(duration(300), "5\u{a0}h");
        assert_eq!(duration(45), "45\u{a0}min");
    }

    #[test]
    fn tables_go_to_the_annexes() {
        let mut got = Vec::new();
        let text = split_tables(
            "Avant.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAprès.",
            |t| {
                got.push(t);
                7
            },
        );
        assert_eq!(got, vec!["| a | b |\n|---|---|\n| 1 | 2 |".to_string()]);
        assert!(
            text.contains("voir annexe 7") && text.contains("Avant.") && text.contains("Après.")
        );
        assert!(!text.contains("| 1 |"));
    }
}
