//! Numbers as French students and textbooks write them.

pub mod format;
pub mod parse;
pub mod round;
pub mod tolerance;
