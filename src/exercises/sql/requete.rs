//! `sql/requete`: commercial needs answered with SQL queries on the customer database
//! (S822). Four questions of increasing difficulty — selection and sorting, a join,
//! GROUP BY / HAVING, a subquery on dates — each drawn among two needs (the
//! `requete_1` … `requete_4` variants). A student's query is run and its result compared
//! with the reference result; classic wrong queries (a date bound off by one, a count
//! over a join that multiplies rows, the catalogue price instead of the invoiced one)
//! are recognised by running them too.

use super::{base_spec, open, practice_note, query_question, strings, variant, QuerySpec};
use crate::calc::dates::Date;
use crate::generate::{Degenerate, Draw, Exercise, ParamSpec};
use crate::model::{Content, Question};
use crate::num::format::euros;
use crate::rng::Rng;
use crate::sql::db::{iso_date, Database};
use crate::sql::render::{sample, schema};
use crate::sql::run::Sandbox;
use rust_decimal::Decimal;

pub struct Requete;

const LEVEL1: &[(&str, &str)] = &[
    (
        "clients-departement",
        "les clients professionnels d'un département, par nom",
    ),
    (
        "produits-prix",
        "les produits d'une catégorie au-dessus d'un prix, du plus cher au moins cher",
    ),
];
const LEVEL2: &[(&str, &str)] = &[
    (
        "commandes-ville",
        "les commandes des clients d'une ville depuis une date (jointure)",
    ),
    (
        "clients-par-commercial",
        "le nombre de clients de chaque commercial (jointure et regroupement)",
    ),
];
const LEVEL3: &[(&str, &str)] = &[
    (
        "gros-clients",
        "les clients dont le CA dépasse un seuil (GROUP BY, HAVING)",
    ),
    (
        "ca-segment",
        "le CA et le nombre de commandes par segment sur une année (GROUP BY)",
    ),
];
const LEVEL4: &[(&str, &str)] = &[
    (
        "clients-inactifs",
        "les clients d'une région sans commande depuis six mois (dates, regroupement)",
    ),
    (
        "sans-contact",
        "les clients sans aucun contact depuis une date (sous-requête)",
    ),
];

const CA: &str = "SUM(l.quantite * l.prix_unitaire_ht)";

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

impl Exercise for Requete {
    fn id(&self) -> &'static str {
        "sql/requete"
    }
    fn version(&self) -> u32 {
        2
    }

    fn params(&self) -> Vec<ParamSpec> {
        vec![
            base_spec(),
            ParamSpec::variant(
                "requete_1",
                "besoin de la question 1 (sélection et tri)",
                LEVEL1,
            ),
            ParamSpec::variant("requete_2", "besoin de la question 2 (jointure)", LEVEL2),
            ParamSpec::variant(
                "requete_3",
                "besoin de la question 3 (regroupement)",
                LEVEL3,
            ),
            ParamSpec::variant(
                "requete_4",
                "besoin de la question 4 (dates, sous-requête)",
                LEVEL4,
            ),
        ]
    }

    fn build(&self, d: &mut Draw) -> Result<Content, Degenerate> {
        let base = d.integer(crate::sql::BASE_PARAM);
        let needs = [
            d.choice("requete_1"),
            d.choice("requete_2"),
            d.choice("requete_3"),
            d.choice("requete_4"),
        ];
        let (db, sandbox) = open(base);
        let rng = d.rng();
        let questions = vec![
            level1(needs[0], &db, &sandbox, rng)?,
            level2(needs[1], &db, &sandbox, rng)?,
            level3(needs[2], &db, &sandbox, rng)?,
            level4(needs[3], &db, &sandbox, rng)?,
        ];
        Ok(Content {
            statement: statement(&db),
            questions,
            solution_intro: "Plusieurs requêtes peuvent convenir : seule compte la table \
                             obtenue (les noms de colonnes sont libres ; l'ordre des lignes \
                             n'est vérifié que si la question en demande un). Les montants \
                             sont comparés au centime près."
                .to_string(),
            solution_outro: String::new(),
        })
    }
}

