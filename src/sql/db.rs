//! The generated customer database of one seed: plain rows first, SQLite afterwards.
//!
//! Everything is drawn from the project's [`Rng`] with a fixed "today" (never the
//! machine clock), so that one base number always gives the same rows. The SQLite file
//! is built in memory with a fixed page size and serialised: the same base number gives
//! a byte-identical file with the same bundled SQLite.

use super::pools::{pools, Seller, Town};
use crate::calc::dates::Date;
use crate::num::round::round_cents;
use crate::rng::Rng;
use rusqlite::{params_from_iter, Connection};
use rust_decimal::Decimal;

/// A cell as generated. Amounts are exact decimals, handed to SQLite as text in a REAL
/// column (SQLite converts them itself): no float is built here.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Int(i64),
    Real(Decimal),
    Text(String),
}

impl Val {
    fn text(s: impl Into<String>) -> Val {
        Val::Text(s.into())
    }

    /// How the cell reads in a statement table.
    pub fn shown(&self) -> String {
        match self {
            Val::Null => "NULL".into(),
            Val::Int(i) => i.to_string(),
            Val::Real(d) => d.to_string(),
            Val::Text(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: &'static str,
    pub sql_type: &'static str,
    /// French meaning, shown in the schema description.
    pub meaning: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<Column>,
    /// Extra DDL after the columns (keys).
    pub constraints: &'static str,
    pub rows: Vec<Vec<Val>>,
}

impl Table {
    pub fn col(&self, name: &str) -> usize {
        self.columns
            .iter()
            .position(|c| c.name == name)
            .unwrap_or_else(|| panic!("colonne {name} absente de {}", self.name))
    }

    fn ddl(&self) -> String {
        let cols: Vec<String> = self
            .columns
            .iter()
            .map(|c| format!("  {} {}", c.name, c.sql_type))
            .collect();
        let mut body = cols.join(",\n");
        if !self.constraints.is_empty() {
            body.push_str(",\n  ");
            body.push_str(self.constraints);
        }
        format!("CREATE TABLE {} (\n{body}\n)", self.name)
    }
}

/// A prospect of the file to clean, with what the generator knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prospect {
    pub email: String,
    pub telephone: String,
    pub code_postal: String,
    /// Index of the person (rows with the same index are duplicates).
    pub person: usize,
    pub clean_phone: String,
    pub clean_postcode: String,
}

/// One generated database.
#[derive(Debug, Clone)]
pub struct Database {
    pub base: u64,
    pub today: Date,
    pub seller: &'static Seller,
    pub tables: Vec<Table>,
    pub prospects: Vec<Prospect>,
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// `n` elements drawn from a non-empty pool.
fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    rng.pick(items)
}

/// Lower-case ASCII for e-mail addresses (« Gaël Le Bihan » → « gael.lebihan »).
fn ascii_slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
                'î' | 'ï' | 'Î' => 'i',
                'ô' | 'ö' | 'Ô' => 'o',
                'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
                _ => return None,
            };
            Some(base)
        })
        .collect()
}

