//! `clientele`: exercise generator and auto-corrector for the BTS NDRC unit
//! « Gestion de clientèles » (savoirs S4, S5 and S8).
//!
//! The crate is layered so that each concern can be tested alone:
//! - [`num`]: decimal rounding, French formatting and the reading of typed answers;
//! - [`expr`]: the tiny expression language that lets a later step be recomputed from a
//!   student's own earlier answers (error carried forward), shared with the book's JavaScript;
//! - [`calc`]: pure calculations by topic (numbers in, numbers out);
//! - [`model`], [`catalog`], [`generate`]: what an exercise is and how an instance is drawn;
//! - [`exercises`]: one module per exercise type, turning calculations into French text;
//! - [`correct`]: verdicts, known mistakes, carried-forward credit and scores;
//! - [`render`]: Markdown, JSON and terminal presentations;
//! - [`sql`]: the generated customer database, the sandbox for students' SQL (S822);
//! - [`book`]: the offline HTML course book with the exercises embedded as data;
//! - [`alloc`]: the global allocator of the binary and the benchmarks.

pub mod alloc;
pub mod book;
pub mod calc;
pub mod catalog;
pub mod code;
pub mod correct;
pub mod devoir;
pub mod e5;
pub mod escape;
pub mod exercises;
pub mod expr;
pub mod generate;
pub mod model;
pub mod num;
pub mod render;
pub mod rng;
pub mod sql;
pub mod text;
pub mod typography;
pub mod v1;
pub mod world;
