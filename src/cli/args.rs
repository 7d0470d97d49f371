//! The argument grammar, with French help.

use clap::error::ErrorKind;
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const TEMPLATE: &str = "{about}\n\nUtilisation : {usage}\n\n{all-args}{after-help}";

#[derive(Parser, Debug)]
#[command(
    name = "clientele",
    version,
    about = "Exercices et correction automatique pour « Gestion de clientèles » (BTS NDRC)",
    help_template = TEMPLATE,
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(short = 'h', long = "help", action = ArgAction::Help, help = "Affiche l'aide", global = true)]
    help: Option<bool>,
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help = "Affiche la version")]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Liste les types d'exercices, leurs savoirs et leurs paramètres.
    #[command(help_template = TEMPLATE)]
    List(ListArgs),
    /// Génère un ou plusieurs exercices (énoncé, questions, corrigé).
    #[command(help_template = TEMPLATE)]
    Generate(GenerateArgs),
    /// Corrige des réponses à partir du code imprimé sur l'énoncé.
    #[command(help_template = TEMPLATE)]
    Correct(CorrectArgs),
    /// Construit ou sert le livre du cours (HTML hors ligne, exercices interactifs).
    #[command(help_template = TEMPLATE, subcommand_help_heading = "Commandes", subcommand_value_name = "COMMANDE")]
    Book(BookArgs),
    /// Devoirs : une variante par élève, corrigé, correction de la classe, export Moodle.
    #[command(help_template = TEMPLATE, subcommand_help_heading = "Commandes", subcommand_value_name = "COMMANDE")]
    Devoir(DevoirArgs),
    /// Sujet d'entraînement à l'E5 : étude de cas en dossiers, annexes, corrigé et barème.
    #[command(help_template = TEMPLATE)]
    E5(E5Args),
    /// Hidden: the Rust side of the differential tests of the book's JavaScript (see
    /// `docs/differential.md`): reads JSON lines on standard input, one result per line.
    #[command(hide = true)]
    Lot,
}

#[derive(Args, Debug)]
pub struct E5Args {
    /// Graine du sujet : la même graine redonne le même sujet. Tirée au hasard si absente.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Dossier de sortie (par défaut : e5-GRAINE).
    #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
    pub output: Option<PathBuf>,
    /// Autorise à remplacer des fichiers existants.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct DevoirArgs {
    #[command(subcommand)]
    pub command: DevoirCommand,
}

#[derive(Subcommand, Debug)]
pub enum DevoirCommand {
    /// Crée les copies (une variante par élève), le corrigé et le fichier de saisie des réponses.
    #[command(help_template = TEMPLATE)]
    Creer(CreerArgs),
    /// Corrige les réponses saisies : carnet de notes, retours par élève, bilan de la classe.
    #[command(help_template = TEMPLATE)]
    Corriger(CorrigerArgs),
    /// Exporte les exercices de la feuille en XML Moodle (questions Cloze), N variantes chacun.
    #[command(help_template = TEMPLATE)]
    Moodle(DevoirMoodleArgs),
}

#[derive(Args, Debug)]
pub struct CreerArgs {
    /// Feuille de devoir (TOML : titre, date, graine, exercices ; voir exercises/devoirs/).
    #[arg(value_name = "FEUILLE")]
    pub feuille: PathBuf,
    /// Liste de classe (CSV : nom, prénom, identifiant ; virgule ou point-virgule).
    #[arg(long, value_name = "LISTE.csv")]
    pub classe: PathBuf,
    /// Dossier de sortie (par défaut : devoir-NOM_DE_LA_FEUILLE).
    #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
    pub output: Option<PathBuf>,
    /// Autorise à remplacer des fichiers existants.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct CorrigerArgs {
    /// Feuille de devoir (la même que pour « devoir creer »).
    #[arg(value_name = "FEUILLE")]
    pub feuille: PathBuf,
    /// Liste de classe (la même que pour « devoir creer »).
    #[arg(long, value_name = "LISTE.csv")]
    pub classe: PathBuf,
    /// Réponses saisies (le fichier saisie.csv rempli).
    #[arg(long, value_name = "REPONSES.csv")]
    pub reponses: PathBuf,
    /// Dossier de sortie (par défaut : correction-NOM_DE_LA_FEUILLE).
    #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
    pub output: Option<PathBuf>,
    /// Autorise à remplacer des fichiers existants.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct DevoirMoodleArgs {
    /// Feuille de devoir.
    #[arg(value_name = "FEUILLE")]
    pub feuille: PathBuf,
    /// Nombre de variantes de chaque exercice (1 à 500).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=500))]
    pub variantes: u32,
    /// Fichier de sortie (sinon la sortie standard).
    #[arg(short = 'o', long = "output", value_name = "FICHIER")]
    pub output: Option<PathBuf>,
    /// Autorise à remplacer un fichier existant.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct BookArgs {
    #[command(subcommand)]
    pub command: BookCommand,
}