impl Database {
    /// The database numbered `base`.
    pub fn generate(base: u64) -> Database {
        let p = pools();
        let mut rng = Rng::from_seed(base ^ 0x5142_4c43_4c49_454e);
        let seller = pick(&mut rng, &p.entreprise);
        let today = Date {
            year: 2026,
            month: rng.int(1, 12) as u32,
            day: rng.int(1, 28) as u32,
        };
        let day = |d: i64| today.add_days(-d);

        // Salespeople: one per western region, plus one for the rest of France.
        let zones = [
            "Bretagne",
            "Bretagne",
            "Pays de la Loire",
            "Normandie",
            "Nouvelle-Aquitaine",
        ];
        let mut commerciaux = Vec::new();
        let mut used = Vec::new();
        for (i, zone) in zones.iter().enumerate() {
            let (prenom, nom) = loop {
                let pr = pick(&mut rng, &p.prenom).clone();
                let no = pick(&mut rng, &p.nom).clone();
                if !used.contains(&no) {
                    used.push(no.clone());
                    break (pr, no);
                }
            };
            commerciaux.push(vec![
                Val::Int(i as i64 + 1),
                Val::text(nom),
                Val::text(prenom),
                Val::text(*zone),
                Val::text(iso(day(rng.int(400, 4000)))),
            ]);
        }
        let salesperson_for = |rng: &mut Rng, t: &Town| -> i64 {
            let candidates: Vec<i64> = zones
                .iter()
                .enumerate()
                .filter(|(_, z)| **z == t.region)
                .map(|(i, _)| i as i64 + 1)
                .collect();
            if candidates.is_empty() || rng.chance(1, 10) {
                rng.int(1, zones.len() as i64)
            } else {
                *rng.pick(&candidates)
            }
        };

        // Customers: B2B and B2C, ABC segments with B2B customers more often in A.
        let n_clients = rng.int(70, 110);
        let mut clients = Vec::new();
        let mut client_info = Vec::new(); // (segment, creation, b2b)
        for id in 1..=n_clients {
            let town = pick(&mut rng, &p.ville);
            let b2b = rng.chance(45, 100);
            let (nom, prenom) = if b2b {
                let kind = pick(&mut rng, &p.raison_sociale);
                let name = if ["Mairie", "École", "Association", "Golf", "Camping"]
                    .contains(&kind.as_str())
                {
                    let de = if town.nom.starts_with(['A', 'E', 'I', 'O', 'U', 'É']) {
                        "d'"
                    } else {
                        "de "
                    };
                    format!("{kind} {de}{}", town.nom)
                } else {
                    format!("{kind} {}", pick(&mut rng, &p.nom))
                };
                (name, Val::Null)
            } else {
                (
                    pick(&mut rng, &p.nom).clone(),
                    Val::text(pick(&mut rng, &p.prenom).clone()),
                )
            };
            let roll = rng.int(1, 100);
            let segment = match (b2b, roll) {
                (true, 1..=25) | (false, 1..=5) => "A",
                (true, 26..=65) | (false, 6..=35) => "B",
                _ => "C",
            };
            let creation = day(rng.int(20, 5 * 365));
            let commercial = salesperson_for(&mut rng, town);
            clients.push(vec![
                Val::Int(id),
                Val::text(if b2b { "B2B" } else { "B2C" }),
                Val::text(nom),
                prenom,
                Val::text(town.nom.clone()),
                Val::text(town.code_postal.clone()),
                Val::text(town.departement.clone()),
                Val::text(town.region.clone()),
                Val::text(segment),
                Val::text(iso(creation)),
                Val::Int(commercial),
            ]);
            client_info.push((segment, creation, b2b, commercial));
        }

        let produits: Vec<Vec<Val>> = seller
            .produit
            .iter()
            .enumerate()
            .map(|(i, pr)| {
                vec![
                    Val::Int(i as i64 + 1),
                    Val::text(pr.libelle.clone()),
                    Val::text(pr.categorie.clone()),
                    Val::Real(pr.prix_ht),
                    Val::Real(pr.tva),
                ]
            })
            .collect();

        // Orders over the last two years; A customers order more often, some C
        // customers never did. Lines at the catalogue price, 5 % off for segment A.
        let mut orders: Vec<(Date, usize)> = Vec::new();
        for (k, (segment, creation, _, _)) in client_info.iter().enumerate() {
            let n = match *segment {
                "A" => rng.int(4, 10),
                "B" => rng.int(1, 5),
                _ => rng.int(-1, 3).max(0),
            };
            let first = creation.to_days().max(day(730).to_days());
            let last = today.to_days() - 1;
            if first > last {
                continue;
            }
            for _ in 0..n {
                orders.push((Date::from_days(rng.int(first, last)), k));
            }
        }
        orders.sort_by_key(|(d, k)| (d.to_days(), *k));
        let mut commandes = Vec::new();
        let mut lignes = Vec::new();
        for (i, (date, k)) in orders.iter().enumerate() {
            let id = i as i64 + 1;
            commandes.push(vec![
                Val::Int(id),
                Val::Int(*k as i64 + 1),
                Val::text(iso(*date)),
                Val::text(pick(&mut rng, &p.canal).clone()),
            ]);
            let (segment, _, b2b, _) = client_info[*k];
            let n_lines = rng.int(1, 4) as usize;
            let mut chosen = rng.distinct(seller.produit.len(), n_lines);
            chosen.sort();
            for j in chosen {
                let q = if b2b { rng.int(1, 8) } else { rng.int(1, 3) };
                let price = seller.produit[j].prix_ht;
                let unit = if segment == "A" {
                    round_cents(price * Decimal::new(95, 2))
                } else {
                    price
                };
                lignes.push(vec![
                    Val::Int(id),
                    Val::Int(j as i64 + 1),
                    Val::Int(q),
                    Val::Real(unit),
                ]);
            }
        }

        // Contacts over the last 18 months.
        let mut contact_rows: Vec<(Date, usize, i64, String, String)> = Vec::new();
        for (k, (_, creation, _, commercial)) in client_info.iter().enumerate() {
            let n = rng.int(-1, 5).max(0);
            let first = creation.to_days().max(day(540).to_days());
            let last = today.to_days() - 1;
            if first > last {
                continue;
            }
            for _ in 0..n {
                let who = if rng.chance(85, 100) {
                    *commercial
                } else {
                    rng.int(1, zones.len() as i64)
                };
                contact_rows.push((
                    Date::from_days(rng.int(first, last)),
                    k,
                    who,
                    pick(&mut rng, &p.type_contact).clone(),
                    pick(&mut rng, &p.resultat_contact).clone(),
                ));
            }
        }
        contact_rows.sort_by_key(|(d, k, ..)| (d.to_days(), *k));
        let contacts: Vec<Vec<Val>> = contact_rows
            .into_iter()
            .enumerate()
            .map(|(i, (d, k, who, t, r))| {
                vec![
                    Val::Int(i as i64 + 1),
                    Val::Int(k as i64 + 1),
                    Val::Int(who),
                    Val::text(iso(d)),
                    Val::text(t),
                    Val::text(r),
                ]
            })
            .collect();

        let (prospects, prospect_rows) = draw_prospects(&mut rng);

        let c = |name, sql_type, meaning| Column {
            name,
            sql_type,
            meaning,
        };
        let tables = vec![
            Table {
                name: "commerciaux",
                columns: vec![
                    c("id_commercial", "INTEGER", "numéro du commercial"),
                    c("nom", "TEXT", "nom"),
                    c("prenom", "TEXT", "prénom"),
                    c("secteur", "TEXT", "région suivie"),
                    c("date_embauche", "TEXT", "date d'embauche (AAAA-MM-JJ)"),
                ],
                constraints: "PRIMARY KEY (id_commercial)",
                rows: commerciaux,
            },
            Table {
                name: "clients",
                columns: vec![
                    c("id_client", "INTEGER", "numéro du client"),
                    c("type", "TEXT", "B2B (professionnel) ou B2C (particulier)"),
                    c("nom", "TEXT", "raison sociale ou nom de famille"),
                    c("prenom", "TEXT", "prénom (NULL pour un professionnel)"),
                    c("ville", "TEXT", "ville"),
                    c("code_postal", "TEXT", "code postal"),
                    c("departement", "TEXT", "numéro du département, en texte (« 35 »)"),
                    c("region", "TEXT", "région"),
                    c("segment", "TEXT", "segment ABC (A : les plus gros clients)"),
                    c("date_creation", "TEXT", "date de création de la fiche (AAAA-MM-JJ)"),
                    c("id_commercial", "INTEGER", "commercial qui suit le client"),
                ],
                constraints: "PRIMARY KEY (id_client),\n  FOREIGN KEY (id_commercial) REFERENCES commerciaux (id_commercial)",
                rows: clients,
            },
            Table {
                name: "produits",
                columns: vec![
                    c("id_produit", "INTEGER", "référence du produit"),
                    c("libelle", "TEXT", "désignation"),
                    c("categorie", "TEXT", "catégorie"),
                    c("prix_ht", "REAL", "prix de vente HT du catalogue, en euros"),
                    c("taux_tva", "REAL", "taux de TVA, en\u{a0}%"),
                ],
                constraints: "PRIMARY KEY (id_produit)",
                rows: produits,
            },
            Table {
                name: "commandes",
                columns: vec![
                    c("id_commande", "INTEGER", "numéro de la commande"),
                    c("id_client", "INTEGER", "client qui a commandé"),
                    c("date_commande", "TEXT", "date de la commande (AAAA-MM-JJ)"),
                    c("canal", "TEXT", "canal de la commande"),
                ],
                constraints: "PRIMARY KEY (id_commande),\n  FOREIGN KEY (id_client) REFERENCES clients (id_client)",
                rows: commandes,
            },
            Table {
                name: "lignes_commande",
                columns: vec![
                    c("id_commande", "INTEGER", "commande"),
                    c("id_produit", "INTEGER", "produit commandé"),
                    c("quantite", "INTEGER", "quantité"),
                    c("prix_unitaire_ht", "REAL", "prix unitaire HT facturé (remise de 5\u{a0}% déduite pour le segment A), en euros"),
                ],
                constraints: "PRIMARY KEY (id_commande, id_produit),\n  FOREIGN KEY (id_commande) REFERENCES commandes (id_commande),\n  FOREIGN KEY (id_produit) REFERENCES produits (id_produit)",
                rows: lignes,
            },
            Table {
                name: "contacts",
                columns: vec![
                    c("id_contact", "INTEGER", "numéro du contact"),
                    c("id_client", "INTEGER", "client contacté"),
                    c("id_commercial", "INTEGER", "commercial qui a pris contact"),
                    c("date_contact", "TEXT", "date du contact (AAAA-MM-JJ)"),
                    c("type_contact", "TEXT", "visite, appel ou e-mail"),
                    c("resultat", "TEXT", "commande, devis, rappel ou refus"),
                ],
                constraints: "PRIMARY KEY (id_contact),\n  FOREIGN KEY (id_client) REFERENCES clients (id_client),\n  FOREIGN KEY (id_commercial) REFERENCES commerciaux (id_commercial)",
                rows: contacts,
            },
            Table {
                name: "prospects",
                columns: vec![
                    c("id_prospect", "INTEGER", "numéro de la ligne du fichier"),
                    c("nom", "TEXT", "nom"),
                    c("prenom", "TEXT", "prénom"),
                    c("email", "TEXT", "adresse e-mail"),
                    c("telephone", "TEXT", "téléphone"),
                    c("code_postal", "TEXT", "code postal"),
                    c("ville", "TEXT", "ville"),
                    c("source", "TEXT", "origine du contact"),
                ],
                constraints: "PRIMARY KEY (id_prospect)",
                rows: prospect_rows,
            },
        ];
        Database {
            base,
            today,
            seller,
            tables,
            prospects,
        }
    }

