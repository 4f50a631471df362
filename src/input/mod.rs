//! Reading articles from files, directories, stdin and JSONL corpora.