fn statement(db: &Database) -> String {
    let s = db.seller;
    format!(
        "Nous sommes le {today}. La {forme} {nom} ({activite}, {ville}) tient sa base clients \
         dans une base de données SQLite. Au service commercial, vous préparez pour le \
         responsable des ventes les extractions ci-dessous : écrivez pour chacune une requête \
         SQL (une seule requête SELECT). Seul compte le résultat : les noms de colonnes sont \
         libres, et l'ordre des lignes n'est vérifié que si la question en demande un.\n\n\
         Les dates sont des textes au format AAAA-MM-JJ, qui se comparent comme des dates \
         (`date_commande >= '{today_iso}'`). N'utilisez pas `date('now')` : la date du jour est \
         celle de l'énoncé, le {today}. Le chiffre d'affaires (CA) HT se calcule sur les lignes \
         de commande : quantité × prix unitaire HT facturé.\n\n\
         ### La base\n\n{schema}\
         ### Premières lignes\n\n**clients**\n\n{clients}\n**commandes**\n\n{commandes}\n\
         **lignes_commande**\n\n{lignes}\n**produits**\n\n{produits}\n**commerciaux**\n\n{commerciaux}\n\
         **contacts**\n\n{contacts}\n{practice}\n",
        today = db.today.french(),
        today_iso = db.today_iso(),
        forme = s.forme,
        nom = s.nom,
        activite = s.activite,
        ville = s.ville,
        schema = schema(
            db,
            &["clients", "commerciaux", "produits", "commandes", "lignes_commande", "contacts"]
        ),
        clients = sample(db, "clients", 3),
        commandes = sample(db, "commandes", 3),
        lignes = sample(db, "lignes_commande", 3),
        produits = sample(db, "produits", 3),
        commerciaux = sample(db, "commerciaux", 2),
        contacts = sample(db, "contacts", 2),
        practice = practice_note(),
    )
}

fn pick_row(rows: &[Vec<String>], rng: &mut Rng, what: &str) -> Result<Vec<String>, Degenerate> {
    if rows.is_empty() {
        return Err(Degenerate(
            format!("aucun {what} ne convient dans cette base").into(),
        ));
    }
    Ok(rng.pick(rows).clone())
}

fn level1(need: &str, db: &Database, sb: &Sandbox, rng: &mut Rng) -> Result<Question, Degenerate> {
    let _ = db;
    match need {
        "clients-departement" => {
            let deps = strings(
                sb,
                "SELECT departement, MIN(ville) FROM clients WHERE type = 'B2B' \
                 GROUP BY departement HAVING COUNT(*) BETWEEN 2 AND 15 ORDER BY departement",
            );
            let dep = pick_row(&deps, rng, "département")?;
            let reference = format!(
                "SELECT nom, ville\nFROM clients\nWHERE type = 'B2B' AND departement = {}\nORDER BY nom",
                q(&dep[0])
            );
            query_question(
                sb,
                QuerySpec {
                    key: "requete_1",
                    label: "clients professionnels du département",
                    prompt: format!(
                        "Le commercial du département {} (la ville de {} y est) prépare une \
                         tournée : listez les clients professionnels (B2B) de ce département, \
                         nom et ville, par ordre alphabétique du nom.",
                        dep[0], dep[1]
                    ),
                    variants: vec![variant(
                        format!(
                            "SELECT nom, ville FROM clients WHERE departement = {}",
                            q(&dep[0])
                        ),
                        "filtre-oublie",
                        "Vous avez oublié une condition : seuls les clients professionnels \
                         (type = 'B2B') sont demandés ; combinez les deux conditions avec AND.",
                    )],
                    reference,
                    order_by: vec![0],
                    explanation: format!(
                        "Deux conditions reliées par AND dans WHERE (le département est un \
                         texte : '{}' entre apostrophes), puis ORDER BY nom pour l'ordre \
                         alphabétique.",
                        dep[0]
                    ),
                    points: Decimal::ONE,
                },
            )
        }
        _ => {
            let cats = strings(
                sb,
                "SELECT categorie FROM produits GROUP BY categorie HAVING COUNT(*) >= 3 ORDER BY categorie",
            );
            let cat = pick_row(&cats, rng, "catégorie")?;
            // The threshold is the price of a product of the category: « au moins »
            // includes it, which tells `>=` from `>`.
            let prices = strings(
                sb,
                &format!(
                    "SELECT prix_ht FROM produits WHERE categorie = {} ORDER BY prix_ht DESC",
                    q(&cat[0])
                ),
            );
            let k = rng.int(1, prices.len() as i64 - 2) as usize;
            let threshold: Decimal = prices[k][0]
                .parse()
                .map_err(|_| Degenerate("prix".into()))?;
            let t = threshold.normalize().to_string();
            let reference = format!(
                "SELECT libelle, prix_ht\nFROM produits\nWHERE categorie = {} AND prix_ht >= {t}\nORDER BY prix_ht DESC",
                q(&cat[0])
            );
            query_question(
                sb,
                QuerySpec {
                    key: "requete_1",
                    label: "produits de la catégorie",
                    prompt: format!(
                        "Pour une offre haut de gamme, listez les produits de la catégorie \
                         « {} » dont le prix HT du catalogue est d'au moins {}, du plus cher \
                         au moins cher (libellé et prix HT).",
                        cat[0],
                        euros(threshold)
                    ),
                    variants: vec![variant(
                        format!(
                            "SELECT libelle, prix_ht FROM produits WHERE categorie = {} AND prix_ht > {t}",
                            q(&cat[0])
                        ),
                        "borne-exclue",
                        format!(
                            "« Au moins {} » inclut ce prix : la condition est prix_ht >= {t}, \
                             pas prix_ht > {t}.",
                            euros(threshold)
                        ),
                    )],
                    reference,
                    order_by: vec![1],
                    explanation: "« Au moins » se traduit par >= (la borne est comprise) ; \
                                  ORDER BY prix_ht DESC trie du plus cher au moins cher."
                        .to_string(),
                    points: Decimal::ONE,
                },
            )
        }
    }
}

