#!/usr/bin/env python3
"""Sort the speaker disagreements of the last `scripts/eval.sh` run into classes.

Usage: scripts/eval_breakdown.py [GOLD.jsonl] [PRED.jsonl]
(defaults: ../shared/eval/dev.jsonl and target/eval/pred.jsonl; needs ../shared/eval/score.py;
EVAL_DIR names another directory holding both).

Quotes are paired with the scorer's own overlap matching and judged with its own speaker rule,
so the "right" count equals the scorer's; gold quotes whose speaker is only a pronoun are left
out, as the scorer leaves them out. Each wrong speaker falls in the first class that fits:
  gold-null        the gold has no speaker
  pred-null        briefing gives no speaker
  title-surname    the gold is a title and surname ("Mr. Alexander"), briefing the full name
  gold-in-mention  the gold is words of the source mention briefing found ("Ohio" for
                   "Ohio Gov. John Kasich")
  shares-a-word    the gold and briefing's speaker share a name word
  other            everything else
Then accuracy by the rule that chose the speaker and how its mention was resolved.
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.environ.get("EVAL_DIR", os.path.join(HERE, "..", "..", "shared", "eval"))
sys.path.insert(0, EVAL)
import score as S  # noqa: E402  (the shared scorer, never copied into the project)


def load(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, f)}


def main():
    gold_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(EVAL, "dev.jsonl")
    default_pred = os.path.join(HERE, "..", "target", "eval", "pred.jsonl")
    pred_path = sys.argv[2] if len(sys.argv) > 2 else default_pred
    gold, pred = load(gold_path), load(pred_path)
    classes = collections.Counter()
    right, total = collections.Counter(), collections.Counter()
    for gid, g in gold.items():
        data = g["text"].encode("utf-8")
        gq = g.get("quotes", [])
        pq = pred.get(gid, {"quotes": []})["quotes"]
        gs = [S.trim(data, q["start"], q["end"]) for q in gq]
        ps = [S.trim(data, p["start"], p["end"]) for p in pq]
        for gi, pi in S.match_overlap(gs, ps):
            q, p = gq[gi], pq[pi]
            if S.unresolved(q.get("speaker")):
                continue
            ok = S.speaker_ok(p.get("speaker"), q.get("speaker"), q.get("speaker_mentions", []))
            prov = p.get("provenance", {})
            rule = f"{prov.get('speaker_rule')}:{prov.get('resolution')}"
            total[rule] += 1
            right[rule] += ok
            if ok:
                classes["right"] += 1
                continue
            gt = S.name_tokens(q.get("speaker") or "")
            pt = S.name_tokens(p.get("speaker") or "")
            mention = S.name_tokens(p.get("mention") or "")
            if q.get("speaker") is None:
                classes["gold-null"] += 1
            elif not p.get("speaker"):
                classes["pred-null"] += 1
            elif gt and gt[0] in ("mr", "ms", "mrs", "dr") and gt[-1] in pt:
                classes["title-surname"] += 1
            elif mention and S.is_subseq(gt, mention):
                classes["gold-in-mention"] += 1
            elif set(gt) & set(pt):
                classes["shares-a-word"] += 1
            else:
                classes["other"] += 1
    judged = sum(classes.values())
    print(f"judged {judged}: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))
    for rule, n in total.most_common():
        print(f"  {rule:28} {right[rule]:5} / {n:5}  {right[rule] / n:.2f}")


if __name__ == "__main__":
    main()
