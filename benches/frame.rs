//! Frame time at 200×60: drawing the seed, and a long article (30 generated articles in one,
//! ~110 KB) at the top and scrolled to the middle, into ratatui's TestBackend (the same drawing
//! code as the terminal, without the terminal's write).

use briefing::corpus_gen::{article, Pool};
use briefing::input;
use briefing::parse::{parse_document, Meta};
use briefing::tui::{render, update, Action, State, Theme};
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn state_for(text: String) -> State {
    let doc = parse_document(Meta::default(), text);
    let mut s = State::new(vec![doc], Theme::from_env());
    update(&mut s, Action::Resize(200, 60));
    s
}

fn bench(c: &mut Criterion) {
    let pool = Pool::seed();
    let long: String = (0..30)
        .map(|i| article(&pool, 9, i))
        .collect::<Vec<_>>()
        .join("\n\n");
    let seed = state_for(input::SEED_TEXT.to_string());
    let long_top = state_for(long.clone());
    let mut long_mid = state_for(long);
    for _ in 0..40 {
        update(&mut long_mid, Action::PageDown);
    }
    let mut g = c.benchmark_group("frame 200x60");
    for (name, state) in [
        ("seed", &seed),
        ("long article top", &long_top),
        ("long article middle", &long_mid),
    ] {
        let mut term = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
        g.bench_function(name, |b| {
            b.iter(|| {
                term.draw(|f| render::draw(f, state)).expect("draw");
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