#[derive(Subcommand, Debug)]
pub enum BookCommand {
    /// Construit le livre HTML (hors ligne) à partir de ses chapitres Markdown.
    #[command(help_template = TEMPLATE)]
    Build(BookBuildArgs),
    /// Sert le livre construit sur http://127.0.0.1 (cette machine seulement).
    #[command(help_template = TEMPLATE)]
    Serve(BookServeArgs),
}

#[derive(Args, Debug)]
pub struct BookBuildArgs {
    /// Dossier du livre, qui contient book.toml (par défaut : book).
    #[arg(
        long,
        value_name = "DOSSIER",
        default_value = "book",
        hide_default_value = true
    )]
    pub source: PathBuf,
    /// Dossier de sortie, remplacé à chaque construction (par défaut : book/build).
    #[arg(
        long,
        value_name = "DOSSIER",
        default_value = "book/build",
        hide_default_value = true
    )]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct BookServeArgs {
    /// Dossier du livre construit (par défaut : book/build).
    #[arg(
        long,
        value_name = "DOSSIER",
        default_value = "book/build",
        hide_default_value = true
    )]
    pub out: PathBuf,
    /// Port d'écoute sur 127.0.0.1 (par défaut : 3000).
    #[arg(long, default_value_t = 3000, hide_default_value = true)]
    pub port: u16,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenFormat {
    Markdown,
    Json,
    Moodle,
    Gift,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Format de sortie : text (défaut) ou json.
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub format: ListFormat,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Identifiant du type d'exercice (voir `clientele list`), par exemple prix/net-a-payer.
    pub id: String,
    /// Graine : la même graine redonne toujours le même exercice. Tirée au hasard si absente.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Nombre d'exercices (graines S, S+1, …), 1 par défaut.
    #[arg(long, default_value_t = 1, hide_default_value = true, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub count: u32,
    /// Fixe un paramètre : --set NOM=VALEUR (répétable).
    #[arg(long = "set", value_name = "NOM=VALEUR")]
    pub set: Vec<String>,
    /// Format de sortie : markdown (défaut), json, moodle (XML, questions Cloze) ou gift.
    #[arg(
        long,
        value_enum,
        default_value = "markdown",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub format: GenFormat,
    /// N'inclut pas le corrigé (ni les réponses attendues en JSON).
    #[arg(long = "sans-corrige")]
    pub without_solution: bool,
    /// Fichier de sortie (sinon la sortie standard).
    #[arg(short = 'o', long = "output", value_name = "FICHIER")]
    pub output: Option<PathBuf>,
    /// Autorise à remplacer un fichier de sortie existant.
    #[arg(long)]
    pub force: bool,
    /// Écrit aussi la base de données SQLite de l'exercice (types sql/…) dans FICHIER.
    #[arg(long = "db", value_name = "FICHIER")]
    pub db: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CorrectArgs {
    /// Code imprimé sur l'énoncé, par exemple NAP-77.
    pub code: String,
    /// Fichier TOML de réponses (cle = "réponse") ; sans lui, les questions sont posées une à une.
    #[arg(long = "answers", value_name = "FICHIER")]
    pub answers: Option<PathBuf>,
    /// Paramètres fixés à la génération, s'il y en avait (--set NOM=VALEUR).
    #[arg(long = "set", value_name = "NOM=VALEUR")]
    pub set: Vec<String>,
    /// Format du compte rendu : text (défaut) ou json.
    #[arg(
        long,
        value_enum,
        default_value = "text",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub format: ReportFormat,
}

/// Prints a clap error in French and returns the exit code.
pub fn report_clap_error(e: clap::Error) -> i32 {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                super::USAGE_ERROR
            } else {
                0
            };
        }
        _ => {}
    }
    let what = match e.kind() {
        ErrorKind::InvalidValue => "valeur invalide",
        ErrorKind::UnknownArgument => "option inconnue",
        ErrorKind::InvalidSubcommand => {
            "commande inconnue (list, generate, correct, book, devoir ou e5)"
        }
        ErrorKind::MissingRequiredArgument => "argument obligatoire manquant",
        ErrorKind::ValueValidation => "valeur hors des limites permises",
        ErrorKind::TooManyValues | ErrorKind::ArgumentConflict => "arguments incompatibles",
        ErrorKind::MissingSubcommand => {
            "commande manquante (list, generate, correct, book, devoir ou e5)"
        }
        _ => "ligne de commande invalide",
    };
    let detail = e.render().to_string();
    let first = detail
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ");
    eprintln!("Erreur : {what}.\n  Détail : {first}\n  Aide : clientele --help, ou clientele COMMANDE --help");
    super::USAGE_ERROR
}

/// Splits `--set NOM=VALEUR` pairs.
pub fn parse_sets(sets: &[String]) -> Result<std::collections::BTreeMap<String, String>, String> {
    let mut out = std::collections::BTreeMap::new();
    for s in sets {
        let (k, v) = s.split_once('=').ok_or_else(|| {
            format!(
                "« --set {s} » : la forme attendue est NOM=VALEUR, par exemple --set quantite=40."
            )
        })?;
        let k = k.trim().to_string();
        if out.insert(k.clone(), v.trim().to_string()).is_some() {
            return Err(format!("Le paramètre « {k} » est fixé deux fois."));
        }
    }
    Ok(out)
}
