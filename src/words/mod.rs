//! Every sentence a person reads, in their language: Project Fluent messages (English and
//! Spanish, embedded in the binary) phrased from the facts the model and service return (reason
//! codes, numbers, names, times). The CLI speaks through it; the window will too.
//!
//! Nothing in model, graph, store or service imports this module: they return facts, and this
//! layer turns them into words. `--json` keeps its codes; only its `message` fields are phrased.

mod bundle;
pub mod clock;
pub mod errors;
pub mod fixed;
pub mod guide;
pub mod history;
pub mod locale;
pub mod login;
pub mod reasons;
pub mod secret_store;
pub mod time;
pub mod verdict;
pub mod workspace;

#[cfg(test)]
mod completeness;

pub use bundle::{Arg, t, t_args};
pub use fixed::t_static;
pub use fluent_bundle::FluentValue;
pub use locale::{Lang, lang, set_lang, set_thread_lang, with_lang};

/// The English message `id`, for tests that compare it with text kept elsewhere.
#[cfg(test)]
pub fn bundle_phrase_en(id: &str) -> String {
    bundle::phrase(Lang::En, id, &[])
}

/// Chooses the language from the environment (and the system's UI language) once at start, and
/// installs the phrasing the service needs for what it says on its own (reminders).
pub fn init_from_env() {
    set_lang(locale::from_env());
    install();
}

/// Hands the service the words for what it raises itself: the desktop reminders, phrased in the
/// language of the moment when they are raised.
pub fn install() {
    crate::service::phrase_notices_with(reasons::notice);
}
