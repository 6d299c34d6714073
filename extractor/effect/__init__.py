"""Direction of effect between two arms of a trial, for one outcome.

`litkg effect` answers the systematic reviewer's first question: on this
outcome, was the intervention arm's value significantly higher than the
comparator's, significantly lower, or not significantly different? It finds
the sentence or table row that reports it (`retrieve`), reads its numbers and
cue words (`cues`), and decides (`classify`), keeping every reason it used.
"""
