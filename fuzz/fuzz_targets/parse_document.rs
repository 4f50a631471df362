//! Any bytes, decoded the way files are, must parse without panicking into a document that keeps
//! every promise of the model (`briefing::model::violations`).
#![no_main]

use briefing::input::decode_preserving_offsets;
use briefing::model::violations;
use briefing::parse::{parse_document, Meta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = decode_preserving_offsets(data.to_vec());
    let doc = parse_document(Meta::default(), text);
    let broken = violations(&doc);
    assert!(broken.is_empty(), "{broken:#?}");
});
