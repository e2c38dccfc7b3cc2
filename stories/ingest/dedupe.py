"""Near-duplicate releases: MinHash signatures of word shingles (datasketch), compared through
locality-sensitive hashing, so that the same release sent by two sources is found in a
constant number of lookups however many items are stored."""

import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3  # words
THRESHOLD = 0.8  # estimated Jaccard similarity from which two releases are the same release
SCHEME = "affine32"  # datasketch's default; named because stored signatures must say theirs
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def content_hash(text: str) -> str:
    """A fingerprint of the text that ignores case, punctuation and spacing."""
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def signature(text: str) -> bytes:
    """The MinHash of `text`'s word shingles, as bytes to store."""
    tokens = words(text)
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([shingle.encode() for shingle in shingles])
    return minhash.hashvalues.astype("<u8").tobytes()


def _minhash(stored: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(bytes(stored), dtype="<u8")
    )


class NearDuplicates:
    """An index of stored signatures: add(key, signature), then best(signature) finds the most
    similar stored key at or above THRESHOLD."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[int, MinHash] = {}

    def __contains__(self, key: int) -> bool:
        return key in self._signatures

    def add(self, key: int, stored: bytes) -> None:
        if key in self._signatures or not stored:
            return
        minhash = _minhash(stored)
        self._signatures[key] = minhash
        self._lsh.insert(key, minhash)

    def best(self, stored: bytes) -> tuple[int, float] | None:
        """(key, estimated similarity) of the closest stored signature, or None."""
        minhash = _minhash(stored)
        scored = [(minhash.jaccard(self._signatures[k]), k) for k in self._lsh.query(minhash)]
        scored = [(score, key) for score, key in scored if score >= self.threshold]
        if not scored:
            return None
        score, key = max(scored)
        return key, score
