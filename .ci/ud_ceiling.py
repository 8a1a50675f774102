#!/usr/bin/env python3
"""The best sentence F1 a splitter that follows conventions 2 and 5 of vnnews can reach on a
UD Vietnamese-VTB file, scored as score_sentences.py --whole-file scores it.

Convention 2: a colon or semicolon never ends a sentence. Convention 5: "..." or "…" before a
lowercase word is a continuation, not a boundary. A gold boundary of either kind cannot be
found by such a splitter, and the gold sentences on both sides of it cannot be matched; every
other boundary is assumed found (an upper bound). Usage: ud_ceiling.py FILE.jsonl
"""

import json
import sys


def ceiling(sentences: list[str]) -> tuple[int, int, float]:
    """(boundaries that must be missed, sentences that cannot match, best sentence F1)."""
    missed = []
    for index, (this, following) in enumerate(zip(sentences, sentences[1:])):
        this, following = this.rstrip(), following.lstrip()
        ellipsis = this.endswith(("...", "…")) and following[:1].isalpha() and following[0].islower()
        if ellipsis or this.endswith((":", ";")):
            missed.append(index)
    unmatched = {i for index in missed for i in (index, index + 1)}
    correct = len(sentences) - len(unmatched)
    precision = correct / (len(sentences) - len(missed))
    recall = correct / len(sentences)
    return len(missed), len(unmatched), 2 * precision * recall / (precision + recall)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as lines:
        gold = [s for line in lines if line.strip() for s in json.loads(line)["sentences"]]
    missed, unmatched, best = ceiling(gold)
    print(
        f"ceiling under conventions 2 and 5: sentence F1 {best:.4f} "
        f"({missed} gold boundaries are '...'+lowercase or ':'/';', {unmatched} of "
        f"{len(gold)} sentences cannot match)"
    )
