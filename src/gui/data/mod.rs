//! What the window knows, apart from any screen: the channel table with its sort and filter,
//! the facts shown about a token, the preferences, the notices, where the secret store stands.

pub mod desktop;
pub mod facts;
pub mod first_run;
pub mod lock;
pub mod notices;
pub mod prefs;
pub mod table;
pub mod team;
