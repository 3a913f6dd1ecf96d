//! Words for the few calls that keep a `&'static str` (a dialog's dismiss button, a fact's
//! label): each message is phrased once per language and kept for the rest of the run, so they
//! cost a few bytes each, never a leak per frame.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use super::bundle::t;
use super::locale::{Lang, lang};

type Kept = HashMap<(Lang, &'static str), &'static str>;

static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The message `id` (without arguments) in the current language, as a `&'static str`.
pub fn t_static(id: &'static str) -> &'static str {
    let key = (lang(), id);
    // A poisoned lock only means another thread panicked mid-insert; the map is still whole.
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    kept.entry(key)
        .or_insert_with(|| Box::leak(t(id).into_boxed_str()))
}
