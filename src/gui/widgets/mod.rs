//! Small widgets more than one screen uses.

pub mod token_box;
