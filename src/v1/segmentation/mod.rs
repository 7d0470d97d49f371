//! The segmentation and portfolio analysis family (S522 « L'analyse du portefeuille
//! clients / prospects », with S431, S432 and S423).

pub mod abc;
pub mod clientele_potentielle;
pub mod detention;
pub mod fichiers_clients;
pub mod portfolio_pool;
pub mod prevision;
pub mod scoring;
pub mod statistiques;
