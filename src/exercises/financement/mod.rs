//! The financing family (S512 « Les règlements et le financement »).

pub mod calendar;
pub mod interets_simples;
