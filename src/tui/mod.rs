//! The interactive terminal reader.
