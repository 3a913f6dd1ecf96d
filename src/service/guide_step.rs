//! One step of the renewal guide and its state: the leaf that `guide` and the per-kind text in
//! `guide_kinds` both build on.

use crate::graph::links::PortalLink;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepState {
    Done,
    ToDo,
    /// Something must be fixed before this step can work; says what.
    Blocked(String),
}

#[derive(Debug, Clone)]
pub struct GuideStep {
    pub title: String,
    pub detail: String,
    pub link: Option<PortalLink>,
    pub state: StepState,
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
    }
}
