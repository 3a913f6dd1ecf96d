//! Call budgets (reference §8): calls per app, user or Page in a sliding window, reported as
//! usage percentages in Meta's headers and refused with the scoped limit code once used up
//! (4 app, 17 user, 32 or 80001 Page). Without a budget nothing is limited. The highest
//! percentage ever reported is kept, so tests can see whether a client stayed under 100 %.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::errors::GraphError;
use super::faults::rate_limit_error;

/// What a budget is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    App(String),
    User(String),
    Page(String),
}

#[derive(Debug)]
struct Budget {
    calls: u64,
    window: Duration,
    made: VecDeque<Instant>,
}

impl Budget {
    fn prune(&mut self, now: Instant) {
        while self
            .made
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            self.made.pop_front();
        }
    }

    /// A budget of 0 calls is used up from the start.
    fn percent(&self) -> u64 {
        (self.made.len() as u64 * 100)
            .checked_div(self.calls)
            .unwrap_or(100)
    }

    /// Whole minutes until a call would be taken again (Meta's unit; at least 1 when full).
    fn regain_minutes(&self, now: Instant) -> u64 {
        if self.percent() < 100 {
            return 0;
        }
        let oldest = self.made.front().copied().unwrap_or(now);
        let left = (oldest + self.window).saturating_duration_since(now);
        left.as_secs().div_ceil(60).max(1)
    }
}

/// The scopes one call is charged to.
#[derive(Debug, Default, Clone)]
pub(crate) struct Charge {
    pub app: Option<String>,
    pub user: Option<String>,
    pub page: Option<String>,
    /// The caller is a Page token: a Page limit is then the BUC code 80001, else 32.
    pub page_token: bool,
}

impl Charge {
    fn scopes(&self) -> impl Iterator<Item = Scope> {
        let app = self.app.clone().map(Scope::App);
        let user = self.user.clone().map(Scope::User);
        let page = self.page.clone().map(Scope::Page);
        app.into_iter().chain(user).chain(page)
    }
}

#[derive(Debug, Default)]
pub(crate) struct Budgets {
    budgets: HashMap<Scope, Budget>,
    peak: u64,
    refused: u64,
}

impl Budgets {
    pub fn set(&mut self, scope: Scope, calls: u64, window: Duration) {
        let budget = Budget {
            calls,
            window,
            made: VecDeque::new(),
        };
        self.budgets.insert(scope, budget);
    }

    /// The highest usage percentage any header reported so far.
    pub fn peak(&self) -> u64 {
        self.peak
    }

    /// Calls refused with a limit code so far.
    pub fn refused(&self) -> u64 {
        self.refused
    }

    /// Counts one call, or refuses it with the code of the first scope whose budget is used up
    /// (a refused call is not counted).
    pub fn charge(&mut self, c: &Charge) -> Result<(), GraphError> {
        let now = Instant::now();
        for scope in c.scopes() {
            if let Some(b) = self.budgets.get_mut(&scope) {
                b.prune(now);
                if b.percent() >= 100 {
                    self.refused += 1;
                    return Err(rate_limit_error(match scope {
                        Scope::App(_) => 4,
                        Scope::User(_) => 17,
                        Scope::Page(_) if c.page_token => 80001,
                        Scope::Page(_) => 32,
                    }));
                }
            }
        }
        for scope in c.scopes() {
            if let Some(b) = self.budgets.get_mut(&scope) {
                b.made.push_back(now);
            }
        }
        Ok(())
    }

    /// `X-App-Usage` for the app, when it has a budget.
    pub fn app_usage(&mut self, app: &str) -> Option<Value> {
        let now = Instant::now();
        let b = self.budgets.get_mut(&Scope::App(app.to_string()))?;
        b.prune(now);
        let pct = b.percent();
        self.peak = self.peak.max(pct);
        Some(json!({"call_count": pct, "total_cputime": pct, "total_time": pct}))
    }

    /// `X-Business-Use-Case-Usage` for the Page, when it has a budget.
    pub fn page_usage(&mut self, page: &str) -> Option<Value> {
        let now = Instant::now();
        let b = self.budgets.get_mut(&Scope::Page(page.to_string()))?;
        b.prune(now);
        let pct = b.percent();
        self.peak = self.peak.max(pct);
        Some(json!({ page: [{
            "type": "pages",
            "call_count": pct,
            "total_cputime": pct,
            "total_time": pct,
            "estimated_time_to_regain_access": b.regain_minutes(now),
        }]}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_used_up_budget_refuses_with_its_scopes_code_and_reports_the_wait() {
        let mut b = Budgets::default();
        b.set(Scope::Page("5".into()), 2, Duration::from_secs(3600));
        let call = Charge {
            app: Some("1".into()),
            page: Some("5".into()),
            page_token: true,
            ..Default::default()
        };
        assert!(b.charge(&call).is_ok() && b.charge(&call).is_ok());
        assert_eq!(b.charge(&call).unwrap_err().code, 80001);
        let as_user = Charge {
            page_token: false,
            ..call.clone()
        };
        assert_eq!(b.charge(&as_user).unwrap_err().code, 32);
        let usage = b.page_usage("5").unwrap();
        assert_eq!(usage["5"][0]["call_count"], 100);
        assert_eq!(usage["5"][0]["estimated_time_to_regain_access"], 60);
        assert_eq!((b.peak(), b.refused()), (100, 2));
        // Another Page and an app without a budget are not limited.
        let other = Charge {
            page: Some("6".into()),
            ..call
        };
        assert!(b.charge(&other).is_ok());
        assert!(b.app_usage("1").is_none());
    }
}