    pub fn table(&self, name: &str) -> &Table {
        self.tables
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("table {name} absente"))
    }

    /// The database in a fresh in-memory SQLite connection (writable: the corrector
    /// works on a read-only copy, see [`super::run::Sandbox`]).
    pub fn connection(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA page_size = 4096; PRAGMA foreign_keys = ON;")?;
        conn.execute_batch("BEGIN")?;
        for t in &self.tables {
            conn.execute_batch(&t.ddl())?;
            let marks = vec!["?"; t.columns.len()].join(", ");
            let mut stmt = conn.prepare(&format!("INSERT INTO {} VALUES ({marks})", t.name))?;
            for row in &t.rows {
                stmt.execute(params_from_iter(row.iter().map(|v| match v {
                    Val::Null => rusqlite::types::Value::Null,
                    Val::Int(i) => rusqlite::types::Value::Integer(*i),
                    Val::Real(d) => rusqlite::types::Value::Text(d.to_string()),
                    Val::Text(s) => rusqlite::types::Value::Text(s.clone()),
                })))?;
            }
        }
        conn.execute_batch("COMMIT")?;
        Ok(conn)
    }

    /// The SQLite file, as bytes (what `generate --db FILE` writes).
    pub fn file_bytes(&self) -> rusqlite::Result<Vec<u8>> {
        let conn = self.connection()?;
        let data = conn.serialize(rusqlite::MAIN_DB)?;
        Ok(data.to_vec())
    }

    /// "Nous sommes le 14 mars 2026" as an ISO date, for queries.
    pub fn today_iso(&self) -> String {
        iso(self.today)
    }

    /// An ISO date `days` before today.
    pub fn days_ago(&self, days: i64) -> Date {
        self.today.add_days(-days)
    }
}

