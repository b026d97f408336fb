//! A plain-text tree for people (`├──`, `└──`), used by `trace` and
//! `links`: each item has a head line, detail lines, and children.

use super::{Edge, Evidence, Node};
use std::io::Write;

/// One item of a text tree.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TreeItem {
    pub head: String,
    pub details: Vec<String>,
    pub children: Vec<TreeItem>,
}

impl TreeItem {
    pub fn new(head: impl Into<String>) -> Self {
        TreeItem {
            head: head.into(),
            ..TreeItem::default()
        }
    }

    pub fn with_children(mut self, children: Vec<TreeItem>) -> Self {
        self.children = children;
        self
    }
}

/// `label [片区]`.
pub fn entity_head(node: &Node) -> String {
    format!("{} [{}]", node.label, node.kind.label_zh())
}

/// Detail lines for an edge: date, article and sentence of each evidence.
pub fn evidence_lines(edge: &Edge) -> Vec<String> {
    if edge.evidence.is_empty() {
        return vec![if edge.reference {
            "(参考数据 reference data, no sentence)".to_owned()
        } else {
            "(no evidence sentence)".to_owned()
        }];
    }
    edge.evidence.iter().flat_map(evidence_pair).collect()
}

fn evidence_pair(ev: &Evidence) -> [String; 2] {
    [
        format!(
            "{} 《{}》",
            ev.date.as_deref().unwrap_or("????-??-??"),
            ev.article_title
        ),
        format!("证据: {}", ev.sentence),
    ]
}

/// Writes a tree: the root's head and details flush left, children below.
pub fn write_tree(root: &TreeItem, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", root.head)?;
    for d in &root.details {
        writeln!(out, "  {d}")?;
    }
    write_children(&root.children, "", out)
}

fn write_children(children: &[TreeItem], prefix: &str, out: &mut dyn Write) -> std::io::Result<()> {
    for (i, child) in children.iter().enumerate() {
        let last = i + 1 == children.len();
        let (branch, more) = if last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        writeln!(out, "{prefix}{branch}{}", child.head)?;
        let inner = format!("{prefix}{more}");
        let bar = if child.children.is_empty() {
            "  "
        } else {
            "│ "
        };
        for d in &child.details {
            writeln!(out, "{inner}{bar}{d}")?;
        }
        write_children(&child.children, &inner, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branches_and_details_line_up() {
        let tree = TreeItem::new("无感续证").with_children(vec![
            TreeItem::new("首创于").with_children(vec![TreeItem {
                head: "南京片区".into(),
                details: vec!["证据: 南京片区首创“无感续证”。".into()],
                children: vec![],
            }]),
            TreeItem::new("复制推广至"),
        ]);
        let mut out = Vec::new();
        write_tree(&tree, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "无感续证\n├── 首创于\n│   └── 南京片区\n│         证据: 南京片区首创“无感续证”。\n└── 复制推广至\n"
        );
    }
}
