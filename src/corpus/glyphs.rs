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

impl Line {
    /// The right edge of its last character.
    pub fn right(&self) -> f32 {
        self.glyphs.last().map_or(0.0, |g| g.right)
    }
}
