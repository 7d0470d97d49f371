//! The working-capital family (S523 « Le risque global »).

pub mod rotations;
