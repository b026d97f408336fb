//! A practice's history as one dated list: when the articles first state
//! it, where it was made, each recognition and each copy, by date.
//!
//! Input: a `PracticeTrace`. Output: `Event`s, earliest first, undated last.

use super::trace::{EntityRef, PracticeTrace, Step};
use serde::Serialize;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum EventKind {
    FirstStated,
    Originated,
    Recognized,
    Replicated,
}

impl EventKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            EventKind::FirstStated => "首次见报",
            EventKind::Originated => "首创",
            EventKind::Recognized => "入选",
            EventKind::Replicated => "复制推广",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            EventKind::FirstStated => "First stated",
            EventKind::Originated => "Originated in",
            EventKind::Recognized => "Recognized as",
            EventKind::Replicated => "Replicated in",
        }
    }
}

/// One dated event of a practice's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub date: Option<String>,
    pub kind: EventKind,
    /// The zone, body or recognition at the other end (none for FirstStated).
    pub entity: Option<EntityRef>,
    pub sentence: Option<String>,
    pub article: Option<String>,
    pub article_title: Option<String>,
}

fn event(kind: EventKind, step: &Step) -> Event {
    let first = step.evidence.first();
    Event {
        date: step.date.clone(),
        kind,
        entity: Some(step.entity.clone()),
        sentence: first.map(|e| e.sentence.clone()),
        article: first.map(|e| e.article.clone()),
        article_title: first.map(|e| e.article_title.clone()),
    }
}

/// The events of a trace, earliest first; the first dated sentence of any
/// step opens the list as "first stated".
pub fn timeline(trace: &PracticeTrace) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for (kind, steps) in [
        (EventKind::Originated, &trace.origins),
        (EventKind::Recognized, &trace.recognitions),
        (EventKind::Replicated, &trace.replications),
    ] {
        events.extend(steps.iter().map(|s| event(kind, s)));
    }
    let first = trace
        .origins
        .iter()
        .chain(&trace.recognitions)
        .chain(&trace.replications)
        .flat_map(|s| &s.evidence)
        .filter(|e| e.date.is_some())
        .min();
    if let Some(ev) = first {
        events.push(Event {
            date: ev.date.clone(),
            kind: EventKind::FirstStated,
            entity: None,
            sentence: Some(ev.sentence.clone()),
            article: Some(ev.article.clone()),
            article_title: Some(ev.article_title.clone()),
        });
    }
    events.sort_by(|a, b| {
        (a.date.is_none(), &a.date, a.kind).cmp(&(b.date.is_none(), &b.date, b.kind))
    });
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;
    use crate::graph::trace::trace_practice;

    #[test]
    fn the_history_runs_from_first_statement_to_the_last_copy() {
        let p = sample();
        let t = trace_practice(&p, p.node("x:wg").unwrap());
        let events = timeline(&t);
        let events: Vec<(Option<&str>, &str)> = events
            .iter()
            .map(|e| (e.date.as_deref(), e.kind.label_zh()))
            .collect();
        assert_eq!(
            events,
            [
                (Some("2024-01-15"), "首次见报"),
                (Some("2024-01-15"), "首创"),
                (Some("2024-03-15"), "复制推广"),
                (Some("2024-05-15"), "复制推广"),
                (Some("2024-10-15"), "入选"),
            ]
        );
    }
}
