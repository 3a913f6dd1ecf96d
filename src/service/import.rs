//! `import`: many new channels in one run. Each is validated online with the rules of `add`
//! (Meta must confirm the token, its app and its Page; no twin of a saved channel or of an
//! earlier line), a bad one is refused with its reason and the rest go ahead. All tokens are
//! saved in one write of the secret store (one vault write, one ledger update) and one catalog
//! update, so a thousand channels cost what one costs in scrypt and file writes.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use futures_util::stream::{self, StreamExt};

use super::confirm::target_of;
use super::refusal::{Conflict, Usage};
use super::renew::new_channel;
use super::{ChannelView, Service, ServiceError, blocking};
use crate::model::{Channel, ChannelKind, Secret, SecretRef};
use crate::store::Catalog;

/// Validation calls in flight at once: fast over a good connection, gentle on Meta's limits.
pub const IMPORT_CONCURRENCY: usize = 8;

/// One channel to import, as `add` takes it.
#[derive(Debug, Clone)]
pub struct ImportItem {
    /// Where it came from (the line number of the input), for messages.
    pub line: usize,
    pub name: String,
    pub kind: ChannelKind,
    pub app: Option<String>,
    pub page: Option<String>,
    pub token: Secret,
}

/// A line that was not saved, and why.
#[derive(Debug)]
pub struct ImportRefusal {
    pub line: usize,
    pub name: Option<String>,
    pub error: ServiceError,
}

#[derive(Debug, Default)]
pub struct ImportOutcome {
    /// In input order, with the line each came from.
    pub saved: Vec<(usize, ChannelView)>,
    /// In input order.
    pub refused: Vec<ImportRefusal>,
}

impl ImportOutcome {
    /// 0 when every line was saved, else the worst refusal's code (1 validation, 2 a bad line,
    /// 3 a check that could not be made): as a group renewal reports.
    pub fn exit_code(&self) -> i32 {
        self.refused
            .iter()
            .map(|r| r.error.exit_code())
            .max()
            .unwrap_or(0)
    }
}

