//! The non-interactive command line.
