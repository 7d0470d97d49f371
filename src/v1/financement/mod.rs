//! The financing family (S512 « Les règlements et le financement »).

pub mod calendar;
pub mod choix_financement;
pub mod emprunt;
pub mod equivalence;
pub mod escompte_effets;
pub mod escompte_reglement;
pub mod interets_composes;
pub mod interets_simples;
pub mod penalites;
