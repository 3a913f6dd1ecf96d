//! Issue 9, "fail closed": each test shows an edge that used to fail open now refusing, with
//! nothing changed afterwards. The Graph simulator stands in for Meta over loopback (faults
//! included); files, the vault and processes are real.

mod graph;
mod leaks;
mod process;
mod profile;
mod validation;
