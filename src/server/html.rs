//! HTML building blocks: escaping (every interpolated string goes through
//! `esc`), the page frame, the language switch (中文 default, English), and
//! links to entities and articles.
//!
//! Input: plain strings and the page language. Output: HTML text.

use crate::model::{Class, Property};
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values
/// (the same escaping as XML output; `&apos;` is valid HTML5).
pub fn esc(text: &str) -> String {
    crate::graph::export::xml_escape(text)
}

/// Percent-encodes a query-string value.
pub fn url(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The page language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `?lang=` wins, then the `lang` cookie; Chinese by default.
    pub fn pick(param: Option<&str>, cookie: Option<&str>) -> Lang {
        match param.or(cookie) {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    pub fn t(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// `t` for strings that are not `'static`.
    pub fn t_owned<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        self.t("zh", "en")
    }
}

pub fn class_name(class: &str, lang: Lang) -> String {
    match (class.parse::<Class>(), lang) {
        (Ok(c), Lang::Zh) => c.label_zh().to_owned(),
        _ => class.to_owned(),
    }
}

pub fn property_name(property: Property, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => property.label_zh(),
        Lang::En => property.local_name(),
    }
}

/// A link to an entity page, coloured by class.
pub fn entity_link(iri: &str, label: &str, class: &str) -> String {
    format!(
        "<a class=\"entity c-{}\" href=\"/entity?iri={}\">{}</a>",
        esc(class),
        url(iri),
        esc(label)
    )
}

pub fn article_link(iri: &str, title: &str) -> String {
    let title = if title.is_empty() { iri } else { title };
    format!(
        "<a class=\"article\" href=\"/article?iri={}\">{}</a>",
        url(iri),
        esc(title)
    )
}

/// A whole page: head with the embedded stylesheet, navigation, body.
pub fn page(lang: Lang, title: &str, body: &str, scripts: &[&str]) -> String {
    let mut html = format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · ftzkg</title><link rel=\"stylesheet\" href=\"/assets/style.css\">\
         <link rel=\"stylesheet\" href=\"/assets/palette.css\"></head>\
         <body data-lang=\"{code}\"><header><a class=\"brand\" href=\"/\">{brand}</a><nav>\
         <a href=\"/\">{home}</a><a href=\"/graph?view=zones\">{zones}</a><a href=\"/graph\">{network}</a>\
         <a href=\"/replication\">{matrix}</a><a href=\"/fulltext\">{fulltext}</a><a href=\"/editor\">SPARQL</a>\
         <a id=\"lang-switch\" href=\"/lang/{other}\">{switch}</a></nav></header><main>{body}</main>\
         <footer>ftzkg · <a href=\"/sparql\">SPARQL endpoint</a></footer>",
        code = lang.code(),
        title = esc(title),
        brand = lang.t("自贸试验区知识图谱", "Free Trade Zone Knowledge Graph"),
        home = lang.t("首页", "Home"),
        network = lang.t("片区—政策网络", "Zone–policy network"),
        zones = lang.t("区域总览", "Zones"),
        matrix = lang.t("复制推广矩阵", "Replication"),
        fulltext = lang.t("全文检索", "Full text"),
        other = lang.t("en", "zh"),
        switch = lang.t("English", "中文"),
    );
    for script in scripts {
        let _ = write!(html, "<script src=\"/assets/{}\"></script>", esc(script));
    }
    html.push_str("</body></html>\n");
    html
}

/// Highlights the names of `entities` (label or alias, longest first) in
/// `text` as links; everything else is escaped.
pub fn highlight(text: &str, names: &[(String, String, String)]) -> String {
    let mut names: Vec<&(String, String, String)> =
        names.iter().filter(|n| !n.0.is_empty()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.0.len()));
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((name, iri, class)) = names
            .iter()
            .map(|n| (&n.0, &n.1, &n.2))
            .find(|n| rest.starts_with(n.0.as_str()))
        {
            let _ = write!(
                out,
                "<a class=\"mention c-{}\" href=\"/entity?iri={}\">{}</a>",
                esc(class),
                url(iri),
                esc(name)
            );
            rest = &rest[name.len()..];
        } else {
            if c == '\n' {
                out.push_str("</p><p>");
            } else {
                out.push_str(&esc(c.encode_utf8(&mut [0; 4])));
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    format!("<p>{out}</p>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_labels_become_text() {
        assert_eq!(
            esc("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(url("哈 &"), "%E5%93%88%20%26");
    }

    #[test]
    fn names_in_the_text_become_links_and_the_rest_is_escaped() {
        let names = vec![
            (
                "哈尔滨片区".to_owned(),
                "https://w3id.org/ftzkg/id/area/x".to_owned(),
                "Area".to_owned(),
            ),
            (
                "哈尔滨".to_owned(),
                "https://w3id.org/ftzkg/id/place/y".to_owned(),
                "Place".to_owned(),
            ),
        ];
        let html = highlight("<b>哈尔滨片区在哈尔滨", &names);
        assert!(
            html.starts_with("<p>&lt;b&gt;<a class=\"mention c-Area\""),
            "{html}"
        );
        assert!(html.contains("c-Place"), "{html}");
    }
}