pub fn iso_date(d: Date) -> String {
    iso(d)
}

/// The prospect file: people, then duplicates of some of them with other spellings,
/// shuffled; formats of phones and postcodes vary.
fn draw_prospects(rng: &mut Rng) -> (Vec<Prospect>, Vec<Vec<Val>>) {
    let p = pools();
    let people_n = rng.int(14, 20) as usize;
    let domains = [
        "gmail.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "wanadoo.fr",
    ];
    struct Person {
        nom: String,
        prenom: String,
        email: String,
        phone: String,
        town: &'static Town,
    }
    let mut people: Vec<Person> = Vec::new();
    while people.len() < people_n {
        let nom = pick(rng, &p.nom).clone();
        let prenom = pick(rng, &p.prenom).clone();
        let email = format!(
            "{}.{}@{}",
            ascii_slug(&prenom),
            ascii_slug(&nom),
            pick(rng, &domains)
        );
        if people.iter().any(|q| q.email == email) {
            continue;
        }
        let phone = format!(
            "0{}{:08}",
            pick(rng, &["6", "7", "2", "9"]),
            rng.int(0, 99_999_999)
        );
        let town = pick(rng, &p.ville);
        people.push(Person {
            nom,
            prenom,
            email,
            phone,
            town,
        });
    }
    let dup_n = rng.int(3, 6) as usize;
    let mut rows_of: Vec<usize> = (0..people_n).collect();
    // A person may come back twice or three times.
    for _ in 0..dup_n {
        rows_of.push(rng.below(people_n as u64) as usize);
    }
    // Shuffle (Fisher–Yates on the raw stream).
    for i in (1..rows_of.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        rows_of.swap(i, j);
    }
    let mut prospects = Vec::new();
    let mut rows = Vec::new();
    for (i, &who) in rows_of.iter().enumerate() {
        let person = &people[who];
        let nom = match rng.int(1, 4) {
            1 => person.nom.to_uppercase(),
            2 => person.nom.to_lowercase(),
            _ => person.nom.clone(),
        };
        let prenom = if rng.chance(1, 5) {
            person.prenom.to_lowercase()
        } else {
            person.prenom.clone()
        };
        let email = match rng.int(1, 6) {
            1 => person.email.to_uppercase(),
            2 => format!(" {}", person.email),
            3 => format!("{} ", person.email),
            4 => {
                let mut c = person.email.chars();
                let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('x');
                format!("{first}{}", c.as_str())
            }
            _ => person.email.clone(),
        };
        let ph = &person.phone;
        let pairs: Vec<&str> = (0..5).map(|k| &ph[2 * k..2 * k + 2]).collect();
        let telephone = match rng.int(1, 6) {
            1 => pairs.join(" "),
            2 => pairs.join("."),
            3 => format!("+33 {} {}", &ph[1..2], pairs[1..].join(" ")),
            _ => ph.clone(),
        };
        let cp = &person.town.code_postal;
        let code_postal = match rng.int(1, 8) {
            1 => format!("{} {}", &cp[..2], &cp[2..]),
            2 if cp.starts_with('0') => cp[1..].to_string(),
            _ => cp.clone(),
        };
        rows.push(vec![
            Val::Int(i as i64 + 1),
            Val::text(nom),
            Val::text(prenom),
            Val::text(email.clone()),
            Val::text(telephone.clone()),
            Val::text(code_postal.clone()),
            Val::text(person.town.nom.clone()),
            Val::text(pick(rng, &p.source_prospect).clone()),
        ]);
        prospects.push(Prospect {
            email,
            telephone,
            code_postal,
            person: who,
            clean_phone: ph.clone(),
            clean_postcode: cp.clone(),
        });
    }
    (prospects, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_base_same_file() {
        let a = Database::generate(7).file_bytes().unwrap();
        let b = Database::generate(7).file_bytes().unwrap();
        assert_eq!(a, b);
        assert_ne!(a, Database::generate(8).file_bytes().unwrap());
        assert!(a.starts_with(b"SQLite format 3\0"));
    }

    #[test]
    fn keys_hold() {
        for base in 0..20 {
            let db = Database::generate(base);
            let conn = db.connection().unwrap();
            let bad: i64 = conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })
                .unwrap();
            assert_eq!(bad, 0);
            let n: i64 = conn
                .query_row("SELECT count(*) FROM commandes", [], |r| r.get(0))
                .unwrap();
            assert!(n > 50, "{base}: {n} commandes");
        }
    }
}
