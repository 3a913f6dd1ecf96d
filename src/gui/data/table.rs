//! The channels as the window holds them: health computed at the window's clock, most urgent
//! first, with the filtered row order cached so a frame with 10,000 channels only touches the
//! rows it shows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{Channel, ChannelKind, FailureKind, Health, Thresholds, classify};
use crate::service::ChannelView;

/// What the list is narrowed to. Status and kind are remembered between runs; the search is not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub health: Option<Health>,
    pub kind: Option<ChannelKind>,
    #[serde(skip)]
    pub search: String,
}

impl Filter {
    fn admits(&self, view: &ChannelView, needle: &str) -> bool {
        self.health.is_none_or(|h| view.diagnosis.health == h)
            && self.kind.is_none_or(|k| view.channel.kind == k)
            && (needle.is_empty() || view.channel.name.to_lowercase().contains(needle))
    }

    pub fn is_narrowed(&self) -> bool {
        self.health.is_some() || self.kind.is_some() || !self.search.trim().is_empty()
    }
}

#[derive(Default)]
pub struct ChannelTable {
    views: Vec<ChannelView>,
    /// Channel id → position in `views`.
    index: HashMap<String, usize>,
    /// Positions of the rows that pass `filtered_for`, in display order.
    filtered: Vec<usize>,
    filtered_for: Option<Filter>,
    counts: HashMap<Health, usize>,
}

impl ChannelTable {
    pub fn len(&self) -> usize {
        self.views.len()
    }

    pub fn is_empty(&self) -> bool {
        self.views.is_empty()
    }

    /// Replaces everything (a fresh catalog).
    pub fn replace(&mut self, channels: Vec<Channel>, now: DateTime<Utc>, th: &Thresholds) {
        self.views = channels
            .into_iter()
            .map(|c| ChannelView::of(c, now, th))
            .collect();
        self.resort();
    }

    /// Takes in one channel's new facts. During a "check all" rows keep their places
    /// (`resort = false`), so nothing jumps away under the pointer; the order is fixed at the end.
    pub fn upsert(&mut self, channel: Channel, now: DateTime<Utc>, th: &Thresholds, resort: bool) {
        let view = ChannelView::of(channel, now, th);
        match self.index.get(&view.channel.id) {
            Some(&i) => self.views[i] = view,
            None => {
                self.index.insert(view.channel.id.clone(), self.views.len());
                self.views.push(view);
            }
        }
        if resort {
            self.resort();
        } else {
            self.recount();
            self.filtered_for = None;
        }
    }

    /// Health again at `now`: countdowns move on even with no network. The order changes only
    /// when some channel's health did.
    pub fn reclassify(&mut self, now: DateTime<Utc>, th: &Thresholds) {
        let mut changed = false;
        for view in &mut self.views {
            let c = &view.channel;
            let diagnosis = classify(
                c.last_report.as_deref(),
                c.last_failure.as_deref(),
                &c.requirements(),
                now,
                th,
            );
            changed |= diagnosis.health != view.diagnosis.health;
            view.diagnosis = diagnosis;
        }
        if changed {
            self.resort();
        }
    }

    /// Most urgent first, then by name (the service's order), with each key computed once:
    /// comparing lower-cased names pairwise costs too much for thousands of channels.
    pub fn resort(&mut self) {
        self.views
            .sort_by_cached_key(|v| (v.diagnosis.health.urgency(), v.channel.name.to_lowercase()));
        self.index = self
            .views
            .iter()
            .enumerate()
            .map(|(i, v)| (v.channel.id.clone(), i))
            .collect();
        self.recount();
        self.filtered_for = None;
    }

    fn recount(&mut self) {
        self.counts.clear();
        for v in &self.views {
            *self.counts.entry(v.diagnosis.health).or_default() += 1;
        }
    }

    pub fn get(&self, id: &str) -> Option<&ChannelView> {
        self.index.get(id).and_then(|&i| self.views.get(i))
    }

    pub fn count(&self, health: Health) -> usize {
        self.counts.get(&health).copied().unwrap_or(0)
    }

    /// The rows to show for `filter`, recomputed only when the filter or the data changed.
    pub fn visible(&mut self, filter: &Filter) -> &[usize] {
        if self.filtered_for.as_ref() != Some(filter) {
            let needle = filter.search.trim().to_lowercase();
            self.filtered = self
                .views
                .iter()
                .enumerate()
                .filter(|(_, v)| filter.admits(v, &needle))
                .map(|(i, _)| i)
                .collect();
            self.filtered_for = Some(filter.clone());
        }
        &self.filtered
    }

    pub fn at(&self, position: usize) -> Option<&ChannelView> {
        self.views.get(position)
    }

    /// "2 broken, 1 needs attention, 5 healthy", in the same words as the command line.
    pub fn summary(&self) -> String {
        crate::words::reasons::summary(self.views.iter().map(|v| v.diagnosis.health))
    }

    /// Channels whose latest check could not be made, and the most common cause.
    pub fn failed_checks(&self) -> Option<(FailureKind, usize)> {
        let kinds = [
            FailureKind::Network,
            FailureKind::Service,
            FailureKind::RateLimited,
        ];
        let mut counts = [0usize; 3];
        for v in &self.views {
            if let Some(f) = &v.channel.last_failure
                && let Some(i) = kinds.iter().position(|k| *k == f.kind)
            {
                counts[i] += 1;
            }
        }
        let total: usize = counts.iter().sum();
        let (most, _) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
        (total > 0).then_some((kinds[most], total))
    }

    pub fn views(&self) -> &[ChannelView] {
        &self.views
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::{sample_channel, sample_page_report};

    fn channel(name: &str, valid: Option<bool>) -> Channel {
        let report = valid.map(sample_page_report);
        Channel {
            id: name.to_lowercase(),
            name: name.into(),
            ..sample_channel(report, None)
        }
    }

    #[test]
    fn most_urgent_first_and_filters_narrow() {
        let mut t = ChannelTable::default();
        let th = Thresholds::default();
        t.replace(
            vec![
                channel("Zeta", Some(true)),
                channel("Alpha", Some(true)),
                channel("Broken one", Some(false)),
                channel("Fresh", None),
            ],
            Utc::now(),
            &th,
        );
        let names: Vec<&str> = t.views().iter().map(|v| v.channel.name.as_str()).collect();
        assert_eq!(names, ["Broken one", "Fresh", "Alpha", "Zeta"]);
        let summary = crate::words::with_lang(crate::words::Lang::En, || t.summary());
        assert_eq!(summary, "1 broken, 1 not checked, 2 healthy");
        let f = Filter {
            health: Some(Health::Healthy),
            ..Default::default()
        };
        assert_eq!(t.visible(&f).len(), 2);
        let f = Filter {
            search: "ALP".into(),
            ..Default::default()
        };
        assert_eq!(t.visible(&f).len(), 1);
        t.upsert(channel("Alpha", Some(false)), Utc::now(), &th, true);
        assert_eq!(t.count(Health::Broken), 2);
        assert_eq!(t.len(), 4);
    }
}
