//! Where each pane goes for a terminal size. A pure function shared by rendering and by `update`
//! (wrap width, page sizes, mouse hit-testing), so both always agree.

use ratatui::layout::Rect;

use super::state::Pane;

/// Below this the reader shows "terminal too small" instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width on, Topics (and Documents) get a column of their own.
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub header: Rect,
    pub footer: Rect,
    /// Narrow terminals: one line summarising the topic filter.
    pub topics_bar: Option<Rect>,
    /// Present when several documents are open (narrow: only while focused, as a drawer).
    pub documents: Option<Rect>,
    /// Always present when wide; narrow: only while focused, as a drawer over the article.
    pub topics: Option<Rect>,
    pub article: Rect,
    pub quotes: Rect,
    pub wide: bool,
}

impl Panes {
    pub fn compute(area: Rect, several_docs: bool, focus: Pane) -> Option<Panes> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let header = Rect { height: 1, ..area };
        let footer = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let mut body = Rect {
            y: area.y + 1,
            height: area.height - 2,
            ..area
        };
        let wide = area.width >= WIDE;
        if wide {
            let left_w = (area.width * 22 / 100).clamp(24, 34);
            let quotes_w = (area.width * 32 / 100).clamp(34, 56);
            let left = Rect {
                width: left_w,
                ..body
            };
            let quotes = Rect {
                x: body.right() - quotes_w,
                width: quotes_w,
                ..body
            };
            let article = Rect {
                x: left.right(),
                width: quotes.x - left.right(),
                ..body
            };
            let (documents, topics) = if several_docs {
                let docs_h = (left.height * 2 / 5).max(6);
                let d = Rect {
                    height: docs_h,
                    ..left
                };
                (
                    Some(d),
                    Some(Rect {
                        y: d.bottom(),
                        height: left.height - docs_h,
                        ..left
                    }),
                )
            } else {
                (None, Some(left))
            };
            Some(Panes {
                header,
                footer,
                topics_bar: None,
                documents,
                topics,
                article,
                quotes,
                wide,
            })
        } else {
            let bar = Rect { height: 1, ..body };
            body.y += 1;
            body.height -= 1;
            let article_w = body.width * 57 / 100;
            let article = Rect {
                width: article_w,
                ..body
            };
            let quotes = Rect {
                x: article.right(),
                width: body.width - article_w,
                ..body
            };
            let drawer = Rect {
                width: (body.width * 2 / 3).min(44),
                ..body
            };
            let documents = (several_docs && focus == Pane::Documents).then_some(drawer);
            let topics = (focus == Pane::Topics).then_some(drawer);
            Some(Panes {
                header,
                footer,
                topics_bar: Some(bar),
                documents,
                topics,
                article,
                quotes,
                wide,
            })
        }
    }

    /// The pane at a screen position (drawers first: they are drawn on top).
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains((x, y).into()));
        if hit(self.documents) {
            Some(Pane::Documents)
        } else if hit(self.topics) || hit(self.topics_bar) {
            Some(Pane::Topics)
        } else if hit(Some(self.article)) {
            Some(Pane::Article)
        } else if hit(Some(self.quotes)) {
            Some(Pane::Quotes)
        } else {
            None
        }
    }

    /// Columns available to article text: inside the border, one column of padding each side.
    pub fn article_text_width(&self) -> u16 {
        self.article.width.saturating_sub(4).max(1)
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}
