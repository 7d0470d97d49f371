//! The follow-up family (S534 « La planification et le suivi de l'action »): comparing
//! actual sales with the budget.

pub mod budget_ecarts;
