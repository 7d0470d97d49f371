//! The segmentation and portfolio analysis family (S522, S432, S431, S423).

pub mod clientele_potentielle;
pub mod detention;
pub mod fichiers_clients;
pub mod scoring;
