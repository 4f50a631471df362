//! Colours and emphasis. Colour means "speaker" everywhere; everything else is told apart by
//! modifiers so the screen still reads under `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

/// Mid-tone 256-colour entries: dark enough for a white background, light enough for black.
/// (Yellow, white and the bright ANSI colours disappear on one or the other.)
const SPEAKER_PALETTE: [Color; 8] = [
    Color::Indexed(32),  // blue
    Color::Indexed(166), // orange
    Color::Indexed(34),  // green
    Color::Indexed(162), // magenta
    Color::Indexed(37),  // teal
    Color::Indexed(130), // brown
    Color::Indexed(98),  // violet
    Color::Indexed(124), // red
];

/// Under `NO_COLOR`, speakers are told apart by these instead.
const SPEAKER_MODIFIERS: [Modifier; 3] = [
    Modifier::BOLD,
    Modifier::UNDERLINED,
    Modifier::BOLD.union(Modifier::UNDERLINED),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const MONO: Theme = Theme { color: false };

    /// <https://no-color.org>: any non-empty `NO_COLOR` turns colour off.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::MONO,
            _ => Theme::COLOR,
        }
    }

    /// The style of a speaker by rank (most quoted first); `None` is "unattributed".
    pub fn speaker(&self, rank: Option<usize>) -> Style {
        match rank {
            None => Style::new().add_modifier(Modifier::ITALIC),
            Some(r) if self.color => Style::new().fg(SPEAKER_PALETTE[r % SPEAKER_PALETTE.len()]),
            Some(r) => Style::new().add_modifier(SPEAKER_MODIFIERS[r % SPEAKER_MODIFIERS.len()]),
        }
    }

    pub fn selected(&self) -> Modifier {
        Modifier::REVERSED
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .fg(Color::Indexed(32))
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Fuzzy-search matched characters.
    pub fn matched(&self) -> Modifier {
        Modifier::BOLD | Modifier::UNDERLINED
    }

    /// Keywords of an active topic.
    pub fn keyword(&self) -> Modifier {
        Modifier::UNDERLINED
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn accent(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Indexed(32))
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The cursor row of a list.
    pub fn cursor(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}
