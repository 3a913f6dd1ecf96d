//! Meta's rate-limit usage headers (reference §8): `X-App-Usage` and `X-Page-Usage` (JSON with
//! `call_count`, `total_cputime`, `total_time` percentages) and `X-Business-Use-Case-Usage`
//! (the same per business object, with `estimated_time_to_regain_access` in minutes). A header
//! that is missing or does not parse says nothing; it is never read as "0 % used".

use serde_json::Value;

/// One object's share of its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectUsage {
    /// The business object (a Page, a WABA, an ad account…) as Meta names it.
    pub id: String,
    pub percent: u32,
    pub regain_minutes: Option<i64>,
}

/// What one answer said about usage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// `X-App-Usage`: the highest of its percentages.
    pub app_percent: Option<u32>,
    /// `X-Page-Usage` (unconfirmed in current docs; parsed like `X-App-Usage`).
    pub page_percent: Option<u32>,
    /// `X-Business-Use-Case-Usage`, one entry per object (the highest of its types).
    pub objects: Vec<ObjectUsage>,
}

/// The highest whole percentage among `call_count`, `total_cputime` and `total_time`.
fn percent_of(v: &Value) -> Option<u32> {
    ["call_count", "total_cputime", "total_time"]
        .iter()
        .filter_map(|k| {
            let x = v.get(*k)?;
            x.as_f64().or_else(|| x.as_str()?.parse().ok())
        })
        .filter(|p| p.is_finite() && *p >= 0.0)
        .map(|p| p.ceil().min(1000.0) as u32)
        .max()
}

impl Usage {
    pub fn from_headers(h: &reqwest::header::HeaderMap) -> Usage {
        Usage::from_pairs(
            h.iter()
                .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?))),
        )
    }

    /// A batch op's `headers` list (`[{name, value}]`).
    pub fn from_batch_item(item: &Value) -> Usage {
        let list = item.get("headers").and_then(Value::as_array);
        Usage::from_pairs(
            list.into_iter()
                .flatten()
                .filter_map(|h| Some((h.get("name")?.as_str()?, h.get("value")?.as_str()?))),
        )
    }

    fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Usage {
        let mut u = Usage::default();
        for (name, value) in pairs {
            let Ok(v) = serde_json::from_str::<Value>(value) else {
                continue;
            };
            match name.to_ascii_lowercase().as_str() {
                "x-app-usage" => u.app_percent = percent_of(&v),
                "x-page-usage" => u.page_percent = percent_of(&v),
                "x-business-use-case-usage" => u.objects.extend(objects(&v)),
                _ => {}
            }
        }
        u
    }

    /// The longest wait any object asked for.
    pub fn regain_minutes(&self) -> Option<i64> {
        self.objects.iter().filter_map(|o| o.regain_minutes).max()
    }

    /// The share of `object` used, when Meta said.
    pub fn object(&self, id: &str) -> Option<&ObjectUsage> {
        self.objects.iter().find(|o| o.id == id)
    }
}

fn objects(v: &Value) -> Vec<ObjectUsage> {
    let Some(map) = v.as_object() else {
        return vec![];
    };
    map.iter()
        .filter_map(|(id, list)| {
            let entries = list.as_array()?;
            let percent = entries.iter().filter_map(percent_of).max()?;
            let regain_minutes = entries
                .iter()
                .filter_map(|e| e.get("estimated_time_to_regain_access")?.as_i64())
                .max();
            Some(ObjectUsage {
                id: id.clone(),
                percent,
                regain_minutes,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_three_headers_and_ignores_what_does_not_parse() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(
            "x-app-usage",
            r#"{"call_count":28,"total_time":25,"total_cputime":31}"#
                .parse()
                .unwrap(),
        );
        h.insert("x-page-usage", "not json".parse().unwrap());
        h.insert(
            "x-business-use-case-usage",
            concat!(
                r#"{"500001":[{"type":"pages","call_count":97,"total_cputime":23,"total_time":23,"estimated_time_to_regain_access":7}],"#,
                r#""500002":[{"type":"messenger","call_count":"12.5","total_cputime":1,"total_time":1}]}"#
            )
            .parse()
            .unwrap(),
        );
        let u = Usage::from_headers(&h);
        assert_eq!(u.app_percent, Some(31));
        assert_eq!(u.page_percent, None);
        assert_eq!(u.object("500001").unwrap().percent, 97);
        assert_eq!(u.object("500002").unwrap().percent, 13);
        assert_eq!(u.regain_minutes(), Some(7));
        let item = json!({"code":200,"headers":[{"name":"X-Page-Usage","value":"{\"call_count\":80}"}],"body":"{}"});
        assert_eq!(Usage::from_batch_item(&item).page_percent, Some(80));
        assert_eq!(
            Usage::from_batch_item(&json!({"code":200})),
            Usage::default()
        );
    }
}
