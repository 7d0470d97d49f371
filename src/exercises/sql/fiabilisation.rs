//! `sql/fiabilisation`: cleaning a prospect file before it joins the customer base
//! (S822): duplicates, phone numbers and postcodes written in several ways, e-mail
//! addresses with capitals and stray spaces. Counts are numeric questions (with the
//! classic wrong counts as known mistakes); the cleaned rows are SQL questions, run and
//! compared like those of `sql/requete`.

use super::{base_spec, open, practice_note, query_question, variant, QuerySpec};
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question, Unit};
use crate::sql::db::Database;
use crate::sql::render::{sample, schema};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub struct Fiabilisation;

fn n(x: usize) -> Decimal {
    Decimal::from(x as u64)
}

impl Exercise for Fiabilisation {
    fn id(&self) -> &'static str {
        "sql/fiabilisation"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![base_spec()]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let base = d.integer(crate::sql::BASE_PARAM);
        let (db, sb) = open(base);
        let p = &db.prospects;
        let rows = p.len();
        let mut per_person: BTreeMap<usize, usize> = BTreeMap::new();
        for x in p {
            *per_person.entry(x.person).or_default() += 1;
        }
        let surplus = rows - per_person.len();
        if surplus == 0 {
            return Err(Degenerate("aucun doublon".into()));
        }
        let groups = per_person.values().filter(|&&c| c > 1).count();
        let in_groups: usize = per_person.values().filter(|&&c| c > 1).sum();
        let mut raw: Vec<&str> = p.iter().map(|x| x.email.as_str()).collect();
        raw.sort();
        raw.dedup();
        let raw_surplus = rows - raw.len();
        let bad_phone = p.iter().filter(|x| x.telephone != x.clean_phone).count();
        let spaced_phone = p.iter().filter(|x| x.telephone.contains(' ')).count();
        let bad_cp = p
            .iter()
            .filter(|x| x.code_postal != x.clean_postcode)
            .count();
        let short_cp = p.iter().filter(|x| x.code_postal.len() == 4).count();
        let spaced_cp = p.iter().filter(|x| x.code_postal.contains(' ')).count();
        if bad_phone == 0 || bad_cp == 0 {
            return Err(Degenerate("fichier déjà propre".into()));
        }

