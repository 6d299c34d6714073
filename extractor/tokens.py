"""spaCy's tokenizer, asked once per distinct chunk of a document.

spaCy's `Tokenizer` splits the text into runs of whitespace and of other
characters ("chunks"), tokenizes each chunk on its own (prefixes, suffixes,
infixes, special cases) and keeps the result in a cache, so that a chunk seen
before costs a lookup. In practice that cache is filled only until the first
chunk of a document that holds a special case ("e.g.", "Fig.", "n't": its
`has_special` flag is never reset within a document) or until it holds 10,000
chunks, so nearly every chunk of a paper is split again by its regexes.

`ChunkTokenizer` gives the same tokens: it splits the text into the same runs,
asks spaCy's tokenizer only about the chunks it has not seen (all of a
document's new chunks in one call, each on a line of its own, so that no
chunk's tokens touch another's), and builds the `Doc` from the words and their
trailing spaces, the first space of a whitespace run being the trailing space
of the token before it, as spaCy's own loop does; a special case's own norm
("n't" -> "not", "N.H." -> "New Hampshire") is set on its token as spaCy's
tokenizer sets it. The chunk table lives as long as the pipeline, bounded by
`MAX_CHUNKS`.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import IDX, NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

#: runs of whitespace (`str.isspace`, as the engine's \s) and of other characters
_RUNS = re.compile(r"\S+|\s+")

#: the chunk table is emptied when it holds more chunks than this
MAX_CHUNKS = 200_000


class ChunkTokenizer:
    """A callable tokenizer with the tokens of `tokenizer` (spaCy's), each
    distinct chunk tokenized once."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        #: chunk -> its tokens' texts and norms
        self._chunks: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {}

    def __getattr__(self, name: str) -> Any:
        # rules, explain, prefix_search ...: those of spaCy's tokenizer; not
        # `tokenizer` itself, which is missing only on an instance not yet
        # initialised (copy, pickle): asking it of itself would never end
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def _tokens(self, doc: Doc) -> tuple[list[str], list[int]]:
        """The texts and norms of the tokens of `doc`."""
        strings = self.vocab.strings
        arr = doc.to_array([ORTH, NORM]).reshape(-1, 2)
        return [strings[o] for o in arr[:, 0].tolist()], arr[:, 1].tolist()

    def _alone(self, run: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        words, norms = self._tokens(self.tokenizer(run))
        return tuple(words), tuple(norms)

    def _learn(self, runs: list[str]) -> None:
        """Tokenize the chunks of `runs` not yet in the table."""
        chunks = self._chunks
        if len(chunks) > MAX_CHUNKS:
            chunks.clear()
        new = [r for r in dict.fromkeys(runs) if r not in chunks]
        words = []
        rules = self.tokenizer.rules
        vocab = self.vocab
        for r in new:
            if r[0].isspace():
                chunks[r] = self._alone(r)
            elif r.isalpha() and r.isascii() and r not in rules:
                # ASCII letters alone: no prefix, suffix or infix of spaCy's
                # English rules matches one (checked by a test), so the chunk is
                # one token with its lexeme's own norm, unless a special case
                chunks[r] = (r,), (vocab[r].norm,)
            else:
                words.append(r)
        if not words:
            return
        # one line per chunk: the newline between two chunks is a token of its
        # own, so no chunk's tokens are read next to another's
        doc = self.tokenizer("\n".join(words))
        idx = doc.to_array([IDX]).reshape(-1).astype("int64")
        lengths = numpy.fromiter(map(len, words), dtype="int64", count=len(words))
        starts = numpy.concatenate(([0], numpy.cumsum(lengths + 1)[:-1]))
        which = numpy.searchsorted(starts, idx, side="right") - 1
        inside = idx < starts[which] + lengths[which]
        found: list[tuple[list[str], list[int]]] = [([], []) for _ in words]
        texts, norms = self._tokens(doc)
        for k, keep, w, n in zip(which.tolist(), inside.tolist(), texts, norms, strict=True):
            if keep:
                found[k][0].append(w)
                found[k][1].append(n)
        for r, (toks, toks_norms) in zip(words, found, strict=True):
            chunks[r] = tuple(toks), tuple(toks_norms)

    def __call__(self, text: str) -> Doc:
        """The `Doc` of `text`, tokenized as spaCy's tokenizer does."""
        runs = _RUNS.findall(text)
        self._learn(runs)
        chunks = self._chunks
        words: list[str] = []
        norms: list[int] = []
        spaces: list[bool] = []
        for run in runs:
            if run[0] == " " and spaces:
                # the first space after a token is that token's trailing space
                spaces[-1] = True
                run = run[1:]
                if not run:
                    continue
            known = chunks.get(run)
            if known is None:  # a whitespace run less its first space
                known = chunks[run] = self._alone(run)
            words.extend(known[0])
            norms.extend(known[1])
            spaces.extend([False] * len(known[0]))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if words:
            # the norms special cases give (the others are their words' own)
            wanted = numpy.array(norms, dtype="uint64")
            for i in numpy.flatnonzero(doc.to_array([NORM]).reshape(-1) != wanted).tolist():
                doc[i].norm_ = self.vocab.strings[norms[i]]
        return doc
