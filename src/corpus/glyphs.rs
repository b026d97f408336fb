//! Characters placed on a PDF page and the lines they make: what the PDF
//! reader lays out, and what its column and ruled-table readers take.

/// One character placed on a page: its text, left and right edges, the
/// baseline (upwards, in points) and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub c: char,
    pub x: f32,
    pub right: f32,
    pub baseline: f32,
    pub size: f32,
}

/// A line of a page: its baseline and its characters, left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub baseline: f32,
    pub size: f32,
    pub glyphs: Vec<Glyph>,
}

impl Glyph {
    /// Whether `other` stands on the same line (baselines closer than 0.4
    /// of the smaller size).
    pub fn same_line(&self, other: &Glyph) -> bool {
        (self.baseline - other.baseline).abs() <= self.size.min(other.size) * 0.4
    }
}

impl Line {
    /// The right edge of its last character.
    pub fn right(&self) -> f32 {
        self.glyphs.last().map_or(0.0, |g| g.right)
    }
}

/// Test text placed on a page: each character 10 points wide and high.
#[cfg(test)]
pub fn placed(text: &str, x: f32, baseline: f32) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(i, c)| Glyph {
            c,
            x: x + 10.0 * i as f32,
            right: x + 10.0 * (i + 1) as f32,
            baseline,
            size: 10.0,
        })
        .collect()
}