fn level2(need: &str, db: &Database, sb: &Sandbox, rng: &mut Rng) -> Result<Question, Degenerate> {
    match need {
        "commandes-ville" => {
            let since = db.days_ago(rng.int(90, 300));
            let towns = strings(
                sb,
                &format!(
                    "SELECT cl.ville FROM commandes co JOIN clients cl ON cl.id_client = co.id_client \
                     WHERE co.date_commande >= '{}' GROUP BY cl.ville HAVING COUNT(*) BETWEEN 3 AND 25 \
                     ORDER BY cl.ville",
                    iso_date(since)
                ),
            );
            let town = pick_row(&towns, rng, "ville")?;
            // The bound is the date of one of those orders, so that « depuis le … »
            // (included) tells >= from >.
            let dates = strings(
                sb,
                &format!(
                    "SELECT co.date_commande FROM commandes co JOIN clients cl ON cl.id_client = co.id_client \
                     WHERE cl.ville = {} AND co.date_commande >= '{}' ORDER BY co.date_commande",
                    q(&town[0]),
                    iso_date(since)
                ),
            );
            let bound = dates[dates.len() / 3][0].clone();
            let bound_date = parse_iso(&bound)?;
            let query = |op: &str, b: &str| {
                format!(
                    "SELECT co.id_commande, co.date_commande, cl.nom\nFROM commandes co\nJOIN clients cl ON cl.id_client = co.id_client\nWHERE cl.ville = {} AND co.date_commande {op} '{b}'\nORDER BY co.date_commande",
                    q(&town[0])
                )
            };
            query_question(
                sb,
                QuerySpec {
                    key: "requete_2",
                    label: "commandes des clients de la ville",
                    prompt: format!(
                        "Le responsable veut revoir les commandes passées depuis le {} (inclus) \
                         par les clients de {} : numéro de commande, date et nom du client, de \
                         la plus ancienne à la plus récente.",
                        bound_date.french(),
                        town[0]
                    ),
                    reference: query(">=", &bound),
                    variants: vec![
                        variant(
                            query(">", &bound),
                            "borne-de-date-exclue",
                            format!(
                                "Les commandes du {} lui-même manquent : « depuis le … inclus » \
                                 s'écrit date_commande >= '{bound}', pas >.",
                                bound_date.french()
                            ),
                        ),
                        variant(
                            query(">=", &iso_date(bound_date.add_days(1))),
                            "borne-de-date-decalee",
                            "Votre date de départ est décalée d'un jour : reprenez la date de \
                             l'énoncé, comprise (>=).",
                        ),
                        variant(
                            query(">=", &iso_date(bound_date.add_days(-1))),
                            "borne-de-date-decalee",
                            "Votre date de départ est décalée d'un jour : reprenez la date de \
                             l'énoncé, comprise (>=).",
                        ),
                    ],
                    order_by: vec![1],
                    explanation: "La jointure relie chaque commande à son client par la clé \
                                  étrangère id_client ; la date est comparée comme un texte \
                                  AAAA-MM-JJ, borne comprise (>=)."
                        .to_string(),
                    points: Decimal::ONE,
                },
            )
        }
        _ => {
            let reference = "SELECT co.nom, co.prenom, COUNT(*) AS nb_clients\nFROM commerciaux co\nJOIN clients cl ON cl.id_commercial = co.id_commercial\nGROUP BY co.id_commercial\nORDER BY nb_clients DESC".to_string();
            query_question(
                sb,
                QuerySpec {
                    key: "requete_2",
                    label: "clients par commercial",
                    prompt: "Pour répartir les objectifs, donnez pour chaque commercial son nom, \
                             son prénom et le nombre de clients qu'il suit, du plus grand nombre \
                             au plus petit."
                        .to_string(),
                    reference,
                    variants: vec![variant(
                        "SELECT co.nom, co.prenom, COUNT(*) FROM commerciaux co JOIN clients cl ON cl.id_commercial = co.id_commercial JOIN commandes cm ON cm.id_client = cl.id_client GROUP BY co.id_commercial".to_string(),
                        "jointure-multiplie-lignes",
                        "Vous avez compté des commandes, pas des clients : la jointure avec la \
                         table commandes répète chaque client autant de fois qu'il a de \
                         commandes. Ne joignez que commerciaux et clients (ou comptez \
                         COUNT(DISTINCT cl.id_client)).",
                    ), variant(
                        "SELECT co.nom, co.prenom, COUNT(*) FROM commerciaux co JOIN contacts ct ON ct.id_commercial = co.id_commercial GROUP BY co.id_commercial".to_string(),
                        "mauvaise-table",
                        "Vous avez compté des contacts, pas des clients : le commercial qui suit \
                         un client est la colonne id_commercial de la table clients.",
                    )],
                    order_by: vec![2],
                    explanation: "La jointure associe à chaque commercial ses clients ; GROUP BY \
                                  forme un groupe par commercial et COUNT(*) compte ses lignes, \
                                  c'est-à-dire ses clients ; ORDER BY … DESC trie par nombre \
                                  décroissant."
                        .to_string(),
                    points: Decimal::ONE,
                },
            )
        }
    }
}

