//! The teacher's workflow: homework sheets with one variant per student, their answer
//! keys and answer-entry files, batch marking and class statistics.
//!
//! Logic only; the HTML, CSV and Moodle presentations are in [`crate::render`].

pub mod answers;
pub mod dates;
pub mod grade;
pub mod roster;
pub mod seed;
pub mod sheet;
pub mod table;