        let q1 = Question::new(
            "doublons",
            "lignes en double à supprimer",
            "Combien de lignes du fichier faut-il supprimer pour ne garder qu'une ligne par prospect ?",
            n(surplus),
            Unit::Number,
        )
        .mistake(
            n(groups),
            "prospects-au-lieu-de-lignes",
            "Vous avez compté les prospects qui ont des doublons, pas les lignes à supprimer : un \
             prospect présent trois fois donne deux lignes à supprimer. Comptez lignes − prospects \
             distincts.",
        )
        .mistake(
            n(in_groups),
            "toutes-les-lignes-du-doublon",
            "Vous avez compté toutes les lignes des prospects en double, y compris celle qu'on \
             garde : on supprime toutes les lignes sauf une par prospect.",
        )
        .mistake(
            n(raw_surplus),
            "doublons-non-normalises",
            "Vous n'avez compté que les adresses écrites exactement pareil : il faut d'abord les \
             normaliser (minuscules, sans espaces), sinon « A.b@x.fr » et « a.b@x.fr » semblent \
             différentes.",
        )
        .step(format!(
            "Le fichier a {rows} lignes pour {} prospects distincts (adresses e-mail comparées en \
             minuscules, sans espaces) : {rows} − {} = **{surplus} lignes** à supprimer. En SQL : \
             `SELECT COUNT(*) - COUNT(DISTINCT LOWER(TRIM(email))) FROM prospects`.",
            per_person.len(),
            per_person.len()
        ));
        let q2 = Question::new(
            "telephones",
            "téléphones à normaliser",
            "Combien de numéros de téléphone ne sont pas écrits au format retenu (dix chiffres \
             collés, commençant par 0) ?",
            n(bad_phone),
            Unit::Number,
        )
        .mistake(
            n(spaced_phone),
            "espaces-seulement",
            "Vous n'avez compté que les numéros avec des espaces : ceux écrits avec des points \
             (06.12.34.56.78) ne sont pas non plus au format retenu.",
        )
        .mistake(
            n(rows - bad_phone),
            "compte-inverse",
            "Vous avez compté les numéros déjà au bon format, pas ceux à normaliser.",
        )
        .step(format!(
            "Sont à normaliser les numéros avec espaces, avec points, ou au format international \
             +33 : **{bad_phone}** sur {rows}. En SQL : `SELECT COUNT(*) FROM prospects WHERE \
             telephone NOT GLOB '0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'`."
        ));
        let q3 = Question::new(
            "codes_postaux",
            "codes postaux à corriger",
            "Combien de codes postaux sont à corriger (un code postal s'écrit avec cinq chiffres, \
             sans espace) ?",
            n(bad_cp),
            Unit::Number,
        )
        .mistake(
            n(short_cp),
            "zero-initial-seulement",
            "Vous n'avez compté que les codes de quatre chiffres (0 initial perdu) : ceux écrits \
             avec une espace (« 35 000 ») sont aussi à corriger.",
        )
        .mistake(
            n(spaced_cp),
            "espaces-seulement",
            "Vous n'avez compté que les codes avec une espace : ceux de quatre chiffres ont perdu \
             leur 0 initial (un tableur les a lus comme des nombres) et sont aussi à corriger.",
        )
        .step(format!(
            "Codes de quatre chiffres (0 initial perdu, « 1000 » pour 01000) et codes avec une \
             espace : **{bad_cp}**. En SQL : `SELECT COUNT(*) FROM prospects WHERE \
             LENGTH(code_postal) <> 5 OR INSTR(code_postal, ' ') > 0`."
        ));
        let emails = "SELECT DISTINCT LOWER(TRIM(email)) AS email\nFROM prospects\nORDER BY 1";
        let q4 = query_question(
            &sb,
            QuerySpec {
                key: "emails",
                label: "adresses e-mail normalisées",
                prompt: "Écrivez la requête qui donne la liste des adresses e-mail normalisées \
                         (en minuscules, sans espace avant ni après), chacune une seule fois, \
                         par ordre alphabétique."
                    .to_string(),
                reference: emails.to_string(),
                variants: vec![
                    variant(
                        "SELECT DISTINCT LOWER(email) FROM prospects".into(),
                        "espaces-oublies",
                        "Des espaces restent avant ou après certaines adresses : TRIM(email) les \
                         retire.",
                    ),
                    variant(
                        "SELECT DISTINCT TRIM(email) FROM prospects".into(),
                        "minuscules-oubliees",
                        "Des majuscules restent : LOWER(…) met l'adresse en minuscules (une \
                         adresse e-mail ne distingue pas les majuscules).",
                    ),
                    variant(
                        "SELECT LOWER(TRIM(email)) FROM prospects".into(),
                        "distinct-oublie",
                        "Les doublons restent : SELECT DISTINCT ne garde qu'une fois chaque \
                         adresse.",
                    ),
                ],
                order_by: vec![0],
                explanation: "TRIM retire les espaces aux deux bouts, LOWER met en minuscules, \
                              DISTINCT supprime les doublons qui n'apparaissent qu'une fois les \
                              adresses normalisées ; ORDER BY 1 trie sur la première colonne."
                    .to_string(),
                points: Decimal::TWO,
            },
        )?;
        let phones = "SELECT id_prospect,\n  REPLACE(REPLACE(REPLACE(telephone, ' ', ''), '.', ''), '+33', '0') AS telephone\nFROM prospects";
        let q5 = query_question(
            &sb,
            QuerySpec {
                key: "telephones_normalises",
                label: "téléphones normalisés",
                prompt: "Écrivez la requête qui donne, pour chaque ligne du fichier, son \
                         numéro (id_prospect) et le téléphone au format retenu : dix chiffres \
                         collés, « +33 6… » devenant « 06… »."
                    .to_string(),
                reference: phones.to_string(),
                variants: vec![
                    variant(
                        "SELECT id_prospect, REPLACE(REPLACE(telephone, ' ', ''), '.', '') FROM prospects".into(),
                        "indicatif-oublie",
                        "Les numéros au format international restent en +33 : remplacez « +33 » \
                         par « 0 » une fois les espaces retirés.",
                    ),
                    variant(
                        "SELECT id_prospect, REPLACE(REPLACE(telephone, ' ', ''), '+33', '0') FROM prospects".into(),
                        "points-oublies",
                        "Les numéros écrits avec des points (06.12.34.56.78) ne sont pas \
                         normalisés : retirez aussi les points avec REPLACE(…, '.', '').",
                    ),
                ],
                order_by: vec![],
                explanation: "Chaque REPLACE retire un séparateur (espace, point) ; une fois \
                              les espaces retirés, « +33 » devient « 0 ». L'ordre des \
                              remplacements compte : « +33 6 12 … » sans espaces donne \
                              « +33612… », puis « 0612… »."
                    .to_string(),
                points: Decimal::TWO,
            },
        )?;
        Ok(Content {
            statement: statement(&db),
            questions: vec![q1, q2, q3, q4, q5],
            solution_intro: "Deux lignes désignent le même prospect quand leurs adresses \
                             e-mail sont égales une fois mises en minuscules et débarrassées \
                             de leurs espaces."
                .to_string(),
            solution_outro: "Fiabiliser le fichier avant de l'intégrer évite d'appeler deux \
                             fois le même prospect et de fausser les comptages (taux de \
                             transformation, coût par contact) ; la normalisation se fait \
                             de préférence dès la saisie (formulaire avec formats imposés)."
                .to_string(),
        })
    }
}

fn statement(db: &Database) -> String {
    let s = db.seller;
    let rows = db.table("prospects").rows.len();
    format!(
        "Nous sommes le {today}. La {forme} {nom} ({activite}, {ville}) veut intégrer à sa base \
         clients un fichier de {rows} prospects réunis par plusieurs personnes (salons, site web, \
         parrainages…). Avant l'intégration, votre mission : le fiabiliser, c'est-à-dire repérer les \
         doublons et normaliser les champs.\n\n\
         Règles retenues : deux lignes désignent le même prospect quand leurs adresses e-mail \
         sont égales une fois mises en minuscules et sans espace avant ni après ; un téléphone \
         s'écrit avec dix chiffres collés commençant par 0 ; un code postal a cinq chiffres, \
         sans espace.\n\n\
         ### La table prospects\n\n{schema}### Le fichier complet\n\n(« ␣ » marque une espace en début ou en fin de texte.)\n\n{rows_md}\n{practice}\n",
        today = db.today.french(),
        forme = s.forme,
        nom = s.nom,
        activite = s.activite,
        ville = s.ville,
        schema = schema(db, &["prospects"]),
        rows_md = sample(db, "prospects", rows),
        practice = practice_note(),
    )
}