fn parse_iso(s: &str) -> Result<Date, Degenerate> {
    let bad = || Degenerate(format!("date {s}").into());
    let mut it = s.split('-');
    let y = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
    let m = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
    let d = it.next().and_then(|x| x.parse().ok()).ok_or_else(bad)?;
    Date::new(y, m, d).ok_or_else(bad)
}

fn joined_sales(price: &str) -> String {
    format!(
        "FROM clients cl\nJOIN commandes co ON co.id_client = cl.id_client\nJOIN lignes_commande l ON l.id_commande = co.id_commande{price}"
    )
}

fn level3(need: &str, db: &Database, sb: &Sandbox, rng: &mut Rng) -> Result<Question, Degenerate> {
    match need {
        "gros-clients" => {
            let totals = strings(
                sb,
                &format!(
                    "SELECT {CA} AS ca {} GROUP BY cl.id_client ORDER BY ca DESC",
                    joined_sales("")
                ),
            );
            if totals.len() < 12 {
                return Err(Degenerate("trop peu de clients actifs".into()));
            }
            let k = rng.int(5, 12) as usize;
            let near: Decimal = totals[k][0].parse().map_err(|_| Degenerate("CA".into()))?;
            let threshold = (near / Decimal::from(1000)).floor() * Decimal::from(1000);
            if threshold <= Decimal::ZERO {
                return Err(Degenerate("seuil nul".into()));
            }
            let t = threshold.normalize().to_string();
            let reference = format!(
                "SELECT cl.nom, {CA} AS ca_ht\n{}\nGROUP BY cl.id_client\nHAVING {CA} > {t}\nORDER BY ca_ht DESC",
                joined_sales("")
            );
            let catalogue = format!(
                "SELECT cl.nom, SUM(l.quantite * p.prix_ht) {}\nJOIN produits p ON p.id_produit = l.id_produit GROUP BY cl.id_client HAVING SUM(l.quantite * p.prix_ht) > {t}",
                joined_sales("")
            );
            query_question(
                sb,
                QuerySpec {
                    key: "requete_3",
                    label: "clients au-dessus du seuil de CA",
                    prompt: format!(
                        "Pour les inviter à une soirée partenaires, listez les clients dont le \
                         CA HT total (toutes commandes confondues) dépasse {} : nom du client et \
                         CA HT, du plus gros au plus petit.",
                        euros(threshold)
                    ),
                    reference,
                    variants: vec![variant(
                        catalogue,
                        "prix-catalogue",
                        "Vous avez calculé le CA au prix du catalogue (produits.prix_ht) : le CA \
                         se calcule au prix facturé (lignes_commande.prix_unitaire_ht), remise \
                         déduite.",
                    )],
                    order_by: vec![1],
                    explanation: format!(
                        "Le CA d'un client est la somme, sur ses lignes de commande, de \
                         quantité × prix unitaire facturé : GROUP BY regroupe par client et \
                         SUM additionne. La condition porte sur la somme, donc sur le groupe : \
                         elle s'écrit dans HAVING (WHERE filtre les lignes avant le \
                         regroupement et n'accepte pas SUM). Seuil : « dépasse {} » se traduit \
                         par >.",
                        euros(threshold)
                    ),
                    points: Decimal::TWO,
                },
            )
        }
        _ => {
            let year = db.today.year - 1;
            let query = |from: &str, to: &str, count: &str| {
                format!(
                    "SELECT cl.segment, {count} AS nb_commandes, {CA} AS ca_ht\n{}\nWHERE co.date_commande BETWEEN '{from}' AND '{to}'\nGROUP BY cl.segment\nORDER BY cl.segment",
                    joined_sales("")
                )
            };
            let from = format!("{year}-01-01");
            let to = format!("{year}-12-31");
            query_question(
                sb,
                QuerySpec {
                    key: "requete_3",
                    label: "CA par segment",
                    prompt: format!(
                        "Pour le bilan de l'année {year}, donnez pour chaque segment (A, B, C) \
                         le nombre de commandes passées en {year} et le CA HT correspondant, \
                         par ordre de segment."
                    ),
                    reference: query(&from, &to, "COUNT(DISTINCT co.id_commande)"),
                    variants: vec![
                        variant(
                            query(&from, &to, "COUNT(*)"),
                            "jointure-multiplie-lignes",
                            "COUNT(*) compte ici des lignes de commande, pas des commandes : la \
                             jointure avec lignes_commande répète chaque commande autant de fois \
                             qu'elle a de produits. Comptez COUNT(DISTINCT co.id_commande).",
                        ),
                        variant(
                            query(
                                &from,
                                &format!("{year}-12-30"),
                                "COUNT(DISTINCT co.id_commande)",
                            ),
                            "borne-de-date-exclue",
                            format!(
                                "Le 31 décembre {year} manque : l'année va du '{from}' au '{to}' \
                                 inclus (BETWEEN inclut ses deux bornes)."
                            ),
                        ),
                        variant(
                            query(
                                &format!("{year}-01-02"),
                                &to,
                                "COUNT(DISTINCT co.id_commande)",
                            ),
                            "borne-de-date-exclue",
                            format!(
                                "Le 1er janvier {year} manque : l'année va du '{from}' au '{to}' \
                                 inclus (BETWEEN inclut ses deux bornes)."
                            ),
                        ),
                    ],
                    order_by: vec![0],
                    explanation: format!(
                        "Les commandes de l'année sont celles du '{from}' au '{to}' (BETWEEN \
                         inclut les deux bornes). La jointure avec lignes_commande donne une \
                         ligne par produit commandé : pour compter des commandes, il faut \
                         COUNT(DISTINCT co.id_commande)."
                    ),
                    points: Decimal::TWO,
                },
            )
        }
    }
}