impl Service {
    /// Validates each item (up to `IMPORT_CONCURRENCY` at once), then saves the ones that
    /// passed. `Err` only when nothing could be saved at all (catalog or secret store failed).
    pub async fn import_channels(
        &self,
        items: Vec<ImportItem>,
    ) -> Result<ImportOutcome, ServiceError> {
        let catalog = self.catalog().await?;
        let mut outcome = ImportOutcome::default();
        let mut names: HashSet<String> = catalog.channels.iter().map(|c| c.name.clone()).collect();
        let mut todo = Vec::new();
        for mut item in items {
            item.name = crate::model::text::inert(item.name.trim());
            let refusal = if item.name.is_empty() {
                Some(Usage::ChannelNameMissing)
            } else if !names.insert(item.name.clone()) {
                Some(Usage::LineNameTaken {
                    name: item.name.clone(),
                })
            } else {
                None
            };
            match refusal {
                Some(why) => outcome.refuse(&item, ServiceError::Usage(why)),
                None => todo.push(item),
            }
        }
        let apps = &catalog.apps;
        let checked: Vec<_> = stream::iter(todo)
            .map(|item| async move {
                let v = self
                    .validate_in(
                        apps,
                        None,
                        item.kind,
                        item.app.as_deref(),
                        item.page.as_deref(),
                        &item.token,
                    )
                    .await;
                (item, v)
            })
            .buffered(IMPORT_CONCURRENCY)
            .collect()
            .await;
        let now = Utc::now();
        let mut targets = HashSet::new();
        let mut accepted: Vec<(usize, Channel, Secret)> = Vec::new();
        for (item, v) in checked {
            let v = match v {
                Ok(v) if v.passes() => v,
                Ok(v) => {
                    let reasons = v.refusals;
                    outcome.refuse(&item, ServiceError::Refused { reasons });
                    continue;
                }
                Err(e) => {
                    outcome.refuse(&item, e);
                    continue;
                }
            };
            let target = target_of(item.kind, &v.report);
            let twin = super::twins::refuse_twin(&catalog, item.kind, target.as_deref())
                .and_then(|()| refuse_twin_in_run(&mut targets, item.kind, target.as_deref()));
            if let Err(e) = twin {
                outcome.refuse(&item, e);
                continue;
            }
            let channel = new_channel(&item.name, item.kind, item.app.as_deref(), &v, now);
            accepted.push((item.line, channel, v.candidate));
        }
        if accepted.is_empty() {
            return Ok(outcome);
        }
        self.sweep().await;
        let entries: Vec<(SecretRef, Secret)> = accepted
            .iter()
            .map(|(_, c, token)| (c.token.secret.clone(), token.clone()))
            .collect();
        let secrets = self.secrets();
        blocking(move || secrets.set_all(&entries)).await??;
        let store = self.store.clone();
        let channels: Vec<Channel> = accepted.iter().map(|(_, c, _)| c.clone()).collect();
        // Decided again under the lock: another window may have added a name or Page meanwhile.
        let result = blocking(move || {
            store.catalog.update(|c: &mut Catalog| {
                let mut late = HashMap::new();
                for ch in channels {
                    let conflict = if c.channels.iter().any(|x| x.name == ch.name) {
                        Err(ServiceError::Conflict(Conflict::LineNameAdded {
                            name: ch.name.clone(),
                        }))
                    } else {
                        super::twins::refuse_twin(c, ch.kind, ch.page_id.as_deref())
                    };
                    match conflict {
                        Ok(()) => {
                            c.history.push(super::history::added_entry(&ch));
                            c.channels.push(ch);
                        }
                        Err(e) => {
                            late.insert(ch.id.clone(), e);
                        }
                    }
                }
                Ok::<_, ServiceError>(late)
            })
        })
        .await?;
        let mut late = match result {
            Ok(late) => late,
            Err(e) => {
                let refs = accepted
                    .into_iter()
                    .map(|(_, c, _)| c.token.secret)
                    .collect();
                self.forget_secrets(refs).await;
                return Err(e);
            }
        };
        let mut unused = Vec::new();
        for (line, channel, _) in accepted {
            if let Some(error) = late.remove(&channel.id) {
                unused.push(channel.token.secret.clone());
                outcome.refused.push(ImportRefusal {
                    line,
                    name: Some(channel.name),
                    error,
                });
                continue;
            }
            outcome
                .saved
                .push((line, ChannelView::of(channel, Utc::now(), &self.thresholds)));
        }
        self.forget_secrets(unused).await;
        outcome.refused.sort_by_key(|r| r.line);
        tracing::info!(
            saved = outcome.saved.len(),
            refused = outcome.refused.len(),
            "import finished"
        );
        Ok(outcome)
    }
}

impl ImportOutcome {
    fn refuse(&mut self, item: &ImportItem, error: ServiceError) {
        self.refused.push(ImportRefusal {
            line: item.line,
            name: Some(item.name.clone()).filter(|n| !n.is_empty()),
            error,
        });
    }
}

/// Two lines for the same Page and kind: the second is a twin of the first.
fn refuse_twin_in_run(
    seen: &mut HashSet<(ChannelKind, String)>,
    kind: ChannelKind,
    target: Option<&str>,
) -> Result<(), ServiceError> {
    let Some(target) = target else { return Ok(()) };
    if seen.insert((kind, target.to_string())) {
        return Ok(());
    }
    Err(ServiceError::refused_for(
        crate::model::ReasonCode::AlreadySaved,
        format!(
            "An earlier line already adds this Page (id {target}) as a {} channel. One channel of each kind per Page.",
            kind.label()
        ),
        "twin_in_run",
        vec![
            ("page_id", crate::model::Fact::Text(target.to_string())),
            ("kind", crate::model::Fact::Text(kind.code().into())),
        ],
    ))
}
