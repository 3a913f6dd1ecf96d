//! The desktop around the window: the browser, the clipboard, file dialogs, the one-window-per-
//! profile lock (each with a fake the tests drive), and how the window draws.

pub mod browser;
pub mod clipboard;
pub mod dialogs;
pub mod drawing;
pub mod instance;
