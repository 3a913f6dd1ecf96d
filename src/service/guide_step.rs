//! One step of the renewal guide and its state: the leaf that `guide` and the per-kind text in
//! `guide_kinds` both build on.

use crate::graph::links::PortalLink;
use crate::model::Reason;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepState {
    Done,
    ToDo,
    /// Something must be fixed before this step can work; says what.
    Blocked(String),
}

/// Which step this is, with the facts its words mention, for the words layer (issue 11).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Say {
    #[default]
    Unknown,
    CheckToken,
    SeeWhatIsWrong(Reason),
    ItWorks,
    ClearCheck(Reason),
    GiveRoleBack(Reason),
    /// The channel's app id, when known, for the command support staff can run.
    LoginCode(Option<String>),
    OpenExplorer,
    GeneratePageToken,
    OpenMessengerSettings,
    GenerateMessengerToken,
    OpenInstagramSettings,
    GenerateInstagramToken,
    OpenSystemUsers,
    GenerateSystemUserToken,
    Paste,
    Validate,
    Save,
    MessagesArrive,
}

/// What must be fixed before a blocked step can work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    AccountCheck,
    PageRole,
    AppUnknown,
    WhatsappNotSubscribed,
    PageNotSubscribed,
}

#[derive(Debug, Clone)]
pub struct GuideStep {
    /// English: what tests read (`guide_text`) and the words layer's last resort for a step
    /// without a `say`, which a test keeps from happening; people read `words::guide`.
    pub title: String,
    pub detail: String,
    pub link: Option<PortalLink>,
    pub state: StepState,
    pub say: Say,
    /// Why the step is blocked, when `state` is `Blocked`.
    pub block: Option<Block>,
}

pub(super) fn step(
    title: impl Into<String>,
    detail: impl Into<String>,
    link: Option<PortalLink>,
    state: StepState,
) -> GuideStep {
    GuideStep {
        title: title.into(),
        detail: detail.into(),
        link,
        state,
        say: Say::Unknown,
        block: None,
    }
}

impl GuideStep {
    pub(super) fn says(mut self, say: Say) -> Self {
        self.say = say;
        self
    }

    /// Keeps the reason only when the step is blocked.
    pub(super) fn blocked_by(mut self, block: Block) -> Self {
        self.block = matches!(self.state, StepState::Blocked(_)).then_some(block);
        self
    }
}
