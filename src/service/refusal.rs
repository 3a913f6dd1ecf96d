//! Why a request could not be done, as facts (names, ids, paths, numbers) rather than sentences:
//! the words layer phrases them in the user's language (`words::errors`), so the command line and
//! the window say the same thing. The English `Display` here is for logs only.

use std::path::PathBuf;

use crate::model::ChannelKind;

/// What was asked makes no sense as given (exit 2); nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Usage {
    /// A sentence a front end phrased itself, already in the user's language (its own checks of
    /// what was typed or piped in).
    #[error("{0}")]
    Said(String),
    #[error("The app id must be the number shown on the app's dashboard, not {id:?}.")]
    BadAppId { id: String },
    #[error("Give the app a name.")]
    AppNameMissing,
    #[error("Give the channel a name, e.g. \"Acme Shoes Messenger\".")]
    ChannelNameMissing,
    #[error("Give the {what} a name of plain text, e.g. \"Acme Shoes Messenger\".")]
    NameNotPlain { what: Named },
    /// An add (or an import line) names a channel that exists already.
    #[error(
        "A channel called {name:?} exists already. Pick another name, or renew that channel instead."
    )]
    ChannelExists { name: String },
    /// An import line repeats a name saved already or used on an earlier line.
    #[error(
        "A channel called {name:?} exists already (saved, or on an earlier line). Pick another name."
    )]
    LineNameTaken { name: String },
    /// A rename to a name another channel or app has.
    #[error("Another {what} is called {name:?} already (id {id}). Pick another name.")]
    NameTaken {
        what: Named,
        name: String,
        id: String,
    },
    #[error("No saved app has the id {id:?}. The Apps page of the window lists the saved apps.")]
    NoSuchApp { id: String },
    #[error("{name:?} has no earlier token to go back to: it was never renewed here.")]
    NoEarlierToken { name: String },
    #[error("{name:?} is a {} channel; it does not use a webhook.", kind.code())]
    NoWebhook { name: String, kind: ChannelKind },
    #[error("The channel's Page is not known yet; check it first.")]
    PageUnknown,
    #[error(
        "Logging in needs the app's client token (Meta's app dashboard: Settings > Advanced > Security > Client token). Save it with: tokenwarden app add --id {app_id} --name NAME --client-token TOKEN"
    )]
    NoClientToken { app_id: String },
    #[error("Could not write the report to {}: {detail}", path.display())]
    ReportNotWritten { path: PathBuf, detail: String },
    #[error("Could not open {}: {detail}", path.display())]
    ReportNotOpened { path: PathBuf, detail: String },
    /// Not a report at all, or a damaged one (`detail` says what the reader tripped on).
    #[error("{} is not a Tokenwarden report{}.", path.display(), detail.as_ref().map(|d| format!(", or it is damaged ({d})")).unwrap_or_default())]
    NotAReport {
        path: PathBuf,
        detail: Option<String>,
    },
    #[error("{} was made by a newer Tokenwarden ({version}); update to open it.", path.display())]
    NewerReport { path: PathBuf, version: String },
}

/// What a name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Channel,
    App,
}

impl std::fmt::Display for Named {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Named::Channel => "channel",
            Named::App => "app",
        })
    }
}

/// Someone else (another window, another copy of the app) changed the same thing a moment ago;
/// nothing was changed here. A failure to retry (exit 3).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    /// An add found the name taken under the lock.
    #[error(
        "A channel called {name:?} was just added by someone else, so nothing was saved. Pick another name and try again."
    )]
    NameAdded { name: String },
    /// An import line found the name taken under the lock.
    #[error(
        "A channel called {name:?} was just added by someone else, so this line was not saved."
    )]
    LineNameAdded { name: String },
    /// A renewal found another token saved meanwhile.
    #[error(
        "This channel's token was changed by someone else a moment ago. Nothing was saved; look at the channel again and retry if it still needs a new token."
    )]
    TokenChanged,
    /// A rollback found the tokens changed meanwhile.
    #[error(
        "The tokens of {name:?} were changed by someone else a moment ago (a renewal, a restore or another rollback). Nothing was changed; look at the channel again and retry if it still needs its earlier token."
    )]
    TokensChanged { name: String },
    /// A renewal or rollback found its channel removed meanwhile.
    #[error(
        "This channel was removed by someone else a moment ago. Nothing was saved; add it again if it is still needed."
    )]
    Removed,
}

/// An app its channels still use (exit 1); nothing was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppInUse {
    /// The app's name (its id when it has none).
    pub app: String,
    pub channels: Vec<String>,
}

impl std::fmt::Display for AppInUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<String> = self.channels.iter().map(|c| format!("{c:?}")).collect();
        let (channels, them) = match names.len() {
            1 => ("channel", "it"),
            _ => ("channels", "them"),
        };
        write!(
            f,
            "The app {:?} is used by {} {channels}: {}. Remove {them} first; nothing was removed.",
            self.app,
            names.len(),
            names.join(", ")
        )
    }
}

impl std::error::Error for AppInUse {}