fn level4(need: &str, db: &Database, sb: &Sandbox, rng: &mut Rng) -> Result<Question, Degenerate> {
    match need {
        "clients-inactifs" => {
            let since = db.today.add_months(-6);
            let s = iso_date(since);
            let regions = strings(
                sb,
                &format!(
                    "SELECT region FROM (SELECT cl.region, MAX(co.date_commande) AS derniere \
                     FROM clients cl JOIN commandes co ON co.id_client = cl.id_client \
                     GROUP BY cl.id_client) WHERE derniere < '{s}' \
                     GROUP BY region HAVING COUNT(*) BETWEEN 2 AND 30 ORDER BY region"
                ),
            );
            let region = pick_row(&regions, rng, "région")?;
            let query = |op: &str| {
                format!(
                    "SELECT cl.nom, cl.ville, {CA} AS ca_ht\n{}\nWHERE cl.region = {}\nGROUP BY cl.id_client\nHAVING MAX(co.date_commande) {op} '{s}'\nORDER BY ca_ht DESC",
                    joined_sales(""),
                    q(&region[0])
                )
            };
            query_question(
                sb,
                QuerySpec {
                    key: "requete_4",
                    label: "clients inactifs de la région",
                    prompt: format!(
                        "Pour une campagne de relance, listez les clients de la région {} qui \
                         ont déjà commandé mais n'ont rien commandé depuis six mois, \
                         c'est-à-dire depuis le {} (inclus) : nom, ville et CA HT total, du plus \
                         gros CA au plus petit.",
                        region[0],
                        since.french()
                    ),
                    reference: query("<"),
                    variants: vec![variant(
                        query("<="),
                        "borne-de-date-incluse",
                        format!(
                            "Un client qui a commandé le {} lui-même a commandé « depuis le {} » : \
                             il n'est pas inactif. La dernière commande doit être strictement \
                             antérieure : MAX(date_commande) < '{s}'.",
                            since.french(),
                            since.french()
                        ),
                    ), variant(
                        format!(
                            "SELECT cl.nom, cl.ville, {CA} {}\nWHERE cl.region = {} AND co.date_commande < '{s}'\nGROUP BY cl.id_client",
                            joined_sales(""),
                            q(&region[0])
                        ),
                        "commandes-anciennes-au-lieu-de-derniere",
                        "Vous avez gardé les clients qui ont une commande avant la date, pas ceux \
                         dont la dernière commande est avant la date : la condition porte sur \
                         MAX(date_commande), dans HAVING (ou écrivez NOT IN / NOT EXISTS sur les \
                         commandes récentes).",
                    )],
                    order_by: vec![2],
                    explanation: format!(
                        "Un client est inactif si sa dernière commande, MAX(date_commande), est \
                         antérieure au '{s}' : c'est une condition sur le groupe, dans HAVING. \
                         La jointure avec les lignes donne en même temps le CA. Une sous-requête \
                         convient aussi : … AND cl.id_client NOT IN (SELECT id_client FROM \
                         commandes WHERE date_commande >= '{s}')."
                    ),
                    points: Decimal::TWO,
                },
            )
        }
        _ => {
            let created = db.days_ago(rng.int(180, 400));
            let since = db.days_ago(rng.int(60, 150));
            let (c, s) = (iso_date(created), iso_date(since));
            let query = |op: &str| {
                format!(
                    "SELECT id_client, nom\nFROM clients\nWHERE date_creation < '{c}'\n  AND id_client NOT IN (SELECT id_client FROM contacts WHERE date_contact {op} '{s}')\nORDER BY id_client"
                )
            };
            query_question(
                sb,
                QuerySpec {
                    key: "requete_4",
                    label: "clients sans contact récent",
                    prompt: format!(
                        "Pour planifier des visites, listez les clients dont la fiche a été \
                         créée avant le {} et qui n'ont eu aucun contact (visite, appel ou \
                         e-mail) depuis le {} (inclus) : numéro et nom, par numéro croissant.",
                        created.french(),
                        since.french()
                    ),
                    reference: query(">="),
                    variants: vec![
                        variant(
                            query(">"),
                            "borne-de-date-exclue",
                            format!(
                                "Un contact du {} lui-même compte (« depuis le … inclus ») : la \
                                 sous-requête doit garder date_contact >= '{s}'.",
                                since.french()
                            ),
                        ),
                        variant(
                            format!(
                                "SELECT DISTINCT cl.id_client, cl.nom FROM clients cl JOIN contacts ct ON ct.id_client = cl.id_client WHERE cl.date_creation < '{c}' AND ct.date_contact < '{s}'"
                            ),
                            "jointure-au-lieu-de-not-in",
                            "Vous avez gardé les clients qui ont eu un contact ancien, pas ceux qui \
                             n'en ont eu aucun de récent : « aucun contact depuis » se traduit par \
                             NOT IN (ou NOT EXISTS) sur les contacts récents, et garde aussi les \
                             clients jamais contactés.",
                        ),
                    ],
                    order_by: vec![0],
                    explanation: "La sous-requête donne les clients contactés depuis la date ; \
                                  NOT IN garde les autres, y compris ceux qui n'ont jamais été \
                                  contactés (ce qu'une simple jointure perdrait)."
                        .to_string(),
                    points: Decimal::TWO,
                },
            )
        }
    }
}
