//! The library in process, without the binary or a window: the Graph simulator over real HTTP,
//! the store on real files (and the OS keychain where one runs), check-all at agency scale and
//! the reminders. One test binary for all of it, so CI links it once.

mod check_all;
mod reminders;
mod sim;
mod store;
