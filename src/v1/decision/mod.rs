//! The decision family (S533 « La prise de décision »): choosing between actions under
//! uncertainty, and sales that follow a normal law.

pub mod esperance;
pub mod loi_normale;
